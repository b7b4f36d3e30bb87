package io.cameliotf.examples.springboot;

import io.cameliotf.iotf.IotfConstants;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The routes name no credentials and no server: the component's options come from {@code camel.component.iotf.*}.
 * Every sensor event is appended to a file as one line; a temperature above {@code valve.threshold} closes the valve.
 */
@Component
public class SensorRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("iotf:device-event?deviceType=sensor&event=reading").routeId("sensor-readings")
                .convertBodyTo(String.class)
                .to("file:{{readings.dir}}?fileName=readings.jsonl&fileExist=Append&appendChars=\\n")
                // ${body[d][t]} (an index into a Map) needs camel-bean, which the starter brings
                .convertBodyTo(Map.class)
                .filter(simple("${body[d][t]} > {{valve.threshold}}"))
                    .log("${header." + IotfConstants.DEVICE_ID + "} is at ${body[d][t]}: closing the valve")
                    .setBody(simple("{\"position\":\"closed\",\"t\":${body[d][t]}}"))
                    // the reading's headers name the sensor, and headers win over the producer's options
                    .removeHeaders("CamelIotf*")
                    .to("iotf:command?deviceType=valve&deviceId={{valve.id}}&command=set");
    }
}
