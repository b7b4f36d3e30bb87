package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.model.IotfHistoricalEvent;
import io.cameliotf.iotf.rules.ValueRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Emits each event the historian stores once, one exchange per event, oldest first (for catch-up and replay routes).
 * Each poll asks for the events from where the last poll stopped: the time of the last emitted event, and which
 * events of that very millisecond were emitted already. It asks only for events stored at least {@code settleTime}
 * ago, so that events the service writes late are not skipped. With an {@code idempotentRepository}, emitted events
 * are remembered across restarts too. A failed exchange stops the poll there; the event is emitted again next poll.
 */
public class IotfHistorianConsumer extends ScheduledPollConsumer {

    private final IotfEndpoint endpoint;
    private IotfRestClient rest;
    private HistorianClient historian;
    private HistorianRequest options;
    private long position;
    private final Set<String> emittedAtPosition = new HashSet<>();

    public IotfHistorianConsumer(IotfEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        rest = endpoint.restClient();
        historian = new HistorianClient(rest, endpoint.getConfiguration().effectiveApiVersion());
        options = HistorianRequest.of(endpoint.getConfiguration());
        String since = endpoint.getConfiguration().getSince();
        position = since == null || "now".equalsIgnoreCase(since) ? System.currentTimeMillis()
                : ValueRules.millis("The option since", since);
        IdempotentRepository repository = endpoint.getConfiguration().getIdempotentRepository();
        if (repository != null) {
            repository.start();
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (rest != null) {
            rest.close();
            rest = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        IotfConfiguration c = endpoint.getConfiguration();
        long settled = System.currentTimeMillis() - c.getSettleTime();
        if (settled < position) {
            return 0;
        }
        HistorianRequest request = options.between(position, settled);
        int limit = c.getMaxResults();
        // the historian answers newest first: keep the oldest `limit` new events, then emit them oldest first
        Deque<IotfHistoricalEvent> oldest = new ArrayDeque<>();
        for (Iterator<IotfHistoricalEvent> it = historian.all(request, Integer.MAX_VALUE); it.hasNext();) {
            IotfHistoricalEvent e = it.next();
            if (e.getTimestamp().toEpochMilli() == position && emittedAtPosition.contains(key(e))) {
                continue;
            }
            oldest.addLast(e);
            if (oldest.size() > limit) {
                oldest.removeFirst();
            }
        }
        IdempotentRepository repository = c.getIdempotentRepository();
        int emitted = 0;
        for (Iterator<IotfHistoricalEvent> it = oldest.descendingIterator(); it.hasNext() && isRunAllowed();) {
            IotfHistoricalEvent e = it.next();
            String key = key(e);
            if (repository == null || !repository.contains(key)) {
                if (!emit(e)) {
                    break;
                }
                if (repository != null) {
                    repository.add(key);
                }
                emitted++;
            }
            long time = e.getTimestamp().toEpochMilli();
            if (time > position) {
                position = time;
                emittedAtPosition.clear();
            }
            emittedAtPosition.add(key);
        }
        return emitted;
    }

    private boolean emit(IotfHistoricalEvent event) {
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(event);
        exchange.getIn().setHeader(IotfConstants.ORG, event.getOrg());
        exchange.getIn().setHeader(IotfConstants.DEVICE_TYPE, event.getDeviceType());
        exchange.getIn().setHeader(IotfConstants.DEVICE_ID, event.getDeviceId());
        exchange.getIn().setHeader(IotfConstants.EVENT, event.getEvtType());
        exchange.getIn().setHeader(IotfConstants.TIMESTAMP, event.getTimestamp().toEpochMilli());
        try {
            getProcessor().process(exchange);
        } catch (Exception ex) {
            exchange.setException(ex);
        }
        boolean ok = exchange.getException() == null;
        if (!ok) {
            getExceptionHandler().handleException("Failed to process " + event + "; it is emitted again at the next poll",
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return ok;
    }

    /** An event's identity: device, event id, time and content (two identical events in one millisecond are one). */
    static String key(IotfHistoricalEvent e) {
        String identity = e.getDeviceUuid() + '|' + e.getEvtType() + '|' + e.getTimestamp().toEpochMilli() + '|' + e.getEvt();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return e.getDeviceUuid() + '|' + e.getTimestamp().toEpochMilli() + '|' + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
