package io.cameliotf.iotf.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.iotf.mqtt.IotfConnection;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a managed device sends the service from the worker thread: responses to its requests (on
 * iotdevice-1/response [later §3.5.2]) and notifications of observed fields (iotdevice-1/notify [later §3.5.5]),
 * neither waited for beyond the publish.
 */
final class MgmtReplies {

    private static final Logger LOG = LoggerFactory.getLogger(MgmtReplies.class);

    private final MgmtTarget target;
    private final Supplier<IotfConnection> connection;
    private final MgmtRequests requests;
    private final long connectWaitMillis;
    private final long publishTimeoutMillis;

    MgmtReplies(MgmtTarget target, Supplier<IotfConnection> connection, MgmtRequests requests, long connectWaitMillis,
            long publishTimeoutMillis) {
        this.target = target;
        this.connection = connection;
        this.requests = requests;
        this.connectWaitMillis = connectWaitMillis;
        this.publishTimeoutMillis = publishTimeoutMillis;
    }

    /** Answers request {@code reqId}; no answer when the service sent no reqId (it wants none [later §3.5.2]). */
    void respond(String reqId, int rc, String message, JsonNode d) {
        if (reqId == null) {
            return;
        }
        IotfConnection c = connection.get();
        if (c == null) {
            LOG.warn("Not answering request {} of device {} with rc {}: the consumer has stopped", reqId, target, rc);
            return;
        }
        c.publish(target.request("response"), MgmtJson.response(reqId, rc, message, d), MgmtRequests.QOS,
                connectWaitMillis, publishTimeoutMillis);
        LOG.debug("Answered request {} of device {} with rc {}", reqId, target, rc);
    }

    /** Tells the service an observed field changed, one notify per change [later §3.5.5]; its rc is only logged. */
    void notifyField(String field, JsonNode value) {
        IotfConnection c = connection.get();
        if (c == null) {
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode d = MgmtJson.MAPPER.createObjectNode();
        d.put("field", field);
        d.set("value", value);
        requests.send(c, target, "notify", d).whenComplete((response, error) -> {
            if (error != null) {
                LOG.warn("The service did not answer the notify of {} of device {}: {}", field, target,
                        error.toString());
            } else if (response.rc() != ResponseCodes.OK) {
                LOG.warn("The service answered the notify of {} of device {} with rc {} ({})", field, target,
                        response.rc(), response.message());
            }
        });
    }
}
