package io.cameliotf.emulator.store;

import java.util.List;
import java.util.Map;

/**
 * A page of an organization's device list (later contract 2.3, 2.4).
 *
 * @param type only devices of this type, or null for every type
 * @param filters equality filters by API field name (for example {@code deviceInfo.fwVersion}); see
 *        {@link DeviceStore#FILTER_FIELDS}
 * @param sort the order; the device type and id follow as tie-breakers
 * @param after the sort values of the last device of the previous page (in the order of {@link #order()}), or null
 * @param limit the page size
 */
public record DeviceQuery(String org, String type, Map<String, String> filters, List<SortKey> sort, List<Object> after,
        int limit) {

    /** The full order: the requested keys, then type and id ascending unless they were requested. */
    public List<SortKey> order() {
        List<SortKey> order = new java.util.ArrayList<>(sort);
        if (order.stream().noneMatch(k -> k.field().equals("typeId"))) {
            order.add(new SortKey("typeId", false));
        }
        if (order.stream().noneMatch(k -> k.field().equals("deviceId"))) {
            order.add(new SortKey("deviceId", false));
        }
        return order;
    }
}
