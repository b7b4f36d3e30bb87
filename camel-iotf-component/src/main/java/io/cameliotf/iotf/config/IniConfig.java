package io.cameliotf.iotf.config;

import io.cameliotf.iotf.IotfClientType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads the configuration files of IBM's earlier client libraries [4.2.1, 4.3.1]:
 * <pre>
 * [device]                     [application]
 * org=ab12cd                   org=ab12cd
 * type=sensor                  id=myApplication
 * id=dev1                      auth-method=apikey
 * auth-method=token            auth-key=a-ab12cd-xxxxxxxxxx
 * auth-token=secret            auth-token=secret
 * </pre>
 * The reference spells the device type key {@code typ}; both {@code type} and {@code typ} are read. {@code domain} is
 * also accepted. A {@code [gateway]} section (IBM's earlier gateway clients) has the keys of {@code [device]} and
 * names a gateway: clientType=gateway, gatewayType and gatewayId (later contract 3.4). Lines starting with {@code #}
 * or {@code ;} are comments.
 */
final class IniConfig {

    private static final Set<String> DEVICE_KEYS = Set.of("org", "type", "typ", "id", "auth-method", "auth-token", "domain");
    private static final Set<String> APPLICATION_KEYS = Set.of("org", "id", "auth-method", "auth-key", "auth-token", "domain");

    private IniConfig() {
    }

    /** @throws IllegalArgumentException naming the file, the line and the problem */
    static WiotpSettings parse(Path file, List<String> lines) {
        WiotpSettings s = new WiotpSettings("configFile " + file);
        String section = null;
        Setting<String> method = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            String where = "configFile " + file + " line " + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.equals("[device]") && !line.equals("[application]") && !line.equals("[gateway]")) {
                    throw new IllegalArgumentException(where + "unknown section " + line + " (expected [device], "
                            + "[gateway] or [application])");
                }
                if (section != null) {
                    throw new IllegalArgumentException(where + "a second section " + line + "; a file configures one client");
                }
                section = line.substring(1, line.length() - 1);
                s.clientType = new Setting<>(section.equals("device") ? IotfClientType.device
                        : section.equals("gateway") ? IotfClientType.gateway : IotfClientType.application, where + line);
                continue;
            }
            int eq = line.indexOf('=');
            if (section == null || eq <= 0) {
                throw new IllegalArgumentException(where + (section == null ? "expected [device] or [application] first"
                        : "expected key=value"));
            }
            String key = line.substring(0, eq).trim();
            Set<String> known = section.equals("application") ? APPLICATION_KEYS : DEVICE_KEYS;
            if (!known.contains(key)) {
                throw new IllegalArgumentException(where + "unknown key '" + key + "' in [" + section + "] (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
            String value = line.substring(eq + 1).trim();
            if (value.isEmpty()) {
                continue; // an empty value fills nothing
            }
            Setting<String> setting = new Setting<>(value, where + key);
            switch (key) {
                case "org" -> s.orgId = setting;
                case "type" -> s.typeId = setting;
                case "typ" -> s.typeId = s.typeId != null ? s.typeId : setting; // type wins over the reference's typ
                case "id" -> {
                    if (!section.equals("application")) {
                        s.deviceId = setting;
                    } else {
                        s.appId = setting;
                    }
                }
                case "auth-method" -> method = setting;
                case "auth-key" -> s.authKey = setting;
                case "auth-token" -> s.authToken = setting;
                case "domain" -> s.domain = setting;
                default -> throw new IllegalStateException(key);
            }
        }
        if (section == null) {
            throw new IllegalArgumentException("The configFile " + file + " has no [device] or [application] section");
        }
        boolean device = !section.equals("application");
        if (method != null && !method.value().equals(device ? "token" : "apikey")) {
            throw new IllegalArgumentException("configFile " + file + ": auth-method must be "
                    + (device ? "token" : "apikey") + " in [" + section + "], not '" + method.value() + "'");
        }
        return s;
    }
}
