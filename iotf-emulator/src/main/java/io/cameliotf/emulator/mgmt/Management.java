package io.cameliotf.emulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.LocationUpdate;
import io.cameliotf.emulator.registry.RegistryException;
import io.cameliotf.emulator.session.ClientStates;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.DeviceInfo;
import io.cameliotf.emulator.store.DeviceStore;
import io.cameliotf.emulator.store.Firmware;
import io.cameliotf.emulator.store.Location;
import io.cameliotf.emulator.store.ManagedDevice;
import io.cameliotf.emulator.store.ManagementStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which devices are managed and how (later contract 3.5.3, 2.6): manage and unmanage, lifetime and dormancy, what a
 * device supports, the gateway it is managed through, {@code mgmt.firmware}; and the attributes a manage request
 * replaces (deviceInfo, metadata) or a location update sets.
 */
public final class Management {

    /** The shortest lifetime other than 0 (never dormant), in seconds (later contract 3.5.3). */
    static final long MIN_LIFETIME = 3600;

    private final ManagementStore store;
    private final DeviceRegistry registry;
    private final Database db;
    private final ClientStates states;
    private final DeviceChannel channel;
    private final Clock clock;

    Management(ManagementStore store, DeviceRegistry registry, Database db, ClientStates states,
            DeviceChannel channel, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.db = db;
        this.states = states;
        this.channel = channel;
        this.clock = clock;
    }

