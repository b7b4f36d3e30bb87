package io.cameliotf.emulator.store;

import java.time.Instant;

/**
 * {@code mgmt.firmware} of a managed device (later contract 2.6, 3.5.7): what a firmware download asked for and where
 * the device is with it.
 *
 * @param state 0 idle, 1 downloading, 2 downloaded
 * @param updateStatus 0 success, 1 in progress, 2 out of memory, 3 connection lost, 4 verification failed,
 *        5 unsupported image, 6 invalid URI
 * @param updated when the service last stored a change of it
 */
public record Firmware(String version, String name, String uri, String verifier, int state, int updateStatus,
        Instant updated) {

    public static final int IDLE = 0;
    public static final int DOWNLOADING = 1;
    public static final int DOWNLOADED = 2;
    public static final int SUCCESS = 0;
    public static final int IN_PROGRESS = 1;

    /** What {@code updateStatus} values mean, by value. */
    public static String updateStatusName(int status) {
        return switch (status) {
            case 0 -> "Success";
            case 1 -> "In Progress";
            case 2 -> "Out of Memory";
            case 3 -> "Connection Lost";
            case 4 -> "Verification Failed";
            case 5 -> "Unsupported Image";
            case 6 -> "Invalid URI";
            default -> "unknown";
        };
    }

    public Firmware withState(int newState, int newUpdateStatus, Instant now) {
        return new Firmware(version, name, uri, verifier, newState, newUpdateStatus, now);
    }
}
