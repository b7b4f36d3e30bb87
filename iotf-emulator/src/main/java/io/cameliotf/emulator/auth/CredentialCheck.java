package io.cameliotf.emulator.auth;

import io.cameliotf.emulator.store.ApiKey;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.DeviceStore;
import io.cameliotf.emulator.store.DeviceType;
import io.cameliotf.emulator.store.DeviceTypeStore;
import io.cameliotf.emulator.store.RegistryStore;
import java.util.Optional;

/**
 * Decides whether a client may connect [5.2, 5.3, 2.3.3, 2.3.4]. This is the one place where credentials are
 * checked; it is slow on purpose (PBKDF2) and must not run on the broker's network threads.
 * <p>
 * It must not tell a guesser which identities exist: a token presented for an unknown API key, an unregistered
 * device or an unknown organization is hashed against a dummy hash, at the same cost as a wrong token for a known
 * one, and both are refused alike ({@link AuthResult#badCredentials()}); only the log and the organization's own
 * connection log say which it was. A token with a control character is refused whatever the hash says, since
 * PBKDF2's HMAC pads its key with zero bytes ({@code tok\0} hashes as {@code tok}).
 */
public final class CredentialCheck {

    private final RegistryStore registry;
    private final DeviceStore devices;
    private final DeviceTypeStore types;
    private final TokenHasher hasher;
    private final VerifiedTokens verified;
    private final LoginThrottle throttle;
    /** What a token of an identity that does not exist is checked against: a hash of a random token, made now. */
    private final String dummyHash;

    public CredentialCheck(RegistryStore registry, DeviceStore devices, DeviceTypeStore types, TokenHasher hasher,
            VerifiedTokens verified, LoginThrottle throttle) {
        this.registry = registry;
        this.devices = devices;
        this.types = types;
        this.hasher = hasher;
        this.verified = verified;
        this.throttle = throttle;
        this.dummyHash = hasher.hash(hasher.newToken(18));
    }

    /** The throttle of failed logins, which the transports (MQTT, REST) apply around this check. */
    public LoginThrottle throttle() {
        return throttle;
    }

    /**
     * The identity whose token a login presents, as the throttle and the token cache know it: the client id of a
     * device ({@code d:...}; a gateway's {@code g:...} is its device's, whose token it presents), else the user name
     * (an API key), or null when there is none.
     */
    public static String identity(String clientId, String username) {
        if (clientId != null && clientId.startsWith("d:")) {
            return clientId;
        }
        if (clientId != null && clientId.startsWith("g:")) {
            return "d:" + clientId.substring(2);
        }
        return username == null || username.isEmpty() ? null : username;
    }

    /**
     * True when {@code token} is the one this process last verified for {@code identity} (a memory-only cache, see
     * {@link VerifiedTokens}): such a login is good without PBKDF2 or the database, and is never throttled. Cheap
     * enough for a network thread.
     */
    public boolean knownGood(String identity, String token) {
        return identity != null && token != null && verified.matches(identity, token);
    }

    /**
     * @param clientId the client id as the client sent it
     * @param username the MQTT user name, or null
     * @param password the MQTT password, or null
     * @param cleanSession the clean session flag
     */
    public AuthResult check(String clientId, String username, String password, boolean cleanSession) {
        ClientIdentity identity;
        try {
            identity = ClientIdentity.parse(clientId);
        } catch (MalformedClientIdException e) {
            return AuthResult.refused(Refusal.IDENTIFIER_REJECTED, e.getMessage());
        }
        if (identity.isQuickstart() && identity.isGateway()) {
            return AuthResult.refused(Refusal.NOT_AUTHORISED, "QuickStart has no gateways: client id "
                    + clientId + " needs a registered organization");
        }
        if (identity.isQuickstart()) {
            // QuickStart needs no credentials, but has no durable sessions [5.2.5]
            if (!cleanSession) {
                return AuthResult.refused(Refusal.NOT_AUTHORISED,
                        "QuickStart does not keep durable sessions: connect with clean session = true");
            }
            return AuthResult.accepted(identity);
        }
        if (registry.organization(identity.org()).isEmpty()) {
            hasher.verify(password == null ? "" : password, dummyHash); // as costly as a known organization's refusal
            return AuthResult.badCredentials(null,
                    "client id " + clientId + " names organization '" + identity.org() + "', which does not exist");
        }
        return identity.isApplication() ? checkApplication(identity, username, password)
                : checkDevice(identity, username, password);
    }

