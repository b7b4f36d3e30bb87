package io.cameliotf.iotf.mgmt;

import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.mqtt.IotfConnection;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a managed device's requests [later §3.5.3, §3.5.4]: manage, unmanage, location, diagnostic logs and error
 * codes (the operation from the CamelIotfMgmtOperation header or the mgmtOperation option, the body the request's d),
 * and waits for the service's rc: 200 sets CamelIotfMgmtResponseCode; any other rc, or no answer within mgmtTimeout,
 * fails the exchange with an {@link IotfMgmtException} naming the operation, the device, the rc and the message.
 */
public class IotfMgmtProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(IotfMgmtProducer.class);

    private final IotfEndpoint endpoint;
    private final IotfMgmtConfiguration options;
    private volatile IotfConnection connection;
    private MgmtRequests requests;
    private Runnable unsubscribe;

    public IotfMgmtProducer(IotfEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.options = endpoint.getMgmtConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        IotfConfiguration c = endpoint.getConfiguration();
        requests = new MgmtRequests(c.getConnectWaitTimeout(), c.getPublishTimeout(), options.getMgmtTimeout());
        connection = endpoint.getComponent().getConnections().acquire(endpoint.connectionSettings());
        try {
            unsubscribe = connection.subscribeFor(MgmtTargets.forResponses(c).responses(), MgmtRequests.QOS,
                    (topic, message) -> {
                        try {
                            requests.complete(MgmtJson.parse(message.getPayload()));
                        } catch (IllegalArgumentException e) {
                            LOG.warn("Ignoring an answer on {}: {} [later §3.5.2]", topic, e.getMessage());
                        }
                        return true;
                    });
        } catch (RuntimeException e) {
            endpoint.getComponent().getConnections().release(connection);
            connection = null;
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        IotfConnection c = connection;
        if (c != null) {
            unsubscribe.run();
            endpoint.getComponent().getConnections().release(c);
            connection = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        MgmtOperation operation = operation(in);
        MgmtTarget target = MgmtTargets.of(endpoint.getConfiguration(), in, endpoint.maxNameLength());
        IotfConnection c = connection;
        if (c == null) {
            throw new IllegalStateException("The producer of " + endpoint + " is not started");
        }
        MgmtJson.Incoming answer = requests.call(c, target, operation.name(), operation.op(),
                MgmtBodies.data(operation, in.getBody(), options));
        in.setHeader(IotfConstants.MGMT_RESPONSE_CODE, answer.rc());
        if (answer.message() != null) {
            in.setHeader(IotfConstants.MGMT_RESPONSE_MESSAGE, answer.message());
        }
        in.setHeader(IotfConstants.DEVICE_TYPE, target.deviceType());
        in.setHeader(IotfConstants.DEVICE_ID, target.deviceId());
        in.setHeader(IotfConstants.TOPIC, target.request(operation.op()));
        in.setHeader(IotfConstants.CLIENT_ID, c.clientId());
    }

    private MgmtOperation operation(Message in) {
        String header = in.getHeader(IotfConstants.MGMT_OPERATION, String.class);
        if (header != null && !header.isEmpty()) {
            try {
                return MgmtOperation.valueOf(header);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The header " + IotfConstants.MGMT_OPERATION + " '" + header
                        + "' is no device management operation: use one of " + MgmtOperation.NAMES);
            }
        }
        if (options.getMgmtOperation() == null) {
            throw new IllegalArgumentException("iotf:device-management needs its mgmtOperation: set the option "
                    + "mgmtOperation or the header " + IotfConstants.MGMT_OPERATION + " (" + MgmtOperation.NAMES + ")");
        }
        return options.getMgmtOperation();
    }
}
