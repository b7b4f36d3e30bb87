package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Role, QuickStart, naming and credential rules, checked when the endpoint, its consumer or its producer is created,
 * with a message naming the option. No connection is made for any of these.
 */
class EndpointRulesTest {

    static final String APP = "org=orga01&authKey=a-orga01-testkey001&authToken=t&brokerUrl=tcp://127.0.0.1:1";
    static final String DEVICE = "clientType=device&org=orga01&deviceType=sensor&deviceId=d1&authToken=t"
            + "&brokerUrl=tcp://127.0.0.1:1";

    CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void devicesCannotConsumeEventsOrStatus() {
        assertConsumerRefused("iotf:device-event?" + DEVICE, "A device cannot receive events", "clientType=application");
        assertConsumerRefused("iotf:device-status?" + DEVICE, "Only applications receive device status");
        assertConsumerRefused("iotf:app-status?" + DEVICE, "Only applications receive application status");
    }

    @Test
    void devicesCannotSendCommands() {
        assertProducerRefused("iotf:command?" + DEVICE, "Only applications send commands [2.1.5]");
    }

    @Test
    void statusHasNoProducer() {
        assertProducerRefused("iotf:device-status?" + APP, "has no producer");
        assertProducerRefused("iotf:app-status?" + APP, "has no producer");
    }

    @Test
    void quickstartRestrictions() {
        assertEndpointRefused("iotf:command?org=quickstart&brokerUrl=tcp://127.0.0.1:1", "QuickStart has no commands");
        assertEndpointRefused("iotf:device-event?org=quickstart&brokerUrl=ssl://127.0.0.1:1", "QuickStart does not support TLS");
        assertEndpointRefused("iotf:device-event?org=quickstart&brokerUrl=tcp://127.0.0.1:1&cleanSession=false",
                "remove cleanSession=false");
        assertConsumerRefused("iotf:device-event?org=quickstart&brokerUrl=tcp://127.0.0.1:1",
                "QuickStart allows no '+' for the device type", "set the option deviceType");
        assertConsumerRefused("iotf:app-status?org=quickstart&brokerUrl=tcp://127.0.0.1:1", "set the option watchAppId");
    }

    @Test
    void defaultBrokerUrlFollowsTheService() throws Exception {
        IotfEndpoint quickstart = (IotfEndpoint) context.getEndpoint("iotf:device-event?org=quickstart&deviceType=x");
        assertThat(quickstart.getConfiguration().effectiveBrokerUrl())
                .isEqualTo("tcp://quickstart.messaging.internetofthings.ibmcloud.com:1883");
        IotfEndpoint org = (IotfEndpoint) context.getEndpoint("iotf:device-event?org=ab12cd&authKey=a-ab12cd-0123456789"
                + "&authToken=t&domain=iotf.test");
        assertThat(org.getConfiguration().effectiveBrokerUrl()).isEqualTo("ssl://ab12cd.messaging.iotf.test:8883");
    }

    @Test
    void namesFollowTheRegistryRules() {
        assertEndpointRefused("iotf:device-event?" + APP + "&deviceType=bad/type", "The option deviceType 'bad/type' contains '/'");
        assertEndpointRefused("iotf:device-event?" + APP + "&deviceId=" + "x".repeat(37), "The option deviceId", "longer than 36");
        context.getEndpoint("iotf:device-event?" + APP + "&deviceId=" + "x".repeat(36)); // the later contract's 36
        assertEndpointRefused("iotf:registry?" + APP + "&apiVersion=v0001&deviceId=" + "x".repeat(33), "The option deviceId",
                "longer than 32");
        assertEndpointRefused("iotf:device-event?" + APP + "&event=a/b", "The option event 'a/b' contains '/'");
        assertEndpointRefused("iotf:device-event?" + APP + "&format=a#b", "The option format");
        assertEndpointRefused("iotf:device-event?" + APP + "&appId=a/b", "The option appId 'a/b'");
        assertEndpointRefused("iotf:device-event?org=bad-org&authKey=a-bad-org-x&authToken=t", "The option org 'bad-org'");
        assertEndpointRefused("iotf:device-event?" + APP + "&qos=3", "The option qos must be 0, 1 or 2");
        assertEndpointRefused("iotf:nonsense?" + APP, "Unknown iotf endpoint kind 'nonsense'");
    }

    @Test
    void credentialsAreRequired() {
        assertEndpointRefused("iotf:device-event?org=orga01", "needs the options authKey", "authToken");
        assertEndpointRefused("iotf:device-event?org=orga01&authKey=a-orgb02-testkey001&authToken=t",
                "is not an API key of organization orga01");
        Throwable wrongKey = org.assertj.core.api.Assertions.catchThrowable(() -> context.getEndpoint(
                "iotf:device-event?org=orga01&authKey=a-orgb02-secretkey7&authToken=t"));
        assertThat(rootCause(wrongKey).getMessage()).as("authKey is a secret option").doesNotContain("secretkey7");
        assertEndpointRefused("iotf:device-event?clientType=device&org=orga01&deviceType=s&deviceId=d",
                "needs the option authToken");
        assertEndpointRefused("iotf:device-event?clientType=device&org=orga01&authToken=t", "needs the options deviceType and deviceId");
        assertEndpointRefused("iotf:device-event?" + DEVICE + "&shared=true", "The option shared is for applications only");
        assertEndpointRefused("iotf:device-event?authToken=t", "The option org is required");
    }

