package io.cameliotf.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, in memory only, that a token was verified, so that reconnects and REST calls do not pay for PBKDF2 each
 * time. It keeps an HMAC of the token under a key made at random for this process (never the token, never stored),
 * compared in constant time. Forgotten when the device is deleted.
 */
public final class VerifiedTokens {

    private static final int MAX_ENTRIES = 200_000;

    private final SecretKeySpec key;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    public VerifiedTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** True when {@code token} is the token last verified for {@code identity}. */
    boolean matches(String identity, String token) {
        byte[] known = verified.get(identity);
        return known != null && MessageDigest.isEqual(known, mac(token));
    }

    void remember(String identity, String token) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(identity, mac(token));
    }

    /** Forgets an identity (a device uuid or an API key), for example when it is deleted. */
    public void forget(String identity) {
        verified.remove(identity);
    }

    private byte[] mac(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
