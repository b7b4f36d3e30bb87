package io.cameliotf.emulator.mgmt;

import java.util.Set;

/** The actions of {@code /mgmt/requests} (later contract 2.14) and the flow of each. */
final class Flows {

    static final String REBOOT = "device/reboot";
    static final String FACTORY_RESET = "device/factoryReset";
    static final String FIRMWARE_DOWNLOAD = "firmware/download";
    static final String FIRMWARE_UPDATE = "firmware/update";
    static final Set<String> BUILT_IN = Set.of(REBOOT, FACTORY_RESET, FIRMWARE_DOWNLOAD, FIRMWARE_UPDATE);

    private Flows() {
    }

    static ActionFlow of(String action) {
        return switch (action) {
            case REBOOT -> new DeviceActionFlow("mgmt/initiate/device/reboot");
            case FACTORY_RESET -> new DeviceActionFlow("mgmt/initiate/device/factory_reset");
            case FIRMWARE_DOWNLOAD -> FirmwareFlow.download();
            case FIRMWARE_UPDATE -> FirmwareFlow.update();
            default -> new CustomActionFlow(action);
        };
    }

    /** The bundle of a custom action {@code <bundleId>/<actionId>}, or null for a built-in action. */
    static String bundle(String action) {
        return BUILT_IN.contains(action) ? null : action.substring(0, action.indexOf('/'));
    }

    /** Why a device's answer failed the action: its own message, or what its rc means. */
    static String failure(String topic, int rc, String message) {
        String meaning = switch (rc) {
            case 400 -> "bad request or wrong state";
            case 404 -> "not found";
            case 409 -> "conflict";
            case 500 -> "the device failed";
            case 501 -> "the device does not implement it";
            default -> "not the answer that continues the action";
        };
        return "The device answered " + topic + " with rc " + rc + " (" + meaning + ")"
                + (message == null || message.isEmpty() ? "" : ": " + message);
    }
}
