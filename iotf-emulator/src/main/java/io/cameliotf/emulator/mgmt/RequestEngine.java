package io.cameliotf.emulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.store.ManagedDevice;
import io.cameliotf.emulator.store.MgmtRequest;
import io.cameliotf.emulator.store.MgmtRequestStore;
import io.cameliotf.emulator.store.RequestDevice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device management requests (later contract 2.14): initiated through the API for up to 5,000 managed devices
 * ({@link RequestCheck}), each device's entry moved along its action's {@link ActionFlow} by the device's answers,
 * notifies and manage requests; cancelled, deleted and timed out ({@link RequestQueries} shows them). Entries are stored as they change, so requests and device statuses survive
 * a restart and a device that answers after it still completes its entry. One lock: steps of a device never cross.
 */
public final class RequestEngine {

    /** The most devices one request may name (later contract 2.14). */
    public static final int MAX_DEVICES = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(RequestEngine.class);

    private final MgmtRequestStore store;
    private final Management management;
    private final DeviceChannel channel;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final RequestCheck check;
    private final RequestQueries queries;

    RequestEngine(MgmtRequestStore store, Management management, DeviceRegistry registry, DeviceChannel channel,
            Clock clock, ScheduledExecutorService timer, RequestQueries queries) {
        this.store = store;
        this.management = management;
        this.channel = channel;
        this.clock = clock;
        this.timer = timer;
        this.check = new RequestCheck(management, registry);
        this.queries = queries;
        for (MgmtRequest r : store.unfinished()) {
            scheduleTimeout(r);
        }
    }

    /**
     * Initiates a request: checks it, stores it with every device in progress, then sends each device its first
     * message.
     *
     * @param override cancel firmware requests in progress for these devices instead of refusing (409)
     * @return the request's id
     * @throws RequestRefusedException 400, 403, 404 or 409, naming the devices
     */
    public synchronized String initiate(String org, NewRequest r, boolean override) {
        List<ManagedDevice> devices = check.devices(org, r);
        ActionFlow flow = Flows.of(r.action());
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (flow.firmware()) {
            clearFirmwareRequests(devices, override, id);
        }
        MgmtRequest request = new MgmtRequest(0, id, org, r.action(), parametersJson(r.parameters()),
                r.timeoutSeconds(), now);
        List<RequestDevice> entries = new ArrayList<>(devices.size());
        List<ActionFlow.Step> steps = new ArrayList<>(devices.size());
        for (ManagedDevice m : devices) {
            RequestDevice entry = new RequestDevice(id, org, m.type(), m.id(), RequestDevice.IN_PROGRESS, false, null,
                    null, null, null, now);
            ActionFlow.Step step = flow.start(new FlowContext(request, r.parameters(), m, management, clock), entry);
            entries.add(step.entry);
            steps.add(step);
        }
        // stored before anything is sent: an answer finds its entry however fast the device is
        store.insert(request, entries);
        for (int i = 0; i < steps.size(); i++) {
            send(devices.get(i), steps.get(i));
        }
        scheduleTimeout(request);
        LOG.info("Device management request {} ({}) initiated for {} devices of organization {}", id, r.action(),
                devices.size(), org);
        return id;
    }

    /** Devices with a firmware request in progress: 409, or with {@code override} those entries end as failures. */
    private void clearFirmwareRequests(List<ManagedDevice> devices, boolean override, String newId) {
        List<RequestDevice> blocking = new ArrayList<>();
        for (ManagedDevice m : devices) {
            for (RequestDevice e : store.inProgress(m.org(), m.type(), m.id())) {
                if (store.request(m.org(), e.requestId()).map(r -> r.action().startsWith("firmware/")).orElse(false)) {
                    blocking.add(e);
                }
            }
        }
        if (blocking.isEmpty()) {
            return;
        }
        if (!override) {
            throw new RequestRefusedException(409, "The devices " + RequestCheck.some(blocking.stream().map(e -> e.type() + "/"
                    + e.id() + " (request " + e.requestId() + ")").toList()) + " have a firmware request in "
                    + "progress; wait for it, cancel it, or initiate with ?override=true (later contract 3.5.7)");
        }
        Instant now = clock.instant();
        for (RequestDevice e : blocking) {
            store.update(e.done(RequestDevice.FAILURE, e.rc(), "Overridden by request " + newId, now));
        }
    }

    // ---- what devices send

    /** A device answered on {@code iotdevice-1/response}; an answer nobody waits for is ignored. */
    synchronized void onResponse(String org, String type, String id, String reqId, int rc, String message,
            JsonNode body) {
        if (reqId == null) {
            return;
        }
        Optional<RequestDevice> entry = store.pending(org, type, id, reqId);
        if (entry.isEmpty()) {
            LOG.debug("A response of {}/{} to {} that no request waits for", type, id, reqId);
            return;
        }
        advance(entry.get(), (flow, ctx, e) -> flow.onResponse(ctx, e, rc, message, body));
    }

