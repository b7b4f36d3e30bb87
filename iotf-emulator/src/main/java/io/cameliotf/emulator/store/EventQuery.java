package io.cameliotf.emulator.store;

/**
 * A historian query [3.2.2-3.2.4]: the events of an organization, of one device type, or of one device; optionally of
 * one event id and between two times (inclusive, milliseconds since the epoch).
 *
 * @param deviceType null for every type
 * @param deviceId null for every device of the type
 * @param evtType null for every event id
 * @param start null for no lower bound
 * @param end null for no upper bound
 */
public record EventQuery(String org, String deviceType, String deviceId, String evtType, Long start, Long end) {
}
