package io.cameliotf.emulator.registry;

import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.auth.TokenHasher;
import io.cameliotf.emulator.paging.Bookmark;
import io.cameliotf.emulator.paging.Page;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.Device;
import io.cameliotf.emulator.store.DeviceInfo;
import io.cameliotf.emulator.store.DeviceQuery;
import io.cameliotf.emulator.store.DeviceStore;
import io.cameliotf.emulator.store.DeviceType;
import io.cameliotf.emulator.store.DeviceTypeCount;
import io.cameliotf.emulator.store.DeviceTypeStore;
import io.cameliotf.emulator.store.Location;
import io.cameliotf.emulator.store.RegistryStore;
import io.cameliotf.emulator.store.SortKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The device registry behind both API versions [3.1; later contract 2.2-2.5]: device types, devices, their
 * deviceInfo, metadata and location, and bulk changes. Every change is one transaction; tokens are generated here,
 * returned once and stored only salted and hashed [2.3.3]. A deleted device's credentials stop working at once.
 */
public final class DeviceRegistry {

    /** How a registration treats a device type that does not exist yet. */
    public enum TypeRule {
        /** API v0001 and the Java API: the type comes into being with its first device [3.1.6]. */
        CREATE_IF_MISSING,
        /** API v0002: types are created first (later contract 2.2). */
        MUST_EXIST
    }

    public static final int DEFAULT_PAGE = 25;
    public static final int MAX_PAGE = 5_000;

    private final Database db;
    private final RegistryStore organizations;
    private final DeviceStore devices;
    private final DeviceTypeStore types;
    private final TokenHasher hasher;
    private final Clock clock;
    private final Revocations revocations;

    public DeviceRegistry(Database db, TokenHasher hasher, Clock clock, Revocations revocations) {
        this.db = db;
        this.organizations = new RegistryStore(db);
        this.devices = new DeviceStore(db);
        this.types = new DeviceTypeStore(db);
        this.hasher = hasher;
        this.clock = clock;
        this.revocations = revocations;
    }

    public DeviceStore store() {
        return devices;
    }

    // ---- device types

    public DeviceType createType(String org, NewDeviceType t) {
        checkName("Device type", t.id());
        String classId = t.classId() == null ? DeviceType.DEVICE : t.classId();
        if (!classId.equals(DeviceType.DEVICE) && !classId.equals(DeviceType.GATEWAY)) {
            throw invalid("classId '" + classId + "' is not " + DeviceType.DEVICE + " or " + DeviceType.GATEWAY);
        }
        Instant now = clock.instant();
        DeviceType type = new DeviceType(org, t.id(), classId, t.description(),
                t.info() == null ? DeviceInfo.EMPTY : t.info(), t.metadataJson(), now, now);
        return transaction(c -> {
            requireOrganization(c, org);
            if (types.type(c, org, t.id()).isPresent()) {
                throw new RegistryException(RegistryException.Kind.CONFLICT, "Device type " + t.id()
                        + " already exists in organization " + org);
            }
            types.insert(c, type);
            return type;
        });
    }

    public Optional<DeviceType> type(String org, String id) {
        return types.type(org, id);
    }

