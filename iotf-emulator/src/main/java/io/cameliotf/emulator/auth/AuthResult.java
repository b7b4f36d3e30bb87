package io.cameliotf.emulator.auth;

/**
 * The outcome of a credential check: the identity of an accepted client, or the refusal and a reason for the
 * log (which never contains a token).
 */
public record AuthResult(ClientIdentity identity, Refusal refusal, String reason) {

    static AuthResult accepted(ClientIdentity identity) {
        return new AuthResult(identity, null, null);
    }

    static AuthResult refused(Refusal refusal, String reason) {
        return new AuthResult(null, refusal, reason);
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
