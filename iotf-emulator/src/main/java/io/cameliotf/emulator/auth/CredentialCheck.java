package io.cameliotf.emulator.auth;

import io.cameliotf.emulator.store.ApiKey;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.RegistryStore;
import java.util.Optional;

/**
 * Decides whether a client may connect [5.2, 5.3, 2.3.3, 2.3.4]. This is the one place where credentials are
 * checked; it is slow on purpose (PBKDF2) and must not run on the broker's network threads.
 */
public final class CredentialCheck {

    private final RegistryStore registry;
    private final TokenHasher hasher;

    public CredentialCheck(RegistryStore registry, TokenHasher hasher) {
        this.registry = registry;
        this.hasher = hasher;
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
            return AuthResult.refused(Refusal.IDENTIFIER_REJECTED,
                    "client id " + clientId + " names organization '" + identity.org() + "', which does not exist");
        }
        return identity.isDevice() ? checkDevice(identity, username, password)
                : checkApplication(identity, username, password);
    }

    private AuthResult checkDevice(ClientIdentity identity, String username, String password) {
        if (!IotfNames.DEVICE_USERNAME.equals(username)) {
            return AuthResult.refused(Refusal.BAD_CREDENTIALS, "device " + identity.clientId()
                    + " must use the user name '" + IotfNames.DEVICE_USERNAME + "' [5.2.2]");
        }
        if (password == null || password.isEmpty()) {
            return AuthResult.refused(Refusal.BAD_CREDENTIALS,
                    "device " + identity.clientId() + " sent no token as password");
        }
        Optional<Device> device = registry.device(identity.org(), identity.deviceType(), identity.deviceId());
        if (device.isEmpty()) {
            return AuthResult.refused(Refusal.NOT_AUTHORISED, "device " + identity.clientId() + " is not registered");
        }
        if (!hasher.verify(password, device.get().tokenHash())) {
            return AuthResult.refused(Refusal.BAD_CREDENTIALS, "wrong token for device " + identity.clientId());
        }
        return AuthResult.accepted(identity);
    }

    private AuthResult checkApplication(ClientIdentity identity, String username, String password) {
        if (username == null || username.isEmpty()) {
            return AuthResult.refused(Refusal.BAD_CREDENTIALS, "application " + identity.clientId()
                    + " sent no API key as user name [5.3.2]");
        }
        if (password == null || password.isEmpty()) {
            return AuthResult.refused(Refusal.BAD_CREDENTIALS, "application " + identity.clientId()
                    + " sent no token for API key " + username);
        }
        Optional<ApiKey> key = registry.apiKey(username);
        if (key.isEmpty()) {
            return AuthResult.refused(Refusal.BAD_CREDENTIALS, "unknown API key " + username);
        }
        if (!key.get().org().equals(identity.org())) {
            return AuthResult.refused(Refusal.NOT_AUTHORISED, "API key " + username + " belongs to organization '"
                    + key.get().org() + "', not to '" + identity.org() + "' named in client id " + identity.clientId());
        }
        if (!hasher.verify(password, key.get().tokenHash())) {
            return AuthResult.refused(Refusal.BAD_CREDENTIALS, "wrong token for API key " + username);
        }
        return AuthResult.accepted(identity);
    }
}
