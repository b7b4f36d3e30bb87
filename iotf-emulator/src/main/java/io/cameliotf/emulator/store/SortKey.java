package io.cameliotf.emulator.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One key of a list's order: an API field name, ascending or descending (written {@code -field}, later contract
 * 1.3).
 */
public record SortKey(String field, boolean descending) {

    /** The keys of a {@code _sort} parameter: comma-separated field names, each with an optional leading '-'. */
    public static List<SortKey> parse(String sort) {
        List<SortKey> keys = new ArrayList<>();
        if (sort == null || sort.isBlank()) {
            return keys;
        }
        for (String part : sort.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            boolean descending = p.startsWith("-");
            keys.add(new SortKey(descending || p.startsWith("+") ? p.substring(1) : p, descending));
        }
        return keys;
    }

    @Override
    public String toString() {
        return (descending ? "-" : "") + field;
    }
}
