package io.cameliotf.emulator.store;

/** Where a page of the historian ended: the next page starts with the events older than this one. */
public record EventPosition(long received, long seq) {
}
