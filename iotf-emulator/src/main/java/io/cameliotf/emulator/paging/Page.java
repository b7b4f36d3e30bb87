package io.cameliotf.emulator.paging;

import java.util.List;

/**
 * One page of a list of the later contract (1.3): its items, the bookmark of the next page (null on the last), and
 * how many items the whole list has.
 */
public record Page<T>(List<T> items, String bookmark, long total) {
}