    @Test
    void otherOptionProblemsNameTheOption() {
        assertEndpointRefused("iotf:device-event?" + APP + "&persistence=file", "persistence=file needs the option persistenceDirectory");
        assertEndpointRefused("iotf:device-event?" + APP + "&persistence=disk", "The option persistence must be memory or file");
        assertEndpointRefused("iotf:device-event?org=orga01&authKey=a-orga01-testkey001&authToken=t&brokerUrl=http://x",
                "The option brokerUrl 'http://x' must start with tcp://, ssl://, ws:// or wss://");
        assertEndpointRefused("iotf:registry?" + APP + "&apiVersion=v0002&apiBaseUrl=http://127.0.0.1:1/api/v0001",
                "apiBaseUrl ends with /api/v0001 while the option apiVersion is v0002");
        assertEndpointRefused("iotf:registry?" + APP + "&apiBaseUrl=http://127.0.0.1:1/api/v0003", "names API v0003");
        assertEndpointRefused("iotf:registry?" + APP + "&pageSize=5001", "The option pageSize must be from 1 to 5000");
        assertEndpointRefused("iotf:historian?" + APP + "&start=2026-01-02T00:00:00Z&end=2026-01-01T00:00:00Z",
                "The option start", "is after the option end");
        assertEndpointRefused("iotf:device-event?" + APP + "&caFile=/no/such.pem", "The option caFile '/no/such.pem' is "
                + "not a readable file");
    }

    @Test
    void theApiVersionFollowsTheBaseUrl() throws Exception {
        IotfEndpoint byDefault = (IotfEndpoint) context.getEndpoint("iotf:registry?" + APP + "&domain=iotf.test");
        assertThat(byDefault.getConfiguration().effectiveApiBaseUrl()).isEqualTo("https://orga01.iotf.test/api/v0002");
        IotfEndpoint v1 = (IotfEndpoint) context.getEndpoint("iotf:registry?" + APP + "&domain=iotf.test&apiVersion=v0001");
        assertThat(v1.getConfiguration().effectiveApiBaseUrl()).isEqualTo("https://orga01.iotf.test/api/v0001");
        IotfEndpoint named = (IotfEndpoint) context.getEndpoint("iotf:registry?" + APP + "&apiBaseUrl=http://h:1/api/v0001/");
        assertThat(named.getConfiguration().effectiveApiVersion()).isEqualTo(IotfApiVersion.v0001);
        assertThat(named.getConfiguration().effectiveApiBaseUrl()).isEqualTo("http://h:1/api/v0001");
        IotfEndpoint bare = (IotfEndpoint) context.getEndpoint("iotf:registry?" + APP + "&apiBaseUrl=http://h:1");
        assertThat(bare.getConfiguration().effectiveApiBaseUrl()).isEqualTo("http://h:1/api/v0002");
        IotfEndpoint http = (IotfEndpoint) context.getEndpoint("iotf:device-event?" + APP + "&domain=iotf.test");
        assertThat(http.getConfiguration().effectiveHttpMessagingUrl())
                .isEqualTo("https://orga01.messaging.iotf.test:8883/api/v0002");
    }

    @Test
    void tokensAreMaskedInEndpointUris() throws Exception {
        Endpoint endpoint = context.getEndpoint("iotf:device-event?" + APP.replace("authToken=t", "authToken=SuperSecret42"));
        assertThat(endpoint.toString()).doesNotContain("SuperSecret42").contains("authToken=xxxxxx");
        assertThat(endpoint.toString()).as("the API key is a secret option too").doesNotContain("testkey001");
    }

    private void assertEndpointRefused(String uri, String... parts) {
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> context.getEndpoint(uri));
        assertThat(error).as("no error for %s", uri).isNotNull();
        Throwable root = rootCause(error);
        assertThat(root.getMessage()).contains(parts);
        assertThat(error.getMessage()).doesNotContain("authToken=t&");
    }

    private void assertConsumerRefused(String uri, String... parts) {
        assertRouteRefused(rb -> rb.from(uri).to("log:x"), parts);
    }

    private void assertProducerRefused(String uri, String... parts) {
        assertRouteRefused(rb -> rb.from("direct:x").to(uri), parts);
    }

    private void assertRouteRefused(java.util.function.Consumer<RouteBuilder> route, String... parts) {
        CamelContext c = new DefaultCamelContext();
        try {
            assertThatThrownBy(() -> {
                c.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        route.accept(this);
                    }
                });
                c.start();
            }).satisfies(e -> assertThat(rootCause(e).getMessage()).contains(parts));
        } finally {
            c.stop();
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
