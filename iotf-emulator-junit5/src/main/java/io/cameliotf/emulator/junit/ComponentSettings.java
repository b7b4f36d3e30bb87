package io.cameliotf.emulator.junit;

import io.cameliotf.emulator.IotfEmulator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code iotf:} component's options for an application of a {@link TestOrganization} on the running local
 * service: organization, API key and token, MQTT server and REST API. The names are the component's, so the kit
 * needs no dependency on it: bind {@link #options()} to the component, or give {@link #properties()} to Camel Main
 * or Spring Boot.
 */
public final class ComponentSettings {

    /** The prefix of the component's properties in Camel Main and Spring Boot. */
    public static final String PROPERTY_PREFIX = "camel.component.iotf.";

    private final TestOrganization organization;
    private final String brokerUrl;
    private final String apiBaseUrl;

    ComponentSettings(IotfEmulator emulator, TestOrganization organization) {
        this.organization = organization;
        this.brokerUrl = emulator.mqttUrl();
        this.apiBaseUrl = emulator.httpUrl("v0002");
    }

    /** The organization these settings connect to (register its devices here). */
    public TestOrganization organization() {
        return organization;
    }

    public String org() {
        return organization.id();
    }

    public String authKey() {
        return organization.apiKey();
    }

    public String authToken() {
        return organization.apiToken();
    }

    /** The plain MQTT server, for example {@code tcp://127.0.0.1:41773}. */
    public String brokerUrl() {
        return brokerUrl;
    }

    /** The REST API v0002, for example {@code http://127.0.0.1:40211/api/v0002}. */
    public String apiBaseUrl() {
        return apiBaseUrl;
    }

    /**
     * The component options by name ({@code org}, {@code authKey}, {@code authToken}, {@code brokerUrl},
     * {@code apiBaseUrl}), for example for {@code PropertyBindingSupport.bindProperties(context, component, map)}:
     * a new map on each call, which the caller may change (Camel's binding removes what it bound).
     */
    public Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("org", org());
        options.put("authKey", authKey());
        options.put("authToken", authToken());
        options.put("brokerUrl", brokerUrl);
        options.put("apiBaseUrl", apiBaseUrl);
        return options;
    }

    /**
     * The same options as properties, {@code camel.component.iotf.auth-token} and so on, as Camel Main and the
     * Spring Boot starter read them: a new map on each call.
     */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        options().forEach((name, value) -> properties.put(PROPERTY_PREFIX + kebab(name), value));
        return properties;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Without the token: settings end up in test reports and logs. */
    @Override
    public String toString() {
        return "ComponentSettings[org=" + org() + ", authKey=" + authKey() + ", authToken=xxxxxx, brokerUrl="
                + brokerUrl + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