    /** A device, or a gateway: the token of its registered device, whose type must then be of class Gateway. */
    private AuthResult checkDevice(ClientIdentity identity, String username, String password) {
        String what = identity.isGateway() ? "gateway " : "device ";
        if (!IotfNames.DEVICE_USERNAME.equals(username)) {
            return AuthResult.refused(identity, Refusal.NOT_AUTHORISED, what + identity.clientId()
                    + " must use the user name '" + IotfNames.DEVICE_USERNAME + "' [5.2.2]");
        }
        String problem = checkDeviceToken(identity.org(), identity.deviceType(), identity.deviceId(), password);
        if (problem != null) {
            return AuthResult.badCredentials(identity, problem);
        }
        if (identity.isGateway() && !isGatewayType(identity.org(), identity.deviceType())) {
            // refused as bad credentials: the token is right, but not for a gateway
            return AuthResult.badCredentials(identity, "gateway " + identity.clientId() + " names device type '"
                    + identity.deviceType() + "', whose classId is not '" + DeviceType.GATEWAY
                    + "' (later contract 3.4)");
        }
        return AuthResult.accepted(identity);
    }

    private boolean isGatewayType(String org, String type) {
        return types.type(org, type).map(t -> DeviceType.GATEWAY.equals(t.classId())).orElse(false);
    }

    private AuthResult checkApplication(ClientIdentity identity, String username, String password) {
        if (username == null || username.isEmpty()) {
            return AuthResult.refused(identity, Refusal.NOT_AUTHORISED, "application " + identity.clientId()
                    + " sent no API key as user name [5.3.2]");
        }
        ApiKeyCheck key = checkApiKey(username, password);
        if (!key.isValid()) {
            return AuthResult.badCredentials(identity, key.problem());
        }
        if (!key.org().equals(identity.org())) {
            return AuthResult.refused(identity, Refusal.NOT_AUTHORISED, "API key " + username + " belongs to organization '"
                    + key.org() + "', not to '" + identity.org() + "' named in client id " + identity.clientId());
        }
        return AuthResult.accepted(identity);
    }

    /**
     * Checks a device's token (MQTT devices [5.2.2], HTTP messaging of the later contract).
     *
     * @return null when the token is the device's, or the problem (never showing the token)
     */
    public String checkDeviceToken(String org, String type, String id, String token) {
        String clientId = "d:" + org + ':' + type + ':' + id;
        if (token == null || token.isEmpty()) {
            return "device " + clientId + " sent no token as password";
        }
        Optional<Device> device = devices.device(org, type, id);
        if (!verify(clientId, token, device.map(Device::tokenHash).orElse(null))) {
            return device.isEmpty() ? "device " + clientId + " is not registered"
                    : wrongToken("device " + clientId, token);
        }
        return null;
    }

    /**
     * Checks an API key and its token (MQTT applications [5.3.2], REST API calls [3.1.1]).
     *
     * @return the key's organization, or the problem (never showing the token)
     */
    public ApiKeyCheck checkApiKey(String apiKey, String token) {
        if (token == null || token.isEmpty()) {
            return ApiKeyCheck.invalid("no token was sent for API key " + apiKey);
        }
        Optional<ApiKey> key = registry.apiKey(apiKey);
        if (!verify(apiKey, token, key.map(ApiKey::tokenHash).orElse(null))) {
            return ApiKeyCheck.invalid(key.isEmpty() ? "unknown API key " + apiKey
                    : wrongToken("API key " + apiKey, token));
        }
        return new ApiKeyCheck(key.get().org(), null);
    }

    /**
     * True when {@code token} is the one {@code storedHash} was made from ({@code storedHash} null: the identity does
     * not exist, and the token is hashed against the dummy hash instead, so that either refusal costs one PBKDF2).
     */
    private boolean verify(String identity, String token, String storedHash) {
        if (storedHash != null && verified.matches(identity, token)) {
            return true;
        }
        boolean matches = hasher.verify(token, storedHash == null ? dummyHash : storedHash);
        if (!matches || storedHash == null || IotfNames.controlCharacterProblem(token) != null) {
            return false;
        }
        verified.remember(identity, token);
        return true;
    }

    private static String wrongToken(String whose, String token) {
        return IotfNames.controlCharacterProblem(token) != null ? "the token sent for " + whose
                + " has a control character" : "wrong token for " + whose;
    }

    /** The outcome of an API key check: its organization, or what is wrong. */
    public record ApiKeyCheck(String org, String problem) {
        static ApiKeyCheck invalid(String problem) {
            return new ApiKeyCheck(null, problem);
        }

        public boolean isValid() {
            return problem == null;
        }
    }
}
