package io.cameliotf.iotf.rules;

/**
 * Keeps the values of secret options (API keys, tokens) out of messages: an API key shows as its organization's
 * prefix, {@code a-org-****}; anything else as {@code ****}.
 */
public final class Secrets {

    private Secrets() {
    }

    /** How {@code secret} is shown. */
    public static String mask(String secret) {
        if (secret != null && secret.startsWith("a-")) {
            int dash = secret.indexOf('-', 2);
            if (dash > 2) {
                return secret.substring(0, dash + 1) + "****";
            }
        }
        return "****";
    }

    /** {@code text} with every one of {@code secrets} masked (for messages a service may echo them in). */
    public static String scrub(String text, String... secrets) {
        String scrubbed = text;
        for (String secret : secrets) {
            if (scrubbed != null && secret != null && secret.length() >= 4) {
                scrubbed = scrubbed.replace(secret, mask(secret));
            }
        }
        return scrubbed;
    }
}
