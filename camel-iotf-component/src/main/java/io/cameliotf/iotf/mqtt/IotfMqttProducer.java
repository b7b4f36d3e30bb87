package io.cameliotf.iotf.mqtt;

import io.cameliotf.iotf.HeaderOrOption;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.publish.PublishingProducer;
import io.cameliotf.iotf.rules.ValueRules;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * Publishes device events (as the device itself, or as an application on behalf of a device) and commands. The
 * topic is built per message from the headers {@code CamelIotfDeviceType}, {@code CamelIotfDeviceId},
 * {@code CamelIotfEvent}, {@code CamelIotfCommand}, {@code CamelIotfFormat} (falling back to the endpoint's options),
 * so one endpoint can relay the events of many devices. A send waits for the service's acknowledgement (QoS 1 and 2)
 * and fails with an exception rather than dropping a message.
 */
public class IotfMqttProducer extends PublishingProducer {

    private volatile IotfConnection connection;
    private WritableHealthCheckRepository healthRepository;
    private IotfHealthCheck healthCheck;

    public IotfMqttProducer(IotfEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = endpoint.getComponent().getConnections().acquire(endpoint.connectionSettings());
        // not Camel's producers repository, which is off by default (see IotfHealthCheckRepository)
        healthRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(),
                IotfHealthCheckRepository.ID, WritableHealthCheckRepository.class);
        if (healthRepository != null) {
            healthCheck = IotfHealthCheck.producer(endpoint, () -> connection);
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
        String topic = IotfTopics.of(address(exchange));
        int qos = HeaderOrOption.find(in, IotfConstants.QOS, Integer.class, config.effectiveQos(kind),
                ValueRules.range(0, 2));
        byte[] payload = payload(exchange);
        IotfConnection c = connection;
        if (c == null) {
            throw new IllegalStateException("The producer of " + endpoint + " is not started");
        }
        c.publish(topic, payload, qos, config.getConnectWaitTimeout(), config.getPublishTimeout());
        in.setHeader(IotfConstants.TOPIC, topic);
        in.setHeader(IotfConstants.CLIENT_ID, c.clientId());
    }
}