    /**
     * A manage request (later contract 3.5.3) of device {@code type}/{@code id}, arriving through {@code route}: every
     * field of {@code d} is optional; deviceInfo and metadata, when sent, replace the stored ones.
     */
    ManagedDevice manage(DeviceChannel.Route route, String type, String id, ObjectNode d, String topic) {
        long lifetime = DmJson.integer(d, "lifetime", 0, topic);
        if (lifetime < 0 || lifetime > 0 && lifetime < MIN_LIFETIME) {
            throw DmJson.bad("'d.lifetime' of " + topic + " is " + lifetime + " s: it must be 0 (never dormant) or at "
                    + "least " + MIN_LIFETIME + " s");
        }
        boolean deviceActions = false;
        boolean firmwareActions = false;
        Set<String> bundles = new LinkedHashSet<>();
        JsonNode supports = d.get("supports");
        if (supports != null && !supports.isNull()) {
            if (!supports.isObject()) {
                throw DmJson.bad("'d.supports' of " + topic + " must be a JSON object of booleans, as "
                        + "{\"deviceActions\": true, \"firmwareActions\": true}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = supports.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isBoolean()) {
                    throw DmJson.bad("'d.supports." + e.getKey() + "' of " + topic + " must be true or false, not "
                            + DmJson.kind(e.getValue()));
                }
                boolean on = e.getValue().asBoolean();
                switch (e.getKey()) {
                    case "deviceActions" -> deviceActions = on;
                    case "firmwareActions" -> firmwareActions = on;
                    default -> {
                        if (on) {
                            bundles.add(e.getKey()); // a custom action bundle (later contract 3.5.8)
                        }
                    }
                }
            }
        }
        DeviceInfo info = d.hasNonNull("deviceInfo") ? DmJson.deviceInfo(d.get("deviceInfo"), topic) : null;
        JsonNode metadata = d.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw DmJson.bad("'d.metadata' of " + topic + " must be a JSON object, not " + DmJson.kind(metadata));
        }
        Instant now = clock.instant();
        replaceAttributes(route.org(), type, id, info, metadata == null || metadata.isNull() ? null : metadata, now);
        Firmware firmware = store.managed(route.org(), type, id).map(ManagedDevice::firmware).orElse(null);
        ManagedDevice m = new ManagedDevice(route.org(), type, id, lifetime, deviceActions, firmwareActions,
                Set.copyOf(bundles), route.gatewayType(), route.gatewayId(), now, firmware);
        store.put(m);
        return m;
    }

    /** Replaces deviceInfo and metadata when given (a manage request replaces, an API update merges). */
    private void replaceAttributes(String org, String type, String id, DeviceInfo info, JsonNode metadata,
            Instant now) {
        DeviceStore devices = registry.store();
        boolean found = db.transaction(c -> {
            Optional<Device> d = devices.device(c, org, type, id);
            if (d.isEmpty()) {
                return false;
            }
            Device changed = d.get();
            if (info != null) {
                changed = changed.withInfo(info, now);
            }
            if (metadata != null) {
                changed = changed.withMetadata(metadata.toString(), now);
            }
            if (changed != d.get()) {
                devices.update(c, changed);
            }
            return true;
        });
        if (!found) {
            throw new DmException(DmException.NOT_FOUND, "The device " + type + "/" + id + " is not registered in "
                    + "organization " + org);
        }
    }

    /** An unmanage request: the device is no longer managed; its diagnostics and location stay. */
    void unmanage(String org, String type, String id) {
        if (managed(org, type, id).isEmpty() || !store.unmanage(org, type, id)) {
            throw notManaged(type, id, "iotdevice-1/mgmt/unmanage");
        }
    }

    /** The device's management state, when it is managed and not dormant. */
    public Optional<ManagedDevice> managed(String org, String type, String id) {
        Instant now = clock.instant();
        return store.managed(org, type, id).filter(m -> !m.isDormant(now));
    }

    /** For {@code GET .../mgmt}: NOT_FOUND when the device is unknown, or not managed (or dormant). */
    public ManagedDevice mgmt(String org, String type, String id) {
        registry.get(org, type, id);
        return managed(org, type, id).orElseThrow(() -> new RegistryException(RegistryException.Kind.NOT_FOUND,
                "The device " + type + "/" + id + " is not managed: it has not sent a manage request "
                        + "(iotdevice-1/mgmt/manage), unmanaged itself, or went dormant (later contract 2.6)"));
    }

    /** Stores a new {@code mgmt.firmware} of a managed device. */
    void firmware(ManagedDevice m, Firmware firmware) {
        managed(m.org(), m.type(), m.id()).ifPresent(current -> store.put(current.withFirmware(firmware)));
    }

    /** Sets {@code deviceInfo.fwVersion} (a firmware update succeeded, later contract 3.5.7). */
    void fwVersion(String org, String type, String id, String version) {
        Instant now = clock.instant();
        DeviceStore devices = registry.store();
        db.transaction(c -> {
            Optional<Device> d = devices.device(c, org, type, id);
            if (d.isPresent()) {
                String[] values = d.get().info().values();
                values[DeviceInfo.FIELDS.indexOf("fwVersion")] = version;
                devices.update(c, d.get().withInfo(DeviceInfo.of(values), now));
            }
            return null;
        });
    }

    /** A location update of the device itself ({@code iotdevice-1/device/update/location}, 3.5.4). */
    Location location(String org, String type, String id, ObjectNode d, String topic) {
        LocationUpdate update = new LocationUpdate(DmJson.number(d, "latitude", true, topic),
                DmJson.number(d, "longitude", true, topic), DmJson.number(d, "elevation", false, topic),
                DmJson.number(d, "accuracy", false, topic), DmJson.time(d, "measuredDateTime", topic));
        try {
            return registry.updateLocation(org, type, id, update);
        } catch (RegistryException e) {
            throw new DmException(e.kind() == RegistryException.Kind.NOT_FOUND ? DmException.NOT_FOUND
                    : DmException.BAD_REQUEST, "The location of " + topic + " was refused: " + e.getMessage());
        }
    }

    /**
     * The location was changed through the API (later contract 2.5): a managed device that is connected is told on
     * {@code iotdm-1/device/update}, without a {@code reqId} (it does not answer).
     */
    public void locationChanged(String org, String type, String id, Location location) {
        Optional<ManagedDevice> m = managed(org, type, id);
        if (m.isEmpty()) {
            return;
        }
        DeviceChannel.Route route = DeviceChannel.Route.of(m.get());
        boolean connected = states.state(org, route.clientId(type, id)).map(ClientStates.State::connected)
                .orElse(false);
        if (!connected) {
            return;
        }
        ObjectNode value = DmJson.JSON.createObjectNode();
        value.put("latitude", location.latitude());
        value.put("longitude", location.longitude());
        if (location.elevation() != null) {
            value.put("elevation", location.elevation());
        }
        if (location.accuracy() != null) {
            value.put("accuracy", location.accuracy());
        }
        value.put("measuredDateTime", DmJson.dateTime(location.measured()));
        ObjectNode message = DmJson.JSON.createObjectNode();
        message.set("d", DmJson.field("location", value));
        channel.send(m.get(), "device/update", message);
    }

    /** The device was deleted from the registry: its management state and diagnostics go too. */
    void forget(String org, String type, String id) {
        store.forget(org, type, id);
    }

    static DmException notManaged(String type, String id, String topic) {
        return DmJson.bad("The device " + type + "/" + id + " is not managed, so " + topic + " is refused: send "
                + "iotdevice-1/mgmt/manage first");
    }
}
