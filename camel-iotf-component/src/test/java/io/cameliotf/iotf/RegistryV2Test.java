package io.cameliotf.iotf;

import static io.cameliotf.iotf.RegistryTest.assertApiError;
import static io.cameliotf.iotf.RegistryTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.model.IotfApiKey;
import io.cameliotf.iotf.model.IotfBulkResult;
import io.cameliotf.iotf.model.IotfConnectionState;
import io.cameliotf.iotf.model.IotfDevice;
import io.cameliotf.iotf.model.IotfDeviceInfo;
import io.cameliotf.iotf.model.IotfDeviceType;
import io.cameliotf.iotf.model.IotfLastEvent;
import io.cameliotf.iotf.model.IotfLocation;
import io.cameliotf.iotf.model.IotfOrganization;
import io.cameliotf.iotf.rest.IotfApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operations only API v0002 has, against the local service over real HTTP: device types, registrations with
 * deviceInfo, location and an own token, merged updates, paging with bookmarks and allPages, bulk with partial
 * success, locations, connection states, last events and API keys; and each with the errors the service answers.
 */
@ExtendWith(IotfEmulatorExtension.class)
class RegistryV2Test {

    private static ProducerTemplate template(CamelContext context) {
        return context.createProducerTemplate();
    }

    private static Object call(ProducerTemplate t, String operation, Object body, Object... headers) {
        Map<String, Object> all = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            all.put((String) headers[i], headers[i + 1]);
        }
        return t.requestBodyAndHeaders("direct:registry", body, with(all, operation));
    }

    @Test
    void deviceTypesAndDevicesWithEverythingTheLaterContractHas(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = RegistryTest.context(RegistryTest.registry(iotf, org, IotfApiVersion.v0002));
        try {
            ProducerTemplate t = template(context);
            IotfDeviceType gateway = new IotfDeviceType("gw");
            gateway.setClassId("Gateway");
            gateway.setDescription("Gateways of the plant");
            IotfDeviceInfo template = new IotfDeviceInfo();
            template.setManufacturer("Acme");
            gateway.setDeviceInfo(template);
            IotfDeviceType created = (IotfDeviceType) call(t, "createDeviceType", gateway);
            assertThat(created.getId()).isEqualTo("gw");
            assertThat(created.getClassId()).isEqualTo("Gateway");
            assertThat(created.getDeviceInfo().getManufacturer()).isEqualTo("Acme");
            assertThat(created.getCreatedDateTime()).isNotNull();
            assertApiError(() -> call(t, "createDeviceType", gateway), 409, "POST /device/types", "gw");
            // a type read from the service can be changed and sent back: what the service sets itself is left out
            created.setDescription("Edge gateways");
            IotfDeviceType updated = (IotfDeviceType) call(t, "updateDeviceType", created, IotfConstants.DEVICE_TYPE, "gw");
            assertThat(updated.getDescription()).isEqualTo("Edge gateways");
            assertThat(((IotfDeviceType) call(t, "getDeviceType", null, IotfConstants.DEVICE_TYPE, "gw")).getDescription())
                    .isEqualTo("Edge gateways");
            call(t, "createDeviceType", Map.of("id", "sensor", "description", "from a Map"));

            IotfDevice request = new IotfDevice("sensor", "s-1");
            request.setAuthToken("Own-token-of-s1");
            IotfDeviceInfo info = new IotfDeviceInfo();
            info.setSerialNumber("SN-1");
            info.setFwVersion("1.0.0");
            request.setDeviceInfo(info);
            request.setLocation(new IotfLocation(52.52, 13.405));
            request.setMetadataFrom(Map.of("room", 7));
            IotfDevice registered = (IotfDevice) call(t, "registerDevice", request);
            assertThat(registered.getAuthToken()).isEqualTo("Own-token-of-s1");
            assertThat(registered.getClientId()).isEqualTo("d:" + org.id() + ":sensor:s-1");
            assertThat(registered.getDeviceInfo().getSerialNumber()).isEqualTo("SN-1");
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "sensor", "s-1", "Own-token-of-s1")) {
                assertThat(device.isConnected()).as("connects with the token it was registered with").isTrue();
            }
            IotfLocation location = (IotfLocation) call(t, "getDeviceLocation", null, IotfConstants.DEVICE_TYPE, "sensor",
                    IotfConstants.DEVICE_ID, "s-1");
            assertThat(location.getLatitude()).isEqualTo(52.52);
            assertThat(location.getUpdatedDateTime()).isNotNull();
            location.setLatitude(48.137);
            location.setElevation(519.0);
            IotfLocation moved = (IotfLocation) call(t, "updateDeviceLocation", location, IotfConstants.DEVICE_TYPE,
                    "sensor", IotfConstants.DEVICE_ID, "s-1");
            assertThat(moved.getLatitude()).isEqualTo(48.137);
            assertThat(moved.getElevation()).isEqualTo(519.0);
            IotfApiException invalid = apiError(() -> call(t, "updateDeviceLocation", Map.of("latitude", 100, "longitude",
                    0), IotfConstants.DEVICE_TYPE, "sensor", IotfConstants.DEVICE_ID, "s-1"));
            assertThat(invalid.getStatusCode()).isEqualTo(400);
            assertThat(invalid.getMessageId()).isEqualTo("CUDRS0007E");
            assertThat(invalid.getServiceMessage()).contains("latitude");

            // an update is a merge: deviceInfo fields not sent are kept
            IotfDevice change = new IotfDevice();
            IotfDeviceInfo newFirmware = new IotfDeviceInfo();
            newFirmware.setFwVersion("1.1.0");
            change.setDeviceInfo(newFirmware);
            IotfDevice merged = (IotfDevice) call(t, "updateDevice", change, IotfConstants.DEVICE_TYPE, "sensor",
                    IotfConstants.DEVICE_ID, "s-1");
            assertThat(merged.getDeviceInfo().getFwVersion()).isEqualTo("1.1.0");
            assertThat(merged.getDeviceInfo().getSerialNumber()).isEqualTo("SN-1");
            assertThat(merged.getMetadataAsMap()).containsEntry("room", 7);
            IotfDevice byMap = (IotfDevice) call(t, "updateDevice", Map.of("room", 8), IotfConstants.DEVICE_TYPE, "sensor",
                    IotfConstants.DEVICE_ID, "s-1");
            assertThat(byMap.getMetadataAsMap()).as("a Map body is the metadata, as in v0001").containsEntry("room", 8);

            assertThat(call(t, "deleteDeviceType", null, IotfConstants.DEVICE_TYPE, "gw")).isNull();
            assertApiError(() -> call(t, "getDeviceType", null, IotfConstants.DEVICE_TYPE, "gw"), 404,
                    "GET /device/types/gw", "gw");
            assertThat(((IotfOrganization) call(t, "getOrganization", null)).getEnabled()).isTrue();
        } finally {
            context.stop();
        }
    }

    @Test
    void listsPageWithBookmarksOrStreamAsOneIterator(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                String registry = RegistryTest.registry(iotf, org, IotfApiVersion.v0002);
                from("direct:registry").to(registry);
                from("direct:page").to(registry + "&operation=listDevices&pageSize=25");
                from("direct:all").to(registry + "&operation=listDevices&pageSize=7&allPages=true");
            }
        });
        try {
            ProducerTemplate t = template(context);
            call(t, "createDeviceType", null, IotfConstants.DEVICE_TYPE, "meter");
            call(t, "createDeviceType", null, IotfConstants.DEVICE_TYPE, "valve");
            List<IotfDevice> devices = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                devices.add(new IotfDevice(i < 50 ? "meter" : "valve", String.format("d%03d", i)));
            }
            List<?> added = (List<?>) call(t, "addDevices", devices);
            assertThat(added).hasSize(60).allSatisfy(r -> assertThat(((IotfBulkResult) r).isSuccess()).isTrue());

            List<String> seen = new ArrayList<>();
            Map<String, Object> headers = new HashMap<>();
            int pages = 0;
            do {
                Exchange answer = t.request("direct:page", e -> e.getIn().setHeaders(new HashMap<>(headers)));
                assertThat(answer.getException()).isNull();
                List<?> page = answer.getMessage().getBody(List.class);
                assertThat(page).hasSizeLessThanOrEqualTo(25);
                page.forEach(d -> seen.add(((IotfDevice) d).getDeviceId()));
                assertThat(answer.getMessage().getHeader(IotfConstants.TOTAL_ROWS, Integer.class)).isEqualTo(60);
                headers.clear();
                String bookmark = answer.getMessage().getHeader(IotfConstants.BOOKMARK, String.class);
                if (bookmark != null) {
                    headers.put(IotfConstants.BOOKMARK, bookmark);
                }
                pages++;
            } while (!headers.isEmpty());
            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(60).doesNotHaveDuplicates();

            Iterator<?> all = t.requestBody("direct:all", (Object) null, Iterator.class);
            List<String> streamed = new ArrayList<>();
            all.forEachRemaining(d -> streamed.add(((IotfDevice) d).getDeviceId()));
            assertThat(streamed).as("nine pages of 7, fetched as read").hasSize(60).containsExactlyInAnyOrderElementsOf(seen);
            Iterator<?> valves = t.requestBodyAndHeader("direct:all", null, IotfConstants.DEVICE_TYPE, "valve", Iterator.class);
            assertThat(new HashSet<>(toList(valves))).hasSize(10);
            List<?> sorted = t.requestBodyAndHeaders("direct:page", null, Map.of(IotfConstants.DEVICE_TYPE, "meter",
                    IotfConstants.QUERY, Map.of("_sort", "-deviceId")), List.class);
            assertThat(((IotfDevice) sorted.get(0)).getDeviceId()).isEqualTo("d049");
            List<?> types = (List<?>) call(t, "listDeviceTypes", null);
            assertThat(types).extracting(d -> ((IotfDeviceType) d).getId()).contains("meter", "valve");
        } finally {
            context.stop();
        }
    }

    @Test
    void bulkOperationsSucceedOrFailPerDevice(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = RegistryTest.context(RegistryTest.registry(iotf, org, IotfApiVersion.v0002));
        try {
            ProducerTemplate t = template(context);
            call(t, "createDeviceType", null, IotfConstants.DEVICE_TYPE, "pump");
            call(t, "registerDevice", null, IotfConstants.DEVICE_TYPE, "pump", IotfConstants.DEVICE_ID, "p1");
            IotfDevice withToken = new IotfDevice("pump", "p2");
            withToken.setAuthToken("Token-of-p2-1234");
            Exchange answer = t.request("direct:registry", e -> {
                e.getIn().setHeader(IotfConstants.OPERATION, "addDevices");
                e.getIn().setBody(List.of(new IotfDevice("pump", "p1"), withToken, Map.of("typeId", "pump", "deviceId",
                        "p3"), new IotfDevice("no-such-type", "x1")));
            });
            assertThat(answer.getException()).as("a partial success is an answer, not an error").isNull();
            List<?> results = answer.getMessage().getBody(List.class);
            assertThat(results).extracting(r -> ((IotfBulkResult) r).getDeviceId() + "=" + ((IotfBulkResult) r).isSuccess())
                    .containsExactly("p1=false", "p2=true", "p3=true", "x1=false");
            assertThat(answer.getMessage().getHeader(IotfConstants.BULK_FAILURES)).isEqualTo(2);
            IotfBulkResult p2 = (IotfBulkResult) results.get(1);
            assertThat(p2.getAuthToken()).isEqualTo("Token-of-p2-1234");
            assertThat(p2.toString()).doesNotContain("Token-of-p2-1234");
            assertThat(((IotfBulkResult) results.get(3)).getMessage()).isNotBlank();
            assertThatThrownBy(() -> call(t, "addDevices", List.of(Map.of("typeId", "pump"))))
                    .rootCause().hasMessage("The devices of addDevices (the body), item 1, has no deviceId");
            assertThatThrownBy(() -> call(t, "addDevices", Map.of("typeId", "pump")))
                    .rootCause().hasMessageContaining("must be a list");

            Exchange removed = t.request("direct:registry", e -> {
                e.getIn().setHeader(IotfConstants.OPERATION, "removeDevices");
                e.getIn().setBody("[{\"typeId\":\"pump\",\"deviceId\":\"p1\"},{\"typeId\":\"pump\",\"deviceId\":\"p2\"}]");
            });
            assertThat(removed.getMessage().getBody(List.class)).allSatisfy(r -> assertThat(((IotfBulkResult) r)
                    .isSuccess()).isTrue());
            assertThat(removed.getMessage().getHeader(IotfConstants.BULK_FAILURES)).isEqualTo(0);
            List<?> left = (List<?>) call(t, "listDevices", null, IotfConstants.DEVICE_TYPE, "pump");
            assertThat(left).extracting(d -> ((IotfDevice) d).getDeviceId()).containsExactly("p3");
        } finally {
            context.stop();
        }
    }

    @Test
    void connectionStatesAndLastEvents(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = RegistryTest.context(RegistryTest.registry(iotf, org, IotfApiVersion.v0002));
        try {
            ProducerTemplate t = template(context);
            String token = org.registerDevice("thermo", "t1");
            try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), "thermo", "t1", token)) {
                device.publish("iot-2/evt/temp/fmt/json", "{\"d\":{\"c\":21.5}}", 1);
                device.publish("iot-2/evt/note/fmt/text", "door open", 1);
                IotfConnectionState state = (IotfConnectionState) call(t, "getConnectionState", null,
                        IotfConstants.DEVICE_TYPE, "thermo", IotfConstants.DEVICE_ID, "t1");
                assertThat(state.getId()).isEqualTo("d:" + org.id() + ":thermo:t1");
                assertThat(state.isConnected()).isTrue();
                assertThat(state.getLastConnectTime()).isNotNull();
                List<?> connected = (List<?>) call(t, "listConnectionStates", null, IotfConstants.QUERY,
                        Map.of("connectionStatus", "connected"));
                assertThat(connected).extracting(s -> ((IotfConnectionState) s).getId())
                        .contains("d:" + org.id() + ":thermo:t1");
                Waits.await().until(() -> ((List<?>) call(t, "getLastEvents", null,
                        IotfConstants.DEVICE_TYPE, "thermo", IotfConstants.DEVICE_ID, "t1")).size() == 2);
            }
            IotfLastEvent temp = (IotfLastEvent) call(t, "getLastEvent", null, IotfConstants.DEVICE_TYPE, "thermo",
                    IotfConstants.DEVICE_ID, "t1", IotfConstants.EVENT, "temp");
            assertThat(temp.getFormat()).isEqualTo("json");
            assertThat(temp.getPayloadAsString()).isEqualTo("{\"d\":{\"c\":21.5}}");
            List<?> last = (List<?>) call(t, "getLastEvents", null, IotfConstants.DEVICE_TYPE, "thermo",
                    IotfConstants.DEVICE_ID, "t1");
            assertThat(last).extracting(e -> ((IotfLastEvent) e).getEventId()).containsExactly("note", "temp");
            assertThat(((IotfLastEvent) last.get(0)).getPayloadAsString()).isEqualTo("door open");
            Waits.await().until(() -> !((IotfConnectionState) call(t, "getConnectionState",
                    null, IotfConstants.DEVICE_TYPE, "thermo", IotfConstants.DEVICE_ID, "t1")).isConnected());
            assertApiError(() -> call(t, "getLastEvent", null, IotfConstants.DEVICE_TYPE, "thermo", IotfConstants.DEVICE_ID,
                    "t1", IotfConstants.EVENT, "never"), 404, "GET /device/types/thermo/devices/t1/events/never", "never");
            assertApiError(() -> call(t, "getConnectionState", null, IotfConstants.DEVICE_TYPE, "thermo",
                    IotfConstants.DEVICE_ID, "absent"), 404, "GET /clientconnectionstates/", "absent");
            assertThatThrownBy(() -> call(t, "getLastEvent", null, IotfConstants.DEVICE_TYPE, "thermo",
                    IotfConstants.DEVICE_ID, "t1")).rootCause().hasMessage("The registry operation getLastEvent needs its "
                            + "event: set the option event or the header CamelIotfEvent");
        } finally {
            context.stop();
        }
    }

    @Test
    void apiKeysAreCreatedListedAndDeleted(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = RegistryTest.context(RegistryTest.registry(iotf, org, IotfApiVersion.v0002));
        try {
            ProducerTemplate t = template(context);
            IotfApiKey key = (IotfApiKey) call(t, "createApiKey", new IotfApiKey("for the night shift", "PD_STANDARD_APP"));
            assertThat(key.getKey()).startsWith("a-" + org.id() + "-");
            assertThat(key.getToken()).isNotBlank();
            assertThat(key.toString()).doesNotContain(key.getToken());
            assertThat(key.getRoles()).containsExactly("PD_STANDARD_APP");
            CamelContext withNewKey = RegistryTest.context("iotf:registry?org=" + org.id() + "&authKey=" + key.getKey()
                    + "&authToken=RAW(" + key.getToken() + ")&apiBaseUrl=" + iotf.httpUrl("v0002")
                    + "&operation=getOrganization");
            try {
                assertThat(template(withNewKey).requestBody("direct:registry", null, IotfOrganization.class).getId())
                        .isEqualTo(org.id());
                List<?> keys = (List<?>) call(t, "listApiKeys", null);
                assertThat(keys).extracting(k -> ((IotfApiKey) k).getKey()).contains(key.getKey(), org.apiKey());
                assertThat(keys).allSatisfy(k -> assertThat(((IotfApiKey) k).getToken()).isNull());
                assertThat(call(t, "deleteApiKey", null, IotfConstants.API_KEY, key.getKey())).isNull();
                IotfApiException refused = apiError(() -> template(withNewKey).requestBody("direct:registry", (Object) null));
                assertThat(refused.getStatusCode()).isEqualTo(401);
                assertThat(refused.getMessage()).doesNotContain(key.getToken()).doesNotContain(key.getKey());
            } finally {
                withNewKey.stop();
            }
            assertThatThrownBy(() -> call(t, "deleteApiKey", null)).rootCause()
                    .hasMessageContaining("needs the API key to act on in the header CamelIotfApiKey");
        } finally {
            context.stop();
        }
    }

    @Test
    void anOperationTheVersionLacksIsRefusedAtRouteStart(IotfEmulator iotf, TestOrganization org) throws Exception {
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:types").to(RegistryTest.registry(iotf, org, IotfApiVersion.v0001)
                        + "&operation=getDeviceType");
            }
        });
        assertThatThrownBy(context::start).isInstanceOf(FailedToStartRouteException.class).rootCause()
                .hasMessage("The option operation getDeviceType is not in API v0001 (the option apiVersion): it needs "
                        + "apiVersion=v0002");
        context.stop();
        CamelContext v1 = RegistryTest.context(RegistryTest.registry(iotf, org, IotfApiVersion.v0001));
        try {
            assertThatThrownBy(() -> call(template(v1), "addDevices", List.of())).rootCause()
                    .hasMessage("The header CamelIotfOperation addDevices is not in API v0001 (the option apiVersion): it "
                            + "needs apiVersion=v0002");
        } finally {
            v1.stop();
        }
    }

    private static IotfApiException apiError(Runnable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(thrown).isNotNull();
        assertThat(thrown.getCause()).isInstanceOf(IotfApiException.class);
        return (IotfApiException) thrown.getCause();
    }

    private static List<Object> toList(Iterator<?> it) {
        List<Object> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