    /** A page of an organization's device types, by id; of one class when {@code classId} is not null. */
    public Page<DeviceType> types(String org, String classId, String bookmark, int limit) {
        checkLimit(limit);
        Bookmark.Position after = bookmark == null ? null : decode(bookmark, "id", 1);
        List<DeviceType> page = types.page(org, classId, after == null ? null : (String) after.values().get(0), limit + 1);
        long total = after == null ? types.count(org, classId) : after.total();
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = Bookmark.encode("id", List.of(page.get(limit - 1).id()), total);
        }
        return new Page<>(page, next, total);
    }

    public DeviceType updateType(String org, String id, DeviceTypeUpdate u) {
        return transaction(c -> {
            DeviceType t = types.type(c, org, id).orElseThrow(() -> typeNotFound(org, id));
            DeviceType changed = new DeviceType(org, id, t.classId(), u.descriptionGiven() ? u.description() : t.description(),
                    u.info() == null ? t.deviceInfo() : t.deviceInfo().mergedWith(u.info()),
                    u.metadataGiven() ? u.metadataJson() : t.metadataJson(), t.created(), clock.instant());
            types.update(c, changed);
            return changed;
        });
    }

    /** Deletes a device type; refused while devices of that type are registered. */
    public void deleteType(String org, String id) {
        transaction(c -> {
            if (types.type(c, org, id).isEmpty()) {
                throw typeNotFound(org, id);
            }
            int count = devices.countOfType(c, org, id);
            if (count > 0) {
                throw new RegistryException(RegistryException.Kind.CONFLICT, "Device type " + id + " still has " + count
                        + " device" + (count == 1 ? "" : "s") + "; delete them first");
            }
            return types.delete(c, org, id);
        });
    }

    /** The device types in use and how many devices each has [3.1.5]. */
    public List<DeviceTypeCount> typeCounts(String org) {
        return devices.typeCounts(org);
    }

    // ---- devices

    /** Registers a device of a type that is created when missing, with a generated token. */
    public DeviceCredentials register(String org, String type, String id) {
        return register(org, NewDevice.of(type, id), null, TypeRule.CREATE_IF_MISSING);
    }

    /**
     * Registers a device [3.1.6; later contract 2.3].
     *
     * @param registeredBy who registers it (an API key), shown in the device's {@code registration.auth}, or null
     */
    public DeviceCredentials register(String org, NewDevice d, String registeredBy, TypeRule rule) {
        String plain = checkNewDevice(d);
        Device device = newDevice(org, d, hasher.hash(plain), registeredBy, clock.instant());
        transaction(c -> {
            requireOrganization(c, org);
            insert(c, device, rule);
            return null;
        });
        return new DeviceCredentials(device(org, d.type(), d.id()).orElse(device), plain);
    }

    /**
     * Registers a device a gateway acts for, recording the gateway (the contract's auto-registration, later contract
     * 3.4); a missing type is created, of class Device (the contract leaves this open). Its token is generated and
     * given to nobody: the device is reached through its gateway.
     *
     * @return the device, registered now, or before (then unchanged)
     */
    public Device registerForGateway(String org, String type, String id, String gatewayType, String gatewayId) {
        NewDevice d = NewDevice.of(type, id);
        String plain = checkNewDevice(d);
        Device device = Device.registered(org, type, id, hasher.hash(plain), null, null,
                "g:" + org + ':' + gatewayType + ':' + gatewayId, "gateway", clock.instant())
                .withGateway(gatewayType, gatewayId);
        try {
            transaction(c -> {
                requireOrganization(c, org);
                insert(c, device, TypeRule.CREATE_IF_MISSING);
                return null;
            });
        } catch (RegistryException e) {
            if (e.kind() != RegistryException.Kind.CONFLICT) {
                throw e;
            }
        }
        return get(org, type, id);
    }

    public Optional<Device> device(String org, String type, String id) {
        return devices.device(org, type, id);
    }

    /** The device, or a NOT_FOUND {@link RegistryException}. */
    public Device get(String org, String type, String id) {
        return device(org, type, id).orElseThrow(() -> deviceNotFound(org, type, id));
    }

    /** Every device of an organization (of one type when {@code type} is not null), by type and id [3.1.3, 3.1.4]. */
    public List<Device> devices(String org, String type) {
        return devices.devices(org, type);
    }

    /**
     * A page of an organization's devices (later contract 2.3, 2.4).
     *
     * @param type only this type, or null for every type
     * @param filters equality filters by API field name ({@link DeviceStore#FILTER_FIELDS})
     * @param sort a {@code _sort} parameter ({@link DeviceStore#SORT_FIELDS}, {@code -} for descending), or null
     * @param bookmark the bookmark of the previous page, or null for the first
     */
    public Page<Device> devices(String org, String type, Map<String, String> filters, String sort, String bookmark,
            int limit) {
        checkLimit(limit);
        for (String field : filters.keySet()) {
            if (!DeviceStore.FILTER_FIELDS.contains(field)) {
                throw invalid("Devices cannot be filtered by '" + field + "'; the filters are "
                        + String.join(", ", DeviceStore.FILTER_FIELDS));
            }
        }
        List<SortKey> keys = SortKey.parse(sort);
        for (SortKey k : keys) {
            if (!DeviceStore.SORT_FIELDS.contains(k.field())) {
                throw invalid("Devices cannot be sorted by '" + k.field() + "'; _sort takes "
                        + String.join(", ", DeviceStore.SORT_FIELDS) + " (each with '-' for descending)");
            }
        }
        DeviceQuery first = new DeviceQuery(org, type, filters, keys, null, limit + 1);
        List<SortKey> order = first.order();
        String orderText = order.stream().map(SortKey::toString).collect(Collectors.joining(","));
        Bookmark.Position after = bookmark == null ? null : decode(bookmark, orderText, order.size());
        List<Device> page = devices.page(new DeviceQuery(org, type, filters, keys, after == null ? null : after.values(),
                limit + 1));
        // counted for the first page only, then carried by the bookmark: a later page costs only its own rows
        long total = after == null ? devices.count(first) : after.total();
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = Bookmark.encode(orderText, DeviceStore.sortValues(page.get(limit - 1), order), total);
        }
        return new Page<>(page, next, total);
    }

    /** Changes a device (a merge: what the update leaves null stays). */
    public Device update(String org, String type, String id, DeviceUpdate u) {
        return transaction(c -> {
            Device d = devices.device(c, org, type, id).orElseThrow(() -> deviceNotFound(org, type, id));
            Instant now = clock.instant();
            Device changed = d;
            if (u.info() != null) {
                changed = changed.withInfo(d.info().mergedWith(u.info()), now);
            }
            if (u.metadataGiven()) {
                changed = changed.withMetadata(u.metadataJson(), now);
            }
            if (u.alertEnabled() != null) {
                changed = changed.withAlert(u.alertEnabled(), now);
            }
            if (changed == d) {
                changed = d.withInfo(d.info(), now);
            }
            devices.update(c, changed);
            return changed;
        });
    }

    /** Deletes a device [3.1.9]: its token stops working at once and its live connection is dropped. */
    public void delete(String org, String type, String id) {
        boolean deleted = transaction(c -> devices.delete(c, org, type, id));
        if (!deleted) {
            throw deviceNotFound(org, type, id);
        }
        revocations.deviceDeleted(clientId(org, type, id));
    }

    /** The location of a device, or NOT_FOUND when it has none (later contract 2.5). */
    public Location location(String org, String type, String id) {
        Device d = get(org, type, id);
        if (d.location() == null) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "Device " + type + "/" + id
                    + " has no location");
        }
        return d.location();
    }

    /** Replaces the location of a device (every value: what the update leaves out is removed). */
    public Location updateLocation(String org, String type, String id, LocationUpdate update) {
        Instant now = clock.instant();
        Location location = location(update, now);
        return transaction(c -> {
            Device d = devices.device(c, org, type, id).orElseThrow(() -> deviceNotFound(org, type, id));
            devices.update(c, d.withLocation(location, now));
            return location;
        });
    }

    // ---- bulk (later contract 2.4)

    /**
     * Registers many devices in one transaction; each item succeeds or fails on its own (an existing device, an
     * unknown type, an invalid value), and the result says which. Tokens are hashed in parallel first: PBKDF2 is
     * what bounds this.
     */
    public List<BulkResult> addAll(String org, List<NewDevice> items, String registeredBy) {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>(items.size());
        List<String> plain = new ArrayList<>(items.size());
        for (NewDevice d : items) {
            String problem = null;
            String token = null;
            try {
                token = checkNewDevice(d);
            } catch (RegistryException e) {
                problem = e.getMessage();
            }
            problems.add(problem);
            plain.add(token);
        }
        List<String> hashes = plain.parallelStream().map(t -> t == null ? null : hasher.hash(t)).toList();
        return transaction(c -> {
            requireOrganization(c, org);
            List<BulkResult> results = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                NewDevice d = items.get(i);
                String problem = problems.get(i);
                if (problem == null) {
                    try {
                        insert(c, newDevice(org, d, hashes.get(i), registeredBy, now), TypeRule.MUST_EXIST);
                    } catch (RegistryException e) {
                        problem = e.getMessage();
                    }
                }
                results.add(new BulkResult(d.type(), d.id(), problem == null ? plain.get(i) : null, problem));
            }
            return results;
        });
    }

    /** Deletes many devices in one transaction; a device that does not exist is a failed item, not an error. */
    public List<BulkResult> removeAll(String org, List<DeviceRef> items) {
        List<BulkResult> results = transaction(c -> {
            List<BulkResult> r = new ArrayList<>(items.size());
            for (DeviceRef d : items) {
                String problem = removableNameProblem("Device type", d.type());
                if (problem == null) {
                    problem = removableNameProblem("Device id", d.id());
                }
                if (problem == null && !devices.delete(c, org, d.type(), d.id())) {
                    problem = "Device " + d.type() + "/" + d.id() + " is not registered in organization " + org;
                }
                r.add(new BulkResult(d.type(), d.id(), null, problem));
            }
            return r;
        });
        results.stream().filter(BulkResult::success).forEach(r -> revocations.deviceDeleted(clientId(org, r.type(), r.id())));
        return results;
    }

    // ---- rules

    /** Checks a registration; returns its plain token (the one given, or a new one). */
    private String checkNewDevice(NewDevice d) {
        checkName("Device type", d.type());
        checkName("Device id", d.id());
        if (d.token() != null) {
            String problem = IotfNames.tokenProblem(d.token());
            if (problem != null) {
                throw invalid("The authToken of device " + d.type() + "/" + d.id() + " " + problem);
            }
        }
        if (d.location() != null) {
            location(d.location(), Instant.EPOCH);
        }
        return d.token() == null ? hasher.newToken(Provisioning.TOKEN_LENGTH) : d.token();
    }

    private Device newDevice(String org, NewDevice d, String tokenHash, String registeredBy, Instant now) {
        Device device = Device.registered(org, d.type(), d.id(), tokenHash, d.metadataJson(), d.info(),
                registeredBy == null ? "api" : registeredBy, registeredBy == null ? "api" : "apiKey", now);
        return d.location() == null ? device : device.withLocation(location(d.location(), now), now);
    }

    /** Inserts a checked device, or says why it cannot be: its type is unknown (NOT_FOUND), it exists (CONFLICT). */
    private void insert(Connection c, Device device, TypeRule rule) throws SQLException {
        Optional<DeviceType> type = types.type(c, device.org(), device.type());
        if (type.isEmpty()) {
            if (rule == TypeRule.MUST_EXIST) {
                throw new RegistryException(RegistryException.Kind.NOT_FOUND, "Device type " + device.type()
                        + " does not exist in organization " + device.org() + ": create it first");
            }
            types.ensure(c, device.org(), device.type(), device.registered());
        }
        Device withDefaults = type.isEmpty() ? device
                : device.withInfo(device.info().withDefaults(type.get().deviceInfo()), device.updated());
        RegistryException exists = new RegistryException(RegistryException.Kind.CONFLICT, "Device " + device.type()
                + "/" + device.id() + " is already registered in organization " + device.org());
        if (devices.device(c, device.org(), device.type(), device.id()).isPresent()) {
            throw exists;
        }
        try {
            devices.insert(c, withDefaults);
        } catch (SQLIntegrityConstraintViolationException e) {
            throw exists; // registered at the same moment by another call
        }
    }

    private static Location location(LocationUpdate u, Instant now) {
        if (!(u.latitude() >= -90 && u.latitude() <= 90)) {
            throw invalid("latitude " + u.latitude() + " is not from -90 to 90 degrees");
        }
        if (!(u.longitude() >= -180 && u.longitude() <= 180)) {
            throw invalid("longitude " + u.longitude() + " is not from -180 to 180 degrees");
        }
        if (u.elevation() != null && !Double.isFinite(u.elevation())) {
            throw invalid("elevation must be a finite number of metres");
        }
        if (u.accuracy() != null && !(u.accuracy() >= 0 && Double.isFinite(u.accuracy()))) {
            throw invalid("accuracy must be a finite number of metres, at least 0");
        }
        return new Location(u.latitude(), u.longitude(), u.elevation(), u.accuracy(),
                u.measured() == null ? now : u.measured(), now);
    }

    private static void checkName(String what, String value) {
        String problem = nameProblem(what, value);
        if (problem != null) {
            throw invalid(problem);
        }
    }

    private static String nameProblem(String what, String value) {
        String problem = IotfNames.typeOrIdProblem(value);
        return problem == null ? null : what + " '" + value + "' " + problem;
    }

    /**
     * As {@link #nameProblem}, but {@code .} and {@code ..} pass: a data directory written before they were refused
     * may hold such devices, and the bulk removal (whose names travel in the body, not the path) is how they go.
     */
    private static String removableNameProblem(String what, String value) {
        return IotfNames.isDotSegment(value) ? null : nameProblem(what, value);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw invalid("_limit must be from 1 to " + MAX_PAGE + ", not " + limit);
        }
    }

    private static Bookmark.Position decode(String bookmark, String order, int count) {
        try {
            return Bookmark.decode(bookmark, order, count);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private void requireOrganization(Connection c, String org) throws SQLException {
        if (organizations.organization(c, org).isEmpty()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "Organization " + org + " does not exist");
        }
    }

    private <T> T transaction(Database.Work<T> work) {
        return db.transaction(work);
    }

    static String clientId(String org, String type, String id) {
        return "d:" + org + ':' + type + ':' + id;
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(RegistryException.Kind.INVALID, message);
    }

    private static RegistryException typeNotFound(String org, String id) {
        return new RegistryException(RegistryException.Kind.NOT_FOUND, "Device type " + id
                + " does not exist in organization " + org);
    }

    private static RegistryException deviceNotFound(String org, String type, String id) {
        return new RegistryException(RegistryException.Kind.NOT_FOUND,
                "Device " + type + "/" + id + " is not registered in organization " + org);
    }
}
