package io.cameliotf.emulator.historian;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A summary over the events of a query.
 *
 * @param newest the receive time of the newest event summarized (milliseconds), or null when none matched
 * @param values one aggregate per field
 */
public record HistorianSummary(String summarizeType, Long newest, ObjectNode values) {
}
