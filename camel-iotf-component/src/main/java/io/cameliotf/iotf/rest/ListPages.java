package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.iotf.IotfConstants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;

/**
 * The lists of API v0002 (later contract 1.3): pages of {@code {"results": [...], "bookmark": ..., "meta":
 * {"totalRows": n}}}, the next one asked for with {@code _bookmark} and the same parameters. One page per message
 * (the bookmark travels in the CamelIotfBookmark header), or with allPages a lazy Iterator over all of them.
 */
final class ListPages {

    private final IotfRestClient rest;

    ListPages(IotfRestClient rest) {
        this.rest = rest;
    }

    /** One page of a list, read into a {@code List<T>}. */
    record Page<T>(List<T> items, String bookmark, Integer totalRows) {
    }

    /** The list at {@code path} as {@code type}: the page the message asks for, or every page with allPages. */
    <T> Object list(RegistryRequest r, String path, Class<T> type) {
        if (r.allPages()) {
            List<Page<T>> last = new ArrayList<>(List.of(page(r, path, type, null)));
            return new PageIterator<>(last.get(0).items(), () -> {
                String bookmark = last.get(0).bookmark();
                if (bookmark == null) {
                    return null;
                }
                last.set(0, page(r, path, type, bookmark));
                return last.get(0).items();
            }, r.maxResults());
        }
        Page<T> page = page(r, path, type, r.bookmark());
        Message in = r.message();
        if (page.bookmark() != null) {
            in.setHeader(IotfConstants.BOOKMARK, page.bookmark());
        } else {
            in.removeHeader(IotfConstants.BOOKMARK);
        }
        if (page.totalRows() != null) {
            in.setHeader(IotfConstants.TOTAL_ROWS, page.totalRows());
        }
        return page.items();
    }

    /** Every page of the list at {@code path}, read at once into one list (at most maxResults items). */
    <T> List<T> all(RegistryRequest r, String path, Class<T> type) {
        List<T> all = new ArrayList<>();
        String bookmark = null;
        do {
            Page<T> page = page(r, path, type, bookmark);
            all.addAll(page.items());
            bookmark = page.bookmark();
        } while (bookmark != null && all.size() < r.maxResults());
        return all.size() > r.maxResults() ? all.subList(0, r.maxResults()) : all;
    }

    private <T> Page<T> page(RegistryRequest r, String path, Class<T> type, String bookmark) {
        JsonNode json;
        try {
            json = rest.get(path, r.listQuery(bookmark), Map.of()).json();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the IoTF API at " + rest.baseUrl() + ": " + e.getMessage(), e);
        }
        if (json == null || json.isArray()) { // some lists come bare (later contract 1.3)
            return new Page<>(RegistryJson.list(json, type), null, json == null ? 0 : json.size());
        }
        JsonNode next = json.get("bookmark");
        JsonNode meta = json.path("meta");
        JsonNode total = meta.has("totalRows") ? meta.get("totalRows") : meta.get("total_rows");
        return new Page<>(RegistryJson.list(json.get("results"), type), next != null && next.isTextual() ? next.asText()
                : null, total != null && total.canConvertToInt() ? total.asInt() : null);
    }
}
