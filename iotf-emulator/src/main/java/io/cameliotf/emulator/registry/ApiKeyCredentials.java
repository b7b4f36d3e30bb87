package io.cameliotf.emulator.registry;

/** A new API key and its token, known in plain text only to whoever created it [2.3.3]. */
public record ApiKeyCredentials(String org, String key, String token) {

    @Override
    public String toString() {
        return "ApiKeyCredentials[" + key + ", token ****]";
    }
}
