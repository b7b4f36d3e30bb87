package io.cameliotf.emulator.mgmt;

import io.cameliotf.emulator.paging.Bookmark;
import io.cameliotf.emulator.paging.Page;
import io.cameliotf.emulator.registry.RegistryException;
import io.cameliotf.emulator.store.MgmtRequest;
import io.cameliotf.emulator.store.MgmtRequestStore;
import io.cameliotf.emulator.store.RequestDevice;
import io.cameliotf.emulator.store.RequestSummary;
import java.util.List;

/** What the API shows of device management requests (later contract 2.14): the list, one request, device statuses. */
public final class RequestQueries {

    private final MgmtRequestStore store;

    RequestQueries(MgmtRequestStore store) {
        this.store = store;
    }

    /** A request and where its devices are. */
    public record View(MgmtRequest request, RequestSummary summary) {
    }

    public Page<View> list(String org, String bookmark, int limit) {
        long after = 0;
        long total;
        if (bookmark != null) {
            Bookmark.Position p = position(bookmark, "seq", 1);
            after = ((Number) p.values().get(0)).longValue();
            total = p.total();
        } else {
            total = store.count(org);
        }
        List<MgmtRequest> page = store.requests(org, after, limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = Bookmark.encode("seq", List.of(page.get(limit - 1).seq()), total);
        }
        return new Page<>(page.stream().map(r -> new View(r, store.summary(r.id()))).toList(), next, total);
    }

    public View get(String org, String id) {
        MgmtRequest r = request(org, id);
        return new View(r, store.summary(r.id()));
    }

    public Page<RequestDevice> deviceStatus(String org, String id, String bookmark, int limit) {
        MgmtRequest r = request(org, id);
        String afterType = null;
        String afterId = null;
        long total = store.summary(r.id()).total();
        if (bookmark != null) {
            Bookmark.Position p = position(bookmark, "typeId,deviceId", 2);
            afterType = (String) p.values().get(0);
            afterId = (String) p.values().get(1);
        }
        List<RequestDevice> page = store.devices(r.id(), afterType, afterId, limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            RequestDevice last = page.get(limit - 1);
            next = Bookmark.encode("typeId,deviceId", List.of(last.type(), last.id()), total);
        }
        return new Page<>(page, next, total);
    }

    public RequestDevice deviceStatus(String org, String id, String type, String deviceId) {
        MgmtRequest r = request(org, id);
        return store.device(r.id(), type, deviceId).orElseThrow(() -> new RegistryException(
                RegistryException.Kind.NOT_FOUND, "The request " + id + " is not for device " + type + "/"
                        + deviceId));
    }

    MgmtRequest request(String org, String id) {
        return store.request(org, id).orElseThrow(() -> notFound(id));
    }

    static RegistryException notFound(String id) {
        return new RegistryException(RegistryException.Kind.NOT_FOUND, "There is no device management request "
                + id + " (later contract 2.14)");
    }

    private static Bookmark.Position position(String bookmark, String order, int count) {
        try {
            return Bookmark.decode(bookmark, order, count);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Kind.INVALID, e.getMessage());
        }
    }
}
