package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.model.IotfDeviceType;
import io.cameliotf.iotf.model.IotfOrganization;
import io.cameliotf.iotf.rest.IotfApiException;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * iotf:registry against the local service over real HTTP: the operations both API versions have, in v0001 and v0002
 * side by side (one route, one model; only apiVersion differs), and every error the service returns.
 */
@ExtendWith(IotfEmulatorExtension.class)
class RegistryTest {

    /** The registry of {@code org}; the base URL names no version, so apiVersion picks it. */
    static String registry(IotfEmulator iotf, TestOrganization org, IotfApiVersion version) {
        return "iotf:registry?org=" + org.id() + "&authKey=" + org.apiKey() + "&authToken=RAW(" + org.apiToken()
                + ")&apiBaseUrl=http://" + iotf.host() + ":" + iotf.httpPort() + "&apiVersion=" + version;
    }

    static CamelContext context(String uri) throws Exception {
        return CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:registry").to(uri);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(IotfApiVersion.class)
    void everyOperationOfBothVersions(IotfApiVersion version, IotfEmulator iotf, TestOrganization org) throws Exception {
        boolean v2 = version == IotfApiVersion.v0002;
        CamelContext context = context(registry(iotf, org, version));
        try {
            ProducerTemplate t = context.createProducerTemplate();
            IotfOrganization organization = t.requestBodyAndHeader("direct:registry", null, IotfConstants.OPERATION,
                    "getOrganization", IotfOrganization.class);
            assertThat(organization.getId()).isEqualTo(org.id());
            assertThat(organization.getCreated()).isNotNull();
            if (v2) { // the living service registers devices of existing types only
                for (String type : List.of("pi", "mbed")) {
                    t.requestBodyAndHeaders("direct:registry", null, Map.of(IotfConstants.OPERATION, "createDeviceType",
                            IotfConstants.DEVICE_TYPE, type));
                }
            }

            IotfDevice registered = t.requestBodyAndHeaders("direct:registry", Map.of("room", 7, "floor", "2"),
                    Map.of(IotfConstants.OPERATION, "registerDevice", IotfConstants.DEVICE_TYPE, "pi",
                            IotfConstants.DEVICE_ID, "r1"), IotfDevice.class);
            assertThat(registered.getClientId()).isEqualTo("d:" + org.id() + ":pi:r1").isEqualTo(registered.getUuid());
            assertThat(registered.getTypeId()).isEqualTo("pi");
            assertThat(registered.getDeviceId()).isEqualTo("r1");
            assertThat(registered.getMetadataAsMap()).containsEntry("room", 7);
            assertThat(registered.getAuthToken()).isNotBlank().isEqualTo(registered.getPassword());
            assertThat(registered.toString()).doesNotContain(registered.getAuthToken());
            assertThat(registered.getRegistration().getAuth().getId()).isEqualTo(org.apiKey());
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "pi", "r1", registered.getAuthToken())) {
                assertThat(device.isConnected()).as("registered, then connected over MQTT with the token").isTrue();
            }
            t.requestBodyAndHeaders("direct:registry", "{\"room\":1}", Map.of(IotfConstants.OPERATION, "registerDevice",
                    IotfConstants.DEVICE_TYPE, "pi", IotfConstants.DEVICE_ID, "r2"));
            t.requestBodyAndHeaders("direct:registry", null, Map.of(IotfConstants.OPERATION, "registerDevice",
                    IotfConstants.DEVICE_TYPE, "mbed", IotfConstants.DEVICE_ID, "m1"));

            List<?> all = t.requestBodyAndHeader("direct:registry", null, IotfConstants.OPERATION, "listDevices", List.class);
            assertThat(all).hasSize(3).allSatisfy(d -> assertThat(d).isInstanceOf(IotfDevice.class));
            List<?> pis = t.requestBodyAndHeaders("direct:registry", null, Map.of(IotfConstants.OPERATION, "listDevices",
                    IotfConstants.DEVICE_TYPE, "pi"), List.class);
            assertThat(pis).extracting(d -> ((IotfDevice) d).getDeviceId()).containsExactly("r1", "r2");
            List<?> types = t.requestBodyAndHeader("direct:registry", null, IotfConstants.OPERATION, "listDeviceTypes", List.class);
            assertThat(types).extracting(d -> ((IotfDeviceType) d).getId()).containsExactly("mbed", "pi");
            assertThat(types).extracting(d -> ((IotfDeviceType) d).getCount()).as("counts in v0001 only")
                    .containsExactlyElementsOf(v2 ? java.util.Arrays.asList(null, null) : List.of(1, 2));

            Map<String, Object> deviceHeaders = Map.of(IotfConstants.DEVICE_TYPE, "pi", IotfConstants.DEVICE_ID, "r1");
            IotfDevice got = t.requestBodyAndHeaders("direct:registry", null, with(deviceHeaders, "getDevice"), IotfDevice.class);
            assertThat(got.getAuthToken()).isNull();
            IotfDevice updated = t.requestBodyAndHeaders("direct:registry", new Location("Acacia Avenue", 21),
                    with(deviceHeaders, "updateDevice"), IotfDevice.class);
            assertThat(updated.getMetadata().get("street").asText()).isEqualTo("Acacia Avenue");
            assertThat(t.requestBodyAndHeaders("direct:registry", null, with(deviceHeaders, "getDevice"), String.class))
                    .contains("\"street\":\"Acacia Avenue\"");
            Map<?, ?> asMap = t.requestBodyAndHeaders("direct:registry", null, with(deviceHeaders, "getDevice"), Map.class);
            assertThat(asMap.get("clientId")).as("the later contract's names in both versions")
                    .isEqualTo("d:" + org.id() + ":pi:r1");

            assertThat(t.requestBodyAndHeaders("direct:registry", "x", with(deviceHeaders, "deleteDevice"))).isNull();
            assertApiError(() -> t.requestBodyAndHeaders("direct:registry", null, with(deviceHeaders, "getDevice")), 404,
                    v2 ? "GET /device/types/pi/devices/r1" : "GET /devices/pi/r1", "is not registered");
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(IotfApiVersion.class)
    void errorsOfTheServiceRaiseIotfApiException(IotfApiVersion version, IotfEmulator iotf, TestOrganization org)
            throws Exception {
        boolean v2 = version == IotfApiVersion.v0002;
        CamelContext context = context(registry(iotf, org, version) + "&operation=registerDevice&deviceType=pi");
        try {
            ProducerTemplate t = context.createProducerTemplate();
            if (v2) {
                assertApiError(() -> t.requestBodyAndHeader("direct:registry", null, IotfConstants.DEVICE_ID, "dup"), 404,
                        "POST /device/types/pi/devices", "pi");
                t.requestBodyAndHeader("direct:registry", null, IotfConstants.OPERATION, "createDeviceType");
            }
            t.requestBodyAndHeader("direct:registry", null, IotfConstants.DEVICE_ID, "dup");
            assertApiError(() -> t.requestBodyAndHeader("direct:registry", null, IotfConstants.DEVICE_ID, "dup"), 409,
                    v2 ? "POST /device/types/pi/devices" : "POST /devices", "already registered");
            assertApiError(() -> t.requestBodyAndHeader("direct:registry", null, IotfConstants.DEVICE_ID, "x".repeat(40)),
                    -1, v2 ? "longer than 36" : "longer than 32", "");
        } finally {
            context.stop();
        }
        CamelContext wrong = context("iotf:registry?org=" + org.id() + "&authKey=" + org.apiKey()
                + "&authToken=WrongSecret7&apiBaseUrl=" + iotf.httpUrl(version.name()) + "&operation=getOrganization");
        try {
            assertApiError(() -> wrong.createProducerTemplate().requestBody("direct:registry", (Object) null), 401, "GET /",
                    "the API key a-" + org.id() + "-**** or its token is wrong");
            assertThatThrownBy(() -> wrong.createProducerTemplate().requestBody("direct:registry", (Object) null))
                    .satisfies(e -> assertThat(ConnectionBehaviourTest.messages(e)).doesNotContain("WrongSecret7")
                            .as("the API key is a secret option: masked, also where the service quotes it")
                            .doesNotContain(org.apiKey()));
        } finally {
            wrong.stop();
        }
        // the seeded organizations, whose <org>.localhost names resolve in these tests
        var keyOfA = iotf.seed().organization("orga01").apiKey(0);
        CamelContext forbidden = context("iotf:registry?org=orga01&authKey=" + keyOfA.key() + "&authToken=RAW("
                + keyOfA.token() + ")&apiBaseUrl=" + iotf.httpUrl(version.name()).replace(iotf.host(), "orgb02.localhost")
                + "&operation=listDevices");
        try {
            assertApiError(() -> forbidden.createProducerTemplate().requestBody("direct:registry", (Object) null), 403,
                    v2 ? "GET /bulk/devices" : "GET /devices", "may not do this");
        } finally {
            forbidden.stop();
        }
        CamelContext bad = context(registry(iotf, org, version) + "&operation=updateDevice&deviceType=pi&deviceId=dup");
        try {
            assertThatThrownBy(() -> bad.createProducerTemplate().requestBody("direct:registry", "[1,2]"))
                    .hasRootCauseMessage("The metadata of updateDevice (the body) must be a JSON object, not array");
            assertThatThrownBy(() -> bad.createProducerTemplate().requestBodyAndHeader("direct:registry", "{}",
                    IotfConstants.OPERATION, "explode")).rootCause().hasMessageStartingWith("The header CamelIotfOperation "
                            + "'explode' is not one of [getOrganization, listDevices, listDeviceTypes");
        } finally {
            bad.stop();
        }
    }

    static Map<String, Object> with(Map<String, Object> headers, String operation) {
        Map<String, Object> all = new java.util.HashMap<>(headers);
        all.put(IotfConstants.OPERATION, operation);
        return all;
    }

    static void assertApiError(Runnable call, int status, String where, String message) {
        assertThatThrownBy(call::run).isInstanceOf(CamelExecutionException.class).satisfies(e -> {
            Throwable cause = e.getCause();
            if (status < 0) {
                assertThat(cause).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(where);
                return;
            }
            assertThat(cause).isInstanceOf(IotfApiException.class);
            IotfApiException api = (IotfApiException) cause;
            assertThat(api.getStatusCode()).isEqualTo(status);
            assertThat(api.getMethod() + " " + api.getPath()).startsWith(where);
            assertThat(api.getMessage()).contains(message);
        });
    }

    /** A POJO body of an update. */
    public static final class Location {
        public String street;
        public int number;

        public Location(String street, int number) {
            this.street = street;
            this.number = number;
        }
    }

}
