package io.cameliotf.iotf.mgmt;

import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.mqtt.IotfConnection;
import io.cameliotf.iotf.mqtt.MessageHandler;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A managed device (or a gateway, for itself or a device it serves) [later §3.5]: subscribes to the service's
 * management messages for its target on the client's shared connection, sends manage once the subscription is
 * granted ({@link ManageSession}), and turns each request into an exchange whose outcome is the response
 * ({@link MgmtDispatcher}). Requests are taken off the connection's delivery thread and handled one at a time on a
 * worker thread of the consumer, in the order they came: a route may take long (a firmware download) and may send
 * management messages of its own, whose answers arrive on the delivery thread. A request is acknowledged (QoS 1) once
 * taken: the service's own timeout covers a device that fails while handling it [later §2.14].
 */
public class IotfMgmtConsumer extends DefaultConsumer implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IotfMgmtConsumer.class);

    private final IotfEndpoint endpoint;
    private final IotfMgmtConfiguration options;
    private final MgmtTarget target;
    private volatile IotfConnection connection;
    private volatile ScheduledExecutorService worker;
    private MgmtRequests requests;
    private ManageSession session;
    private MgmtDispatcher dispatcher;
    private Runnable unsubscribe;
    private Runnable reconnected;

    public IotfMgmtConsumer(IotfEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.options = endpoint.getMgmtConfiguration();
        this.target = MgmtTargets.own(endpoint.getConfiguration());
    }

    public MgmtTarget getTarget() {
        return target;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        IotfConfiguration c = endpoint.getConfiguration();
        worker = endpoint.getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "iotf-mgmt-" + target);
        requests = new MgmtRequests(c.getConnectWaitTimeout(), c.getPublishTimeout(), options.getMgmtTimeout());
        session = new ManageSession(target, options, requests, worker);
        MgmtReplies replies = new MgmtReplies(target, () -> connection, requests, c.getConnectWaitTimeout(),
                c.getPublishTimeout());
        FirmwareFlow firmware = new FirmwareFlow(replies, this::run, session::firmwareInstalled);
        dispatcher = new MgmtDispatcher(target, options, replies, this::run, firmware,
                () -> session.manageNow(connection, "an action completed"));
        connection = endpoint.getComponent().getConnections().acquire(endpoint.connectionSettings());
        try {
            unsubscribe = connection.subscribeFor(target.subscription(), MgmtRequests.QOS, this);
            IotfConnection c0 = connection;
            reconnected = () -> session.manageLater(c0, "connected again");
            connection.addConnectListener(reconnected);
            if (connection.isConnected()) {
                // the first management request after connecting must be manage [later §3.5.3]; a refusal (an
                // unregistered device, a bad request) fails the route's start, naming the rc
                session.manage(connection);
            }
        } catch (Exception e) {
            releaseConnection();
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        IotfConnection c = connection;
        if (c != null && options.isUnmanageOnStop() && c.isConnected()) {
            try {
                session.unmanage(c);
            } catch (IotfMgmtException | RuntimeException e) {
                LOG.warn("Could not unmanage device {} on stop: {}", target, e.getMessage());
            }
        }
        if (session != null) {
            session.cancelRenewal();
        }
        releaseConnection();
        if (worker != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdown(worker);
            worker = null;
        }
        super.doStop();
    }

    private void releaseConnection() {
        IotfConnection c = connection;
        if (c == null) {
            return;
        }
        if (reconnected != null) {
            c.removeConnectListener(reconnected);
        }
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        endpoint.getComponent().getConnections().release(c);
        connection = null;
    }

    /** On the connection's delivery thread: answers complete waiting requests, requests go to the worker. */
    @Override
    public boolean onMessage(String topic, MqttMessage message) {
        String suffix = target.suffix(topic);
        if (suffix == null) {
            return true;
        }
        MgmtJson.Incoming incoming;
        try {
            incoming = MgmtJson.parse(message.getPayload());
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a management message on {} for device {}: {} (payload: {} bytes) [later §3.5.2]", topic,
                    target, e.getMessage(), message.getPayload().length);
            return true;
        }
        if ("response".equals(suffix) || incoming.isResponse()) {
            if (!requests.complete(incoming)) {
                LOG.debug("An answer on {} to no pending request of this consumer: {}", topic, incoming.reqId());
            }
            return true;
        }
        ScheduledExecutorService w = worker;
        try {
            if (w == null) {
                throw new RejectedExecutionException("stopped");
            }
            w.execute(() -> handle(suffix, incoming));
        } catch (RejectedExecutionException e) {
            LOG.warn("Device {} is stopping: not handling the management request on {}", target, topic);
        }
        return true;
    }

    private void handle(String suffix, MgmtJson.Incoming incoming) {
        try {
            dispatcher.handle(suffix, incoming);
        } catch (RuntimeException e) {
            LOG.warn("Device {} could not answer the management request on iotdm-1/.../{}: {}", target, suffix,
                    e.getMessage(), e);
        }
    }

    /** The exchange of one request: the action, the target device and the parameters as the body. */
    private Exchange run(String action, Object body) {
        Exchange exchange = createExchange(false);
        exchange.setProperty(ExchangePropertyKey.CHARSET_NAME, "UTF-8");
        exchange.getIn().setHeader(IotfConstants.MGMT_ACTION, action);
        exchange.getIn().setHeader(IotfConstants.DEVICE_TYPE, target.deviceType());
        exchange.getIn().setHeader(IotfConstants.DEVICE_ID, target.deviceId());
        exchange.getIn().setHeader(IotfConstants.ORG, endpoint.getConfiguration().getOrg());
        IotfConnection c = connection;
        if (c != null) {
            exchange.getIn().setHeader(IotfConstants.CLIENT_ID, c.clientId());
        }
        exchange.getIn().setBody(body);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            LOG.warn("The route of device {} failed on {}: {}", target, action,
                    ResponseCodes.describe(exchange.getException()));
        }
        return exchange;
    }
}
