package io.cameliotf.emulator.auth;

/** Why a connection is refused, as the MQTT 3.1.1 CONNACK return codes that fit. */
public enum Refusal {
    /** CONNACK 2: the client id is malformed or names no organization. */
    IDENTIFIER_REJECTED(2),
    /** CONNACK 4: the user name or password is wrong or missing. */
    BAD_CREDENTIALS(4),
    /** CONNACK 5: the client is known but may not connect this way. */
    NOT_AUTHORISED(5);

    private final int connackCode;

    Refusal(int connackCode) {
        this.connackCode = connackCode;
    }

    public int connackCode() {
        return connackCode;
    }
}
