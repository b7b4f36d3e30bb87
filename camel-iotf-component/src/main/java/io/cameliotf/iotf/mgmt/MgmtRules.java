package io.cameliotf.iotf.mgmt;

import io.cameliotf.iotf.IotfClientType;
import io.cameliotf.iotf.IotfConfiguration;

/** The rules of iotf:device-management's options [later §3.5], checked when the endpoint is made. */
public final class MgmtRules {

    private MgmtRules() {
    }

    public static void check(IotfConfiguration c, IotfMgmtConfiguration m) {
        require(c.getClientType() != IotfClientType.application, "iotf:device-management is the managed device's "
                + "side [later §3.5]: use clientType=device (or gateway); an application initiates management "
                + "requests with iotf:registry");
        require(!"quickstart".equals(c.getOrg()), "QuickStart has no device management [later §3.5.2]: "
                + "iotf:device-management needs a registered organization");
        if (c.getClientType() == IotfClientType.gateway) {
            require((c.getDeviceType() == null) == (c.getDeviceId() == null) && !"+".equals(c.getDeviceType())
                    && !"+".equals(c.getDeviceId()), "A gateway's iotf:device-management names one device it "
                    + "serves by both deviceType and deviceId, or neither for the gateway itself; no '+': each managed "
                    + "device sends its own manage request [later §3.5.1, §3.5.3]");
        }
        require(m.getLifetime() == 0 || m.getLifetime() >= 3600, "The option lifetime must be 0 (never dormant) or at "
                + "least 3600 seconds [later §3.5.3], not " + m.getLifetime());
        require(m.getMgmtTimeout() > 0, "The option mgmtTimeout must be at least 1 (milliseconds), not "
                + m.getMgmtTimeout());
        for (String bundle : m.bundles()) {
            require(bundle.length() <= 255 && bundle.chars().allMatch(ch -> ch < 128 && Character.isLetterOrDigit(ch)
                    || ch == '-' || ch == '_' || ch == '.'), "The option supportedBundles names bundle '" + bundle
                    + "': a bundle id is at most 255 of a-z, A-Z, 0-9, '-', '_', '.' [later §2.15]");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
