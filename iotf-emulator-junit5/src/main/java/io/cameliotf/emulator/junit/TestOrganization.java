package io.cameliotf.emulator.junit;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.registry.ApiKeyCredentials;
import io.cameliotf.emulator.registry.DeviceCredentials;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.NewDevice;
import java.util.Locale;
import java.util.UUID;

/**
 * An organization created for one test, with one API key, so that the test sees only its own devices and
 * messages. Devices are registered on demand.
 */
public final class TestOrganization {

    private final IotfEmulator emulator;
    private final String id;
    private final ApiKeyCredentials apiKey;

    private TestOrganization(IotfEmulator emulator, String id, ApiKeyCredentials apiKey) {
        this.emulator = emulator;
        this.id = id;
        this.apiKey = apiKey;
    }

    /** Creates a new organization with a unique id and an API key. */
    public static TestOrganization create(IotfEmulator emulator) {
        return create(emulator, "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 9)
                .toLowerCase(Locale.ROOT));
    }

    /**
     * Creates the organization {@code id} with an API key, for example the one a service keeps at the root
     * ({@link IotfEmulator#rootOrganization()}) when no seed created it.
     */
    public static TestOrganization create(IotfEmulator emulator, String id) {
        emulator.provisioning().createOrganization(id, "Test organization " + id);
        return new TestOrganization(emulator, id, emulator.apiKeys().create(id));
    }

    public String id() {
        return id;
    }

    public String apiKey() {
        return apiKey.key();
    }

    public String apiToken() {
        return apiKey.token();
    }

    /** A second API key of this organization. */
    public ApiKeyCredentials newApiKey() {
        return emulator.apiKeys().create(id);
    }

    /** Registers a device and returns its token. */
    public String registerDevice(String type, String deviceId) {
        DeviceCredentials credentials = emulator.devices().register(id, NewDevice.of(type, deviceId), apiKey.key(),
                DeviceRegistry.TypeRule.CREATE_IF_MISSING);
        return credentials.token();
    }

    /** The component options for an application of this organization on the service it was created on. */
    public ComponentSettings componentSettings() {
        return new ComponentSettings(emulator, this);
    }

    /** The client id of an application of this organization, {@code a:<org>:<appId>}. */
    public String appClientId(String appId) {
        return "a:" + id + ':' + appId;
    }

    /** The client id of a device of this organization, {@code d:<org>:<type>:<id>}. */
    public String deviceClientId(String type, String deviceId) {
        return "d:" + id + ':' + type + ':' + deviceId;
    }

    @Override
    public String toString() {
        return "TestOrganization[" + id + "]";
    }
}
