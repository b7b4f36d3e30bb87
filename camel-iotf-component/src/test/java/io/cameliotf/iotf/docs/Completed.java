package io.cameliotf.iotf.docs;

import io.cameliotf.iotf.Waits;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * The exchanges a CamelContext completed, for snippets whose routes end in a log or a header rather than an endpoint
 * a test can watch.
 */
final class Completed extends EventNotifierSupport {

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    /** Watches {@code context}; call it before the context starts. */
    static Completed on(CamelContext context) {
        Completed completed = new Completed();
        context.getManagementStrategy().addEventNotifier(completed);
        return completed;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeCompletedEvent completed) {
            exchanges.add(completed.getExchange());
        }
    }

    /** The first {@code n} exchanges completed of the route whose endpoint URI starts with {@code from}. */
    List<Exchange> await(String from, int n) {
        Waits.await().until(() -> of(from).size() >= n);
        return of(from).subList(0, n);
    }

    private List<Exchange> of(String from) {
        return exchanges.stream().filter(e -> e.getFromEndpoint() != null
                && e.getFromEndpoint().getEndpointUri().startsWith(from)).toList();
    }
}
