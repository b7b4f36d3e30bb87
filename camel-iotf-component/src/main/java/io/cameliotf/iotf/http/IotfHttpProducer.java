package io.cameliotf.iotf.http;

import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.mqtt.IotfTopics;
import io.cameliotf.iotf.publish.PublishAddress;
import io.cameliotf.iotf.publish.PublishingProducer;
import io.cameliotf.iotf.rest.IotfRestClient;
import io.cameliotf.iotf.rules.HttpFormats;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Publishes device events and commands over HTTP messaging (later contract 2.11), for networks that block MQTT: one
 * POST per message, with the same headers, payload handling and errors as the MQTT producer. A device posts its own
 * events; an application posts events on behalf of devices, and commands. The format travels as the Content-Type
 * (json, text, xml, bin). The service answers 200 once it has handed the message on, like MQTT QoS 0: it keeps no
 * copy, so a failed POST is an exception for Camel's error handler to retry.
 */
public class IotfHttpProducer extends PublishingProducer {

    private IotfRestClient client;

    public IotfHttpProducer(IotfEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = endpoint.httpMessagingClient();
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        PublishAddress address = address(exchange);
        String contentType = HttpFormats.contentType("The format", address.format());
        byte[] payload = payload(exchange);
        IotfRestClient c = client;
        if (c == null) {
            throw new IllegalStateException("The producer of " + endpoint + " is not started");
        }
        c.post(path(address), payload, contentType);
        in.setHeader(IotfConstants.TOPIC, address.command()
                ? IotfTopics.command(address.deviceType(), address.deviceId(), address.name(), address.format())
                : IotfTopics.event(address.deviceType(), address.deviceId(), address.name(), address.format()));
    }

    /** The path of HTTP messaging for {@code address} (later contract 2.11). */
    static String path(PublishAddress address) {
        String device = "/types/" + IotfRestClient.segment(address.deviceType()) + "/devices/"
                + IotfRestClient.segment(address.deviceId());
        if (address.command()) {
            return "/application" + device + "/commands/" + IotfRestClient.segment(address.name());
        }
        return (address.ownEvent() ? "/device" : "/application") + device + "/events/"
                + IotfRestClient.segment(address.name());
    }
}
