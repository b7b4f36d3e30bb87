package io.cameliotf.emulator.auth;

/**
 * Why a connection is refused, as the MQTT 3.1.1 CONNACK return codes the hosted service answered (later contract
 * 3.1): 2 for a client id that is not one of the service's forms, 5 for every refused login (a wrong or missing token
 * or API key, an unknown device or organization, another organization's key). IBM's clients stop reconnecting only
 * on 5, so a misconfigured client does not retry forever.
 */
public enum Refusal {
    /** CONNACK 2: the client id is malformed. */
    IDENTIFIER_REJECTED(2),
    /** CONNACK 5: the credentials do not admit this client. */
    NOT_AUTHORISED(5);

    private final int connackCode;

    Refusal(int connackCode) {
        this.connackCode = connackCode;
    }

    public int connackCode() {
        return connackCode;
    }
}
