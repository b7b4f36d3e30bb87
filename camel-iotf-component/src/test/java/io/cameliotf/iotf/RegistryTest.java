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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** iotf:registry against the local service over real HTTP: every operation and every error it returns. */
@ExtendWith(IotfEmulatorExtension.class)
class RegistryTest {

    static String registry(IotfEmulator iotf, TestOrganization org) {
        return "iotf:registry?org=" + org.id() + "&authKey=" + org.apiKey() + "&authToken=RAW(" + org.apiToken()
                + ")&apiBaseUrl=" + iotf.httpUrl();
    }

    static CamelContext context(String uri) throws Exception {
        return CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:registry").to(uri);
            }
        });
    }

    @Test
    void everyOperation(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = context(registry(iotf, org));
        try {
            ProducerTemplate t = context.createProducerTemplate();
            IotfOrganization organization = t.requestBodyAndHeader("direct:registry", null, IotfConstants.OPERATION,
                    "getOrganization", IotfOrganization.class);
            assertThat(organization.getId()).isEqualTo(org.id());
            assertThat(organization.getCreated()).isNotNull();

            IotfDevice registered = t.requestBodyAndHeaders("direct:registry", Map.of("room", 7, "floor", "2"),
                    Map.of(IotfConstants.OPERATION, "registerDevice", IotfConstants.DEVICE_TYPE, "pi",
                            IotfConstants.DEVICE_ID, "r1"), IotfDevice.class);
            assertThat(registered.getUuid()).isEqualTo("d:" + org.id() + ":pi:r1");
            assertThat(registered.getMetadataAsMap()).containsEntry("room", 7);
            assertThat(registered.getPassword()).isNotBlank();
            assertThat(registered.toString()).doesNotContain(registered.getPassword());
            assertThat(registered.getRegistration().getAuth().getId()).isEqualTo(org.apiKey());
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "pi", "r1", registered.getPassword())) {
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
            assertThat(pis).extracting(d -> ((IotfDevice) d).getId()).containsExactly("r1", "r2");
            List<?> types = t.requestBodyAndHeader("direct:registry", null, IotfConstants.OPERATION, "listDeviceTypes", List.class);
            assertThat(types).extracting(d -> ((IotfDeviceType) d).getDeviceType() + "=" + ((IotfDeviceType) d).getCount())
                    .containsExactly("mbed=1", "pi=2");

            Map<String, Object> deviceHeaders = Map.of(IotfConstants.DEVICE_TYPE, "pi", IotfConstants.DEVICE_ID, "r1");
            IotfDevice got = t.requestBodyAndHeaders("direct:registry", null, with(deviceHeaders, "getDevice"), IotfDevice.class);
            assertThat(got.getPassword()).isNull();
            IotfDevice updated = t.requestBodyAndHeaders("direct:registry", new Location("Acacia Avenue", 21),
                    with(deviceHeaders, "updateDevice"), IotfDevice.class);
            assertThat(updated.getMetadata().get("street").asText()).isEqualTo("Acacia Avenue");
            assertThat(t.requestBodyAndHeaders("direct:registry", null, with(deviceHeaders, "getDevice"), String.class))
                    .contains("\"street\":\"Acacia Avenue\"");
            Map<?, ?> asMap = t.requestBodyAndHeaders("direct:registry", null, with(deviceHeaders, "getDevice"), Map.class);
            assertThat(asMap.get("uuid")).isEqualTo("d:" + org.id() + ":pi:r1");

            assertThat(t.requestBodyAndHeaders("direct:registry", "x", with(deviceHeaders, "deleteDevice"))).isNull();
            assertApiError(() -> t.requestBodyAndHeaders("direct:registry", null, with(deviceHeaders, "getDevice")), 404,
                    "GET /devices/pi/r1", "is not registered");
        } finally {
            context.stop();
        }
    }

    @Test
    void errorsOfTheServiceRaiseIotfApiException(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        CamelContext context = context(registry(iotf, org) + "&operation=registerDevice&deviceType=pi");
        try {
            ProducerTemplate t = context.createProducerTemplate();
            t.requestBodyAndHeader("direct:registry", null, IotfConstants.DEVICE_ID, "dup");
            assertApiError(() -> t.requestBodyAndHeader("direct:registry", null, IotfConstants.DEVICE_ID, "dup"), 409,
                    "POST /devices", "already registered");
            assertApiError(() -> t.requestBodyAndHeader("direct:registry", null, IotfConstants.DEVICE_ID, "x".repeat(40)),
                    -1, "longer than 32", "");
        } finally {
            context.stop();
        }
        CamelContext wrong = context("iotf:registry?org=" + org.id() + "&authKey=" + org.apiKey()
                + "&authToken=WrongSecret7&apiBaseUrl=" + iotf.httpUrl() + "&operation=getOrganization");
        try {
            assertApiError(() -> wrong.createProducerTemplate().requestBody("direct:registry", (Object) null), 401, "GET /",
                    "the API key " + org.apiKey() + " or its token is wrong");
            assertThatThrownBy(() -> wrong.createProducerTemplate().requestBody("direct:registry", (Object) null))
                    .satisfies(e -> assertThat(ConnectionBehaviourTest.messages(e)).doesNotContain("WrongSecret7"));
        } finally {
            wrong.stop();
        }
        // the seeded organizations, whose <org>.localhost names resolve in these tests
        var keyOfA = iotf.seed().organization("orga01").apiKey(0);
        CamelContext forbidden = context("iotf:registry?org=orga01&authKey=" + keyOfA.key() + "&authToken=RAW("
                + keyOfA.token() + ")&apiBaseUrl=" + iotf.httpUrl().replace(iotf.host(), "orgb02.localhost")
                + "&operation=listDevices");
        try {
            assertApiError(() -> forbidden.createProducerTemplate().requestBody("direct:registry", (Object) null), 403,
                    "GET /devices", "may not act on this organization");
        } finally {
            forbidden.stop();
        }
        CamelContext bad = context(registry(iotf, org) + "&operation=updateDevice&deviceType=pi&deviceId=dup");
        try {
            assertThatThrownBy(() -> bad.createProducerTemplate().requestBody("direct:registry", "[1,2]"))
                    .hasRootCauseMessage("Device metadata must be a JSON object, not array (reference 3.1.6)");
            assertThatThrownBy(() -> bad.createProducerTemplate().requestBodyAndHeader("direct:registry", "{}",
                    IotfConstants.OPERATION, "explode")).hasRootCauseMessage("The header CamelIotfOperation 'explode' is not "
                            + "one of [getOrganization, listDevices, listDeviceTypes, registerDevice, getDevice, updateDevice, "
                            + "deleteDevice]");
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
