package io.cameliotf.iotf.mqtt;

import io.cameliotf.iotf.EndpointRules;
import io.cameliotf.iotf.IotfClientType;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.IotfKind;
import io.cameliotf.iotf.payload.IotfPayloads;
import java.io.File;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Publishes device events (as the device itself, or as an application on behalf of a device) and commands. The
 * topic is built per message from the headers {@code CamelIotfDeviceType}, {@code CamelIotfDeviceId},
 * {@code CamelIotfEvent}, {@code CamelIotfCommand}, {@code CamelIotfFormat} (falling back to the endpoint's options),
 * so one endpoint can relay the events of many devices. A send waits for the service's acknowledgement (QoS 1 and 2)
 * and fails with an exception rather than dropping a message.
 */
public class IotfMqttProducer extends DefaultProducer {

    private final IotfEndpoint endpoint;
    private final IotfConfiguration config;
    private final IotfKind kind;
    private final boolean device;
    private volatile IotfConnection connection;
    private WritableHealthCheckRepository healthRepository;
    private IotfHealthCheck healthCheck;

    public IotfMqttProducer(IotfEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.kind = endpoint.getIotfKind();
        this.device = config.getClientType() == IotfClientType.device;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = endpoint.getComponent().getConnections().acquire(endpoint.connectionSettings());
        healthRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthRepository != null) {
            healthCheck = new IotfHealthCheck("producer:iotf-" + endpoint.getId(), () -> connection);
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthRepository != null && healthCheck != null) {
            healthRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        IotfConnection c = connection;
        if (c != null) {
            endpoint.getComponent().getConnections().release(c);
            connection = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String topic = topic(in);
        Integer qosHeader = in.getHeader(IotfConstants.QOS, Integer.class);
        int qos = qosHeader != null ? qosHeader : config.effectiveQos(kind);
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("The header " + IotfConstants.QOS + " must be 0, 1 or 2, not " + qos);
        }
        byte[] payload = IotfPayloads.toPayload(body(exchange), config.isWrapPayload());
        IotfConnection c = connection;
        if (c == null) {
            throw new IllegalStateException("The producer of " + endpoint + " is not started");
        }
        c.publish(topic, payload, qos, config.getConnectWaitTimeout(), config.getPublishTimeout());
        in.setHeader(IotfConstants.TOPIC, topic);
        in.setHeader(IotfConstants.CLIENT_ID, c.clientId());
    }

    /** The topic of this message [5.2.3, 5.3.3, 5.3.4], from its headers or the endpoint's options. */
    String topic(Message in) {
        String format = value(in, IotfConstants.FORMAT, config.getFormat(), "format", false);
        if (format == null) {
            format = "json";
        }
        if (kind == IotfKind.COMMAND) {
            return IotfTopics.command(value(in, IotfConstants.DEVICE_TYPE, config.getDeviceType(), "deviceType", true),
                    value(in, IotfConstants.DEVICE_ID, config.getDeviceId(), "deviceId", true),
                    value(in, IotfConstants.COMMAND, config.getCommand(), "command", false, true), format);
        }
        String event = value(in, IotfConstants.EVENT, config.getEvent(), "event", false, true);
        if (device) {
            return IotfTopics.deviceEvent(event, format);
        }
        return IotfTopics.event(value(in, IotfConstants.DEVICE_TYPE, config.getDeviceType(), "deviceType", true),
                value(in, IotfConstants.DEVICE_ID, config.getDeviceId(), "deviceId", true), event, format);
    }

    private static String value(Message in, String header, String option, String optionName, boolean name) {
        return value(in, header, option, optionName, name, name);
    }

    /** A topic level from the header, else the option; a header is checked, since it goes into a topic. */
    private static String value(Message in, String header, String option, String optionName, boolean name,
            boolean required) {
        String value = in.getHeader(header, String.class);
        boolean fromHeader = value != null && !value.isEmpty();
        if (!fromHeader) {
            value = option;
        }
        if (value == null || value.isEmpty() || "+".equals(value)) {
            if (required) {
                throw new IllegalArgumentException("No " + optionName + " to publish with: set the option " + optionName
                        + " or the header " + header);
            }
            return null;
        }
        if (fromHeader) { // options were checked when the endpoint was made (EndpointRules); headers come per message
            String problem = name ? EndpointRules.nameProblem(value) : EndpointRules.levelProblem(value);
            if (problem != null) {
                throw new IllegalArgumentException("The header " + header + " '" + value + "' " + problem);
            }
        }
        return value;
    }

    /** The body, with files and streams read into bytes. */
    private static Object body(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        if (body instanceof WrappedFile || body instanceof File || body instanceof StreamCache
                || body instanceof InputStream || body instanceof ByteBuffer) {
            return exchange.getMessage().getMandatoryBody(byte[].class);
        }
        return body;
    }
}