    /**
     * The device notified {@code mgmt.firmware}: taken when a firmware request of it is in progress (the service
     * observes the field then).
     *
     * @return whether it was observed
     */
    synchronized boolean onFirmwareNotify(String org, String type, String id, JsonNode value) {
        boolean observed = false;
        for (RequestDevice e : store.inProgress(org, type, id)) {
            ActionFlow flow = flow(e);
            if (flow != null && flow.firmware()) {
                observed = true;
                advance(e, (f, ctx, entry) -> f.onFirmwareNotify(ctx, entry, value));
            }
        }
        return observed;
    }

    /** Whether a firmware request of the device is in progress (then the service observes mgmt.firmware). */
    synchronized boolean hasFirmwareRequest(String org, String type, String id) {
        for (RequestDevice e : store.inProgress(org, type, id)) {
            ActionFlow flow = flow(e);
            if (flow != null && flow.firmware()) {
                return true;
            }
        }
        return false;
    }

    /** The device sent a manage request: completes its reboots and factory resets. */
    synchronized void onManage(String org, String type, String id) {
        for (RequestDevice e : store.inProgress(org, type, id)) {
            advance(e, (flow, ctx, entry) -> flow.onManage(ctx, entry));
        }
    }

    private interface Move {
        ActionFlow.Step apply(ActionFlow flow, FlowContext ctx, RequestDevice entry);
    }

    private void advance(RequestDevice entry, Move move) {
        Optional<MgmtRequest> request = store.request(entry.org(), entry.requestId());
        Optional<ManagedDevice> device = management.managed(entry.org(), entry.type(), entry.id());
        if (request.isEmpty() || device.isEmpty()) {
            return; // deleted, or the device is no longer managed: nothing is sent to it
        }
        ActionFlow flow = Flows.of(request.get().action());
        FlowContext ctx = new FlowContext(request.get(), parameters(request.get().parametersJson()), device.get(),
                management, clock);
        ActionFlow.Step step = move.apply(flow, ctx, entry);
        if (step.entry != entry) {
            store.update(step.entry);
        }
        send(device.get(), step);
    }

    private ActionFlow flow(RequestDevice e) {
        return store.request(e.org(), e.requestId()).map(r -> Flows.of(r.action())).orElse(null);
    }

    private void send(ManagedDevice m, ActionFlow.Step step) {
        for (ActionFlow.Outgoing out : step.messages) {
            channel.send(m, out.path(), out.message());
        }
    }

    /** Forgets a request and its devices' status; answers of its devices are then ignored. */
    public synchronized void delete(String org, String id) {
        if (!store.delete(org, id)) {
            throw RequestQueries.notFound(id);
        }
    }

    /** Ends every device still in progress as a failure ("cancelled"); the request is then complete. */
    public synchronized RequestQueries.View cancel(String org, String id) {
        MgmtRequest r = queries.request(org, id);
        Instant now = clock.instant();
        for (RequestDevice e : store.incomplete(r.id())) {
            store.update(e.done(RequestDevice.FAILURE, e.rc(), "Cancelled through POST /mgmt/requests/" + id
                    + "/cancel", now));
        }
        return queries.get(org, id);
    }

    private void scheduleTimeout(MgmtRequest r) {
        if (r.timeoutSeconds() == null) {
            return;
        }
        long delay = Duration.between(clock.instant(), r.created().plusSeconds(r.timeoutSeconds())).toMillis();
        timer.schedule(() -> expire(r), Math.max(0, delay), TimeUnit.MILLISECONDS);
    }

    private synchronized void expire(MgmtRequest r) {
        try {
            Instant now = clock.instant();
            for (RequestDevice e : store.incomplete(r.id())) {
                store.update(e.done(RequestDevice.TIMED_OUT, e.rc(), "The device did not complete " + r.action()
                        + " within the request's timeout of " + r.timeoutSeconds() + " s", now));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not time out the devices of request {}: {}", r.id(), e.toString());
        }
    }

    static String parametersJson(Map<String, String> parameters) {
        ArrayNode json = DmJson.JSON.createArrayNode();
        parameters.forEach((name, value) -> json.addObject().put("name", name).put("value", value));
        return json.toString();
    }

    static Map<String, String> parameters(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        if (json != null) {
            try {
                for (JsonNode p : DmJson.JSON.readTree(json)) {
                    map.put(p.get("name").asText(), p.get("value").asText());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Stored parameters are not valid JSON", e);
            }
        }
        return map;
    }
}
