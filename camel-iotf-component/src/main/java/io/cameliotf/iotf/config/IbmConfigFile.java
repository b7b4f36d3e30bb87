package io.cameliotf.iotf.config;

import io.cameliotf.iotf.IotfClientType;
import io.cameliotf.iotf.IotfConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the configuration files of IBM's client libraries [4.2.1, 4.3.1]:
 * <pre>
 * [device]                     [application]
 * org=ab12cd                   org=ab12cd
 * type=sensor                  id=myApplication
 * id=dev1                      auth-method=apikey
 * auth-method=token            auth-key=a-ab12cd-xxxxxxxxxx
 * auth-token=secret            auth-token=secret
 * </pre>
 * The reference spells the device type key {@code typ}; both {@code type} and {@code typ} are read. {@code domain} is
 * also accepted. Lines starting with {@code #} or {@code ;} are comments. Values fill options that are not set.
 */
public final class IbmConfigFile {

    private static final Set<String> DEVICE_KEYS = Set.of("org", "type", "typ", "id", "auth-method", "auth-token", "domain");
    private static final Set<String> APPLICATION_KEYS = Set.of("org", "id", "auth-method", "auth-key", "auth-token", "domain");

    private IbmConfigFile() {
    }

    /**
     * Applies the file to {@code config}: the section decides the client type, and every value fills an option that is
     * not already set.
     *
     * @throws IllegalArgumentException naming the file, the line and the problem
     */
    public static void apply(Path file, IotfConfiguration config) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The configFile " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("The configFile " + file + " cannot be read: " + e.getMessage(), e);
        }
        String section = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            String where = "configFile " + file + " line " + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.equals("[device]") && !line.equals("[application]")) {
                    throw new IllegalArgumentException(where + "unknown section " + line + " (expected [device] or [application])");
                }
                if (section != null) {
                    throw new IllegalArgumentException(where + "a second section " + line + "; a file configures one client");
                }
                section = line.substring(1, line.length() - 1);
                continue;
            }
            int eq = line.indexOf('=');
            if (section == null || eq <= 0) {
                throw new IllegalArgumentException(where + (section == null ? "expected [device] or [application] first"
                        : "expected key=value"));
            }
            String key = line.substring(0, eq).trim();
            Set<String> known = section.equals("device") ? DEVICE_KEYS : APPLICATION_KEYS;
            if (!known.contains(key)) {
                throw new IllegalArgumentException(where + "unknown key '" + key + "' in [" + section + "] (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
            values.put(key, line.substring(eq + 1).trim());
        }
        if (section == null) {
            throw new IllegalArgumentException("The configFile " + file + " has no [device] or [application] section");
        }
        boolean device = section.equals("device");
        String method = values.get("auth-method");
        if (method != null && !method.equals(device ? "token" : "apikey")) {
            throw new IllegalArgumentException("configFile " + file + ": auth-method must be "
                    + (device ? "token" : "apikey") + " in [" + section + "], not '" + method + "'");
        }
        config.setClientType(device ? IotfClientType.device : IotfClientType.application);
        config.setOrg(firstSet(config.getOrg(), values.get("org")));
        config.setAuthToken(firstSet(config.getAuthToken(), values.get("auth-token")));
        if (values.containsKey("domain") && IotfConfiguration.DEFAULT_DOMAIN.equals(config.getDomain())) {
            config.setDomain(values.get("domain"));
        }
        if (device) {
            config.setDeviceType(firstSet(config.getDeviceType(), firstSet(values.get("type"), values.get("typ"))));
            config.setDeviceId(firstSet(config.getDeviceId(), values.get("id")));
        } else {
            config.setAppId(firstSet(config.getAppId(), values.get("id")));
            config.setAuthKey(firstSet(config.getAuthKey(), values.get("auth-key")));
        }
    }

    private static String firstSet(String a, String b) {
        return a != null && !a.isEmpty() ? a : b;
    }
}
