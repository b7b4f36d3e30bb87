package io.cameliotf.emulator.auth;

/**
 * The outcome of a credential check: the identity of an accepted client, or the refusal and a reason for the
 * log (which never contains a token), with the identity the client claimed when its organization exists.
 */
public record AuthResult(ClientIdentity identity, Refusal refusal, String reason) {

    static AuthResult accepted(ClientIdentity identity) {
        return new AuthResult(identity, null, null);
    }

    static AuthResult refused(Refusal refusal, String reason) {
        return new AuthResult(null, refusal, reason);
    }

    /** A refused client of an existing organization: who it claimed to be is kept for its connection log. */
    static AuthResult refused(ClientIdentity claimed, Refusal refusal, String reason) {
        return new AuthResult(claimed, refusal, reason);
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
