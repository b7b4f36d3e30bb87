package io.cameliotf.emulator.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salts and hashes device tokens and API key tokens with PBKDF2-HMAC-SHA256 [2.3.3], and checks a
 * presented token against a stored hash in constant time.
 * <p>
 * The stored form is {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}: it carries its own
 * iteration count, so hashes made with another setting stay valid.
 */
public final class TokenHasher {

    public static final int DEFAULT_ITERATIONS = 10_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String SCHEME = "pbkdf2-sha256";
    private static final String SCHEME_FORM = "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final char[] TOKEN_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    /** The stored form, for messages. */
    public static final String FORMAT = SCHEME_FORM;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public TokenHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public TokenHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least 1, was " + iterations);
        }
        this.iterations = iterations;
    }

    public String hash(String token) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(token, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + '$' + iterations + '$' + b64.encodeToString(salt) + '$' + b64.encodeToString(hash);
    }

    /** True when {@code token} is the token {@code stored} was made from. A malformed stored hash never matches. */
    public boolean verify(String token, String stored) {
        if (token == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = derive(token, salt, storedIterations);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when {@code stored} has the form of a hash this class makes (it may still be of another token). */
    public static boolean isHash(String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            return Integer.parseInt(parts[1]) >= 1 && Base64.getDecoder().decode(parts[2]).length > 0
                    && Base64.getDecoder().decode(parts[3]).length == HASH_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A new random token of {@code length} characters, URL- and URI-safe. */
    public String newToken(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = TOKEN_ALPHABET[random.nextInt(TOKEN_ALPHABET.length)];
        }
        return new String(chars);
    }

    /** A new random string of letters and digits, as used in generated API keys. */
    public String newAlphanumeric(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = TOKEN_ALPHABET[random.nextInt(62)];
        }
        return new String(chars);
    }

    private static byte[] derive(String token, byte[] salt, int iterations) {
        char[] chars = token.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

}
