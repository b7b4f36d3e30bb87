package io.cameliotf.iotf.mgmt;

import io.cameliotf.iotf.IotfConfiguration;

/** Which device an iotf:device-management endpoint manages, from its options [later §3.5.1]. */
final class MgmtTargets {

    private MgmtTargets() {
    }

    /** A device's own: its deviceType and deviceId. */
    static MgmtTarget own(IotfConfiguration c) {
        return new MgmtTarget(c.getDeviceType(), c.getDeviceId(), false);
    }

    /** The device a producer's message is about: a device's own (headers cannot change it). */
    static MgmtTarget of(IotfConfiguration c, org.apache.camel.Message in, int maxName) {
        return own(c);
    }

    /** What a producer's answers come on: the same for every message of the endpoint. */
    static MgmtTarget forResponses(IotfConfiguration c) {
        return own(c);
    }
}
