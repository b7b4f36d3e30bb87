package io.cameliotf.iotf;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.TestOrganization;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;

/** Tests that need several CamelContexts (several JVMs, as far as the service can tell) start them here. */
final class CamelContexts {

    private CamelContexts() {
    }

    static CamelContext start(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        // what Camel Main does with camel.health.enabled (consumers) and camel.health.producersEnabled=true
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    /** The options of an application of {@code org} on the test service. */
    static String app(IotfEmulator iotf, TestOrganization org, String appId) {
        return "org=" + org.id() + "&appId=" + appId + "&authKey=" + org.apiKey() + "&authToken=RAW(" + org.apiToken()
                + ")&brokerUrl=" + iotf.mqttUrl();
    }

    /** The options of device {@code type/id} of {@code org}, with its token. */
    static String device(IotfEmulator iotf, TestOrganization org, String type, String id, String token) {
        return "clientType=device&org=" + org.id() + "&deviceType=" + type + "&deviceId=" + id + "&authToken=RAW("
                + token + ")&brokerUrl=" + iotf.mqttUrl();
    }
}
