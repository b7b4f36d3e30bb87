package io.cameliotf.emulator.console;

/**
 * Where the service listens, as a device or an application of the console's organization needs it.
 *
 * @param host the host clients connect to
 */
public record ConsoleEndpoints(String host, String domain, int mqttPort, int mqttTlsPort, int httpPort,
        int httpsPort) {
}
