package io.cameliotf.iotf.docs;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.NewDevice;
import io.cameliotf.emulator.seed.Seed;
import io.cameliotf.emulator.seed.SeedParser;
import io.cameliotf.iotf.IotfComponent;
import io.cameliotf.iotf.IotfConfiguration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The local service as the docs' snippets expect it: the docs' example organization {@code ab12cd} (API key
 * {@code a-ab12cd-0123456789}, its token in the environment variable {@code IOTF_TOKEN}, which the build sets), and
 * CamelContexts to run snippets in. Systems outside the project that snippets send to (Kafka, JDBC) are stood in for
 * by mock endpoints under the same scheme, so a test sees what a snippet sends there.
 */
final class DocsService {

    static final String ORG = "ab12cd";
    static final String KEY = "a-ab12cd-0123456789";
    static final List<String> STAND_INS = List.of("kafka", "jdbc");

    private DocsService() {
    }

    /** The token of {@link #KEY}: the environment variable {@code IOTF_TOKEN}, as the snippets read it. */
    static String token() {
        String token = System.getenv("IOTF_TOKEN");
        if (token == null) {
            throw new IllegalStateException("The docs' snippets take the token of " + KEY + " from the environment "
                    + "variable IOTF_TOKEN: the component's pom sets it for surefire; set it when running elsewhere");
        }
        return token;
    }

    /** Adds the docs' organizations to {@code iotf} (what exists is kept). */
    static void organizations(IotfEmulator iotf) {
        iotf.provisioning().apply(new Seed("docs", List.of(new Seed.Org(ORG, "The docs' example organization",
                List.of(new Seed.Key(KEY, token())), List.of()))));
    }

    /** Registers device {@code type/id} in {@link #ORG} (its type too, when missing) and returns its token. */
    static String registerDeviceInDocsOrg(IotfEmulator iotf, String type, String id) {
        organizations(iotf);
        return iotf.devices().register(ORG, NewDevice.of(type, id), KEY, DeviceRegistry.TypeRule.CREATE_IF_MISSING)
                .token();
    }

    /** Adds the organizations of the repository's example seed ({@code org001}, {@code org002}). */
    static void exampleSeed(IotfEmulator iotf) {
        iotf.provisioning().apply(SeedParser.parse(DocsFiles.ROOT.resolve("iotf-emulator/seeds/example-seed.json")));
    }

    /**
     * A CamelContext (not started) with the stand-ins and {@code properties} as property placeholders; the component
     * is as a user gets it.
     */
    static CamelContext plain(Map<String, String> properties) {
        CamelContext context = new DefaultCamelContext();
        for (String scheme : STAND_INS) {
            context.addComponent(scheme, new MockComponent());
        }
        Properties initial = new Properties();
        initial.putAll(properties);
        context.getPropertiesComponent().setInitialProperties(initial);
        return context;
    }

    /**
     * As {@link #plain}, with what all endpoints share set once on the component, as the user guide advises: the
     * organization and its API key, and the addresses of the local service.
     */
    static CamelContext configured(IotfEmulator iotf, String org, String key, String token,
            Map<String, String> properties) {
        CamelContext context = plain(properties);
        IotfComponent component = new IotfComponent();
        IotfConfiguration configuration = component.getConfiguration();
        configuration.setOrg(org);
        configuration.setAuthKey(key);
        configuration.setAuthToken(token);
        pointAt(iotf, configuration);
        context.addComponent("iotf", component);
        return context;
    }

    /** As above, for a test's own organization. */
    static CamelContext configured(IotfEmulator iotf, TestOrganization org, Map<String, String> properties) {
        return configured(iotf, org.id(), org.apiKey(), org.apiToken(), properties);
    }

    /** An application of {@code org} that watches {@code filter}. */
    static MqttTestClient watcher(IotfEmulator iotf, TestOrganization org, String filter) throws Exception {
        MqttTestClient app = MqttTestClient.application(iotf, org.appClientId("watcher"), org.apiKey(), org.apiToken());
        app.subscribe(filter, 1);
        return app;
    }

    /** The addresses of the local service, where the snippets leave out those of the live service. */
    static void pointAt(IotfEmulator iotf, IotfConfiguration configuration) {
        configuration.setBrokerUrl(iotf.mqttUrl());
        configuration.setApiBaseUrl(http(iotf));
        configuration.setHttpMessagingUrl(http(iotf));
    }

    /** The local service's HTTP address, without an API version ({@code http://127.0.0.1:8080} in the docs). */
    static String http(IotfEmulator iotf) {
        return "http://" + iotf.host() + ":" + iotf.httpPort();
    }

    /** Starts {@code context} with {@code routes}. */
    static CamelContext start(CamelContext context, org.apache.camel.RoutesBuilder routes) throws Exception {
        context.addRoutes(routes);
        context.start();
        return context;
    }
}
