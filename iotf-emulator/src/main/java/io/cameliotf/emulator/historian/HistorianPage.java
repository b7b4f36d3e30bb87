package io.cameliotf.emulator.historian;

import io.cameliotf.emulator.store.EventPosition;
import io.cameliotf.emulator.store.StoredEvent;
import java.util.List;

/**
 * A page of historical events, newest first.
 *
 * @param next where the next page starts, or null when this is the last page
 */
public record HistorianPage(List<StoredEvent> events, EventPosition next) {
}
