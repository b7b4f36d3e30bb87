package io.cameliotf.iotf.mgmt;

/**
 * What a route throws when it cannot download or install a firmware image, with the updateStatus the device reports
 * [later §3.5.7]. Any other exception counts as CONNECTION_LOST in a download and UNSUPPORTED_IMAGE in an update.
 */
public class IotfFirmwareException extends Exception {

    public static final int OUT_OF_MEMORY = 2;
    public static final int CONNECTION_LOST = 3;
    public static final int VERIFICATION_FAILED = 4;
    public static final int UNSUPPORTED_IMAGE = 5;
    public static final int INVALID_URI = 6;

    private static final long serialVersionUID = 1L;

    private final int updateStatus;

    /** @param updateStatus one of this class's constants (2-6) */
    public IotfFirmwareException(int updateStatus, String message) {
        super(message);
        if (updateStatus < OUT_OF_MEMORY || updateStatus > INVALID_URI) {
            throw new IllegalArgumentException("An IotfFirmwareException's updateStatus is a failure, 2 to 6 [later "
                    + "§3.5.7], not " + updateStatus);
        }
        this.updateStatus = updateStatus;
    }

    public int getUpdateStatus() {
        return updateStatus;
    }
}
