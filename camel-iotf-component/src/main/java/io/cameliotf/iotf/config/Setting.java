package io.cameliotf.iotf.config;

/**
 * One value read from a configuration source, with where it was read ({@code configFile /etc/app.yaml line 4:
 * options.mqtt.port}, {@code The environment variable WIOTP_AUTH_TOKEN}), so that a later check can name it.
 * {@link #toString()} never shows the value: it may be a secret.
 */
record Setting<T>(T value, String origin) {

    @Override
    public String toString() {
        return origin;
    }
}
