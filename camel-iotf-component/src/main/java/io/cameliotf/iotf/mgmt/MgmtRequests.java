package io.cameliotf.iotf.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.iotf.mqtt.IotfConnection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The requests a device sent and the service has not answered yet, by reqId [later §3.5.2]: each published at QoS 1
 * with a fresh UUID, and completed by the service's response on iotdm-1/response (which arrives on the connection's
 * delivery thread: nothing here blocks it).
 */
final class MgmtRequests {

    /** The QoS of every management message a device sends: the service answers at QoS 1 [later §3.5.2]. */
    static final int QOS = 1;

    private final Map<String, CompletableFuture<MgmtJson.Incoming>> pending = new ConcurrentHashMap<>();
    private final long connectWaitMillis;
    private final long publishTimeoutMillis;
    private final long timeoutMillis;

    MgmtRequests(long connectWaitMillis, long publishTimeoutMillis, long timeoutMillis) {
        this.connectWaitMillis = connectWaitMillis;
        this.publishTimeoutMillis = publishTimeoutMillis;
        this.timeoutMillis = timeoutMillis;
    }

    /** Publishes {@code op} for {@code target}; the future completes with the response, or fails after mgmtTimeout. */
    CompletableFuture<MgmtJson.Incoming> send(IotfConnection connection, MgmtTarget target, String op, JsonNode d) {
        String reqId = UUID.randomUUID().toString();
        CompletableFuture<MgmtJson.Incoming> answer = new CompletableFuture<>();
        pending.put(reqId, answer);
        answer.whenComplete((r, e) -> pending.remove(reqId));
        try {
            connection.publish(target.request(op), MgmtJson.request(reqId, d), QOS, connectWaitMillis,
                    publishTimeoutMillis);
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
            return answer;
        }
        return answer.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends and waits for the answer.
     *
     * @throws IotfMgmtException when the rc is not 200, or no answer came within mgmtTimeout
     */
    MgmtJson.Incoming call(IotfConnection connection, MgmtTarget target, String operation, String op, JsonNode d)
            throws IotfMgmtException {
        if (connection.isDeliveryThread()) {
            // the answer would arrive on this very thread, which would be waiting for it
            throw new IllegalStateException("The device management operation " + operation + " of " + target
                    + " cannot wait for the service's answer on the thread that delivers the messages of "
                    + connection.clientId() + " (a route consuming from the same connection): hand the exchange to "
                    + "another thread first, for example with seda: or wireTap");
        }
        MgmtJson.Incoming response;
        try {
            response = send(connection, target, op, d).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the answer to " + operation + " of " + target, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new IotfMgmtException("The service did not answer the device management operation " + operation
                        + " of device " + target + " (" + target.request(op) + ") within " + timeoutMillis
                        + " ms (mgmtTimeout) [later §3.5.2]", operation, target, null, null);
            }
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new IllegalStateException(e.getCause());
        }
        if (response.rc() != 200) {
            throw refused(operation, target, response);
        }
        return response;
    }

    static IotfMgmtException refused(String operation, MgmtTarget target, MgmtJson.Incoming response) {
        String hint = response.rc() == 404 ? ": is device " + target + " registered?"
                : response.rc() >= 400 && response.rc() < 500 && !"manage".equals(operation)
                        ? ": is device " + target + " managed (a manage request answered 200 first)?" : "";
        return new IotfMgmtException("The service refused the device management operation " + operation + " of device "
                + target + " with rc " + response.rc() + (response.message() == null ? "" : " (" + response.message()
                        + ")") + hint + " [later §3.5.2]", operation, target, response.rc(), response.message());
    }

    /** Completes the request a response answers; false when it answers none of this side's requests. */
    boolean complete(MgmtJson.Incoming response) {
        CompletableFuture<MgmtJson.Incoming> answer = response.reqId() == null ? null : pending.get(response.reqId());
        if (answer == null) {
            return false;
        }
        answer.complete(response);
        return true;
    }

    int pending() {
        return pending.size();
    }
}
