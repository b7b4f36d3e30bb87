package io.cameliotf.emulator.console;

import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.auth.TokenHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The web console's administrator: a user name and the salted PBKDF2 hash of its password ({@link TokenHasher}'s
 * form), never the password itself. Set with {@code --console-admin}, the builder's {@code consoleAdmin} or the seed's
 * {@code console.admin}; it signs in to every organization.
 */
public final class ConsoleAdmin {

    /** The longest user name taken. */
    public static final int MAX_USER = 128;

    private final String user;
    private final String passwordHash;

    private ConsoleAdmin(String user, String passwordHash) {
        this.user = user;
        this.passwordHash = passwordHash;
    }

    /** An administrator whose password is already hashed (as the seed's {@code passwordHash}). */
    public static ConsoleAdmin hashed(String user, String passwordHash) {
        String problem = userProblem(user);
        if (problem != null) {
            throw new IllegalArgumentException("The console administrator's user " + problem);
        }
        if (!TokenHasher.isHash(passwordHash)) {
            throw new IllegalArgumentException("The console administrator's password hash is not of the form "
                    + TokenHasher.FORMAT);
        }
        return new ConsoleAdmin(user, passwordHash);
    }

    /** An administrator with {@code password} hashed now (the array is not kept; the caller may wipe it). */
    public static ConsoleAdmin of(String user, char[] password, TokenHasher hasher) {
        String problem = userProblem(user);
        if (problem != null) {
            throw new IllegalArgumentException("The console administrator's user " + problem);
        }
        problem = passwordProblem(password == null ? null : new String(password));
        if (problem != null) {
            throw new IllegalArgumentException("The console administrator's password " + problem);
        }
        return new ConsoleAdmin(user, hasher.hash(new String(password)));
    }

    /** What is wrong with a user name, or null. */
    public static String userProblem(String user) {
        if (user == null || user.isBlank()) {
            return "must not be empty";
        }
        if (user.length() > MAX_USER) {
            return "has " + user.length() + " characters; at most " + MAX_USER + " are taken";
        }
        return IotfNames.controlCharacterProblem(user);
    }

    /** What is wrong with a password (never showing it), or null. */
    public static String passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return "must not be empty";
        }
        return IotfNames.controlCharacterProblem(password);
    }

    public String user() {
        return user;
    }

    /**
     * True when {@code user} and {@code password} are this administrator's. Costs one PBKDF2 whichever part is wrong,
     * so that the answer's time does not tell a guesser that the user name was right.
     */
    boolean matches(String user, String password, TokenHasher hasher) {
        boolean passwordOk = hasher.verify(password == null ? "" : password, passwordHash);
        boolean userOk = user != null && MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                this.user.getBytes(StandardCharsets.UTF_8));
        return passwordOk && userOk && passwordProblem(password) == null;
    }

    @Override
    public String toString() {
        return "ConsoleAdmin[" + user + ", password ****]";
    }
}
