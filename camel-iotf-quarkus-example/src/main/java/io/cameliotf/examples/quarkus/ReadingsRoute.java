package io.cameliotf.examples.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * Every event of a sensor is answered with a {@code received} command to the same device, carrying the event's
 * payload. The connection settings come from application.properties ({@code camel.component.iotf.*}); Camel Quarkus
 * finds this class by itself.
 */
public class ReadingsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("iotf:device-event?deviceType={{readings.device-type}}&qos=1").routeId("readings")
            .log("${header.CamelIotfDeviceId} sent ${header.CamelIotfEvent}: ${body}")
            // the consumer's CamelIotfDeviceType and CamelIotfDeviceId headers address the command
            .to("iotf:command?command=received&qos=1");
    }
}
