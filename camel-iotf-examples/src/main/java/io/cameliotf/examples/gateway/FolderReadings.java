package io.cameliotf.examples.gateway;

import io.cameliotf.iotf.IotfConstants;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The gateway's side of the fridges' file protocol: a reading file {@code <type>.<id>.<n>.txt} of lines
 * {@code name=value} becomes the event of device {@code <type>/<id>}, its {@code d} the lines (numbers as numbers).
 */
public final class FolderReadings {

    private FolderReadings() {
    }

    /** Sets the served device's headers from the file name and the body to the reading. */
    public static void toEvent(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String[] parts = name.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("Reading file " + name + " is not named <type>.<id>.<n>.txt");
        }
        exchange.getMessage().setHeader(IotfConstants.DEVICE_TYPE, parts[0]);
        exchange.getMessage().setHeader(IotfConstants.DEVICE_ID, parts[1]);
        exchange.getMessage().setBody(reading(exchange.getMessage().getBody(String.class)));
    }

    static Map<String, Object> reading(String text) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String value = line.substring(eq + 1).trim();
                d.put(line.substring(0, eq).trim(), numberOrText(value));
            }
        }
        return d;
    }

    private static Object numberOrText(String value) {
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
