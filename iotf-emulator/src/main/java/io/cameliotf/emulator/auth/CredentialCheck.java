package io.cameliotf.emulator.auth;

import io.cameliotf.emulator.store.ApiKey;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.DeviceStore;
import io.cameliotf.emulator.store.RegistryStore;
import java.util.Optional;

/**
 * Decides whether a client may connect [5.2, 5.3, 2.3.3, 2.3.4]. This is the one place where credentials are
 * checked; it is slow on purpose (PBKDF2) and must not run on the broker's network threads.
 */
public final class CredentialCheck {

    private final RegistryStore registry;
    private final DeviceStore devices;
    private final TokenHasher hasher;
    private final VerifiedTokens verified;

    public CredentialCheck(RegistryStore registry, DeviceStore devices, TokenHasher hasher, VerifiedTokens verified) {
        this.registry = registry;
        this.devices = devices;
        this.hasher = hasher;
        this.verified = verified;
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
        if (identity.isQuickstart()) {
            // QuickStart needs no credentials, but has no durable sessions [5.2.5]
            if (!cleanSession) {
                return AuthResult.refused(Refusal.NOT_AUTHORISED,
                        "QuickStart does not keep durable sessions: connect with clean session = true");
            }
            return AuthResult.accepted(identity);
        }
        if (registry.organization(identity.org()).isEmpty()) {
            return AuthResult.refused(Refusal.NOT_AUTHORISED,
                    "client id " + clientId + " names organization '" + identity.org() + "', which does not exist");
        }
        return identity.isDevice() ? checkDevice(identity, username, password)
                : checkApplication(identity, username, password);
    }

    private AuthResult checkDevice(ClientIdentity identity, String username, String password) {
        if (!IotfNames.DEVICE_USERNAME.equals(username)) {
            return AuthResult.refused(identity, Refusal.NOT_AUTHORISED, "device " + identity.clientId()
                    + " must use the user name '" + IotfNames.DEVICE_USERNAME + "' [5.2.2]");
        }
        String problem = checkDeviceToken(identity.org(), identity.deviceType(), identity.deviceId(), password);
        if (problem != null) {
            return AuthResult.refused(identity, Refusal.NOT_AUTHORISED, problem);
        }
        return AuthResult.accepted(identity);
    }

    private AuthResult checkApplication(ClientIdentity identity, String username, String password) {
        if (username == null || username.isEmpty()) {
            return AuthResult.refused(identity, Refusal.NOT_AUTHORISED, "application " + identity.clientId()
                    + " sent no API key as user name [5.3.2]");
        }
        ApiKeyCheck key = checkApiKey(username, password);
        if (!key.isValid()) {
            return AuthResult.refused(identity, Refusal.NOT_AUTHORISED, key.problem());
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
        if (device.isEmpty()) {
            return "device " + clientId + " is not registered";
        }
        if (!verify(clientId, token, device.get().tokenHash())) {
            return "wrong token for device " + clientId;
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
        if (key.isEmpty()) {
            return ApiKeyCheck.invalid("unknown API key " + apiKey);
        }
        if (!verify(apiKey, token, key.get().tokenHash())) {
            return ApiKeyCheck.invalid("wrong token for API key " + apiKey);
        }
        return new ApiKeyCheck(key.get().org(), null);
    }

    private boolean verify(String identity, String token, String storedHash) {
        if (verified.matches(identity, token)) {
            return true;
        }
        if (!hasher.verify(token, storedHash)) {
            return false;
        }
        verified.remember(identity, token);
        return true;
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
