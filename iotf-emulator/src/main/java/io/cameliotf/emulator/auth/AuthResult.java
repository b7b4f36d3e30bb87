package io.cameliotf.emulator.auth;

/**
 * The outcome of a credential check: the identity of an accepted client, or the refusal and a reason for the
 * log (which never contains a token), with the identity the client claimed when its organization exists.
 *
 * @param badCredentials true when the refusal is for the token or the identity it was presented for (unknown,
 *        unregistered, wrong, missing): the client is told no more than that, and the failure counts for the
 *        {@link LoginThrottle}
 */
public record AuthResult(ClientIdentity identity, Refusal refusal, String reason, boolean badCredentials) {

    /** What a client refused for its credentials is told, whichever of them was wrong. */
    public static final String BAD_CREDENTIALS = "Not authorized: the credentials are not valid";

    static AuthResult accepted(ClientIdentity identity) {
        return new AuthResult(identity, null, null, false);
    }

    static AuthResult refused(Refusal refusal, String reason) {
        return new AuthResult(null, refusal, reason, false);
    }

    /** A refused client of an existing organization: who it claimed to be is kept for its connection log. */
    static AuthResult refused(ClientIdentity claimed, Refusal refusal, String reason) {
        return new AuthResult(claimed, refusal, reason, false);
    }

    /** Refused for its credentials ({@code claimed}: who it claimed to be, in an organization that exists). */
    static AuthResult badCredentials(ClientIdentity claimed, String reason) {
        return new AuthResult(claimed, Refusal.NOT_AUTHORISED, reason, true);
    }

    /** What the client is told: {@link #BAD_CREDENTIALS} for bad credentials, else the reason. */
    public String clientReason() {
        return badCredentials ? BAD_CREDENTIALS : reason;
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
