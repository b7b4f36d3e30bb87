package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.IotfApiVersion;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Queries the historian [3.2, 4.3.11; later contract 2.12]. The answer is a {@code List<IotfHistoricalEvent>} (one
 * page; when there are more, the header {@code CamelIotfHistorianCursor} is set, with {@code CamelIotfHistorianSession}
 * in v0001, where the bookmark of v0002 needs none), an
 * {@code Iterator<IotfHistoricalEvent>} over every page with {@code allPages=true}, or an
 * {@code IotfHistorianSummary} with {@code summarize}.
 */
public class IotfHistorianProducer extends IotfRestProducer {

    private final HistorianRequest options;
    private HistorianClient historian;

    public IotfHistorianProducer(IotfEndpoint endpoint) {
        super(endpoint);
        this.options = HistorianRequest.of(endpoint.getConfiguration());
    }

    @Override
    protected void started(IotfRestClient client) {
        historian = new HistorianClient(client, endpoint.getConfiguration().effectiveApiVersion());
    }

    @Override
    public void process(Exchange exchange) {
        IotfConfiguration c = endpoint.getConfiguration();
        Message in = exchange.getMessage();
        HistorianRequest request = options.with(in, endpoint.maxNameLength());
        if (request.summarize() != null) {
            in.setBody(historian.summary(request));
            return;
        }
        if (c.isAllPages()) {
            in.setBody(historian.all(request, c.getMaxResults()));
            return;
        }
        String cursor = in.getHeader(IotfConstants.HISTORIAN_CURSOR, String.class);
        String session = in.getHeader(IotfConstants.HISTORIAN_SESSION, String.class);
        if (cursor != null && session == null && c.effectiveApiVersion() == IotfApiVersion.v0001) {
            throw new IllegalArgumentException("The header " + IotfConstants.HISTORIAN_CURSOR + " needs "
                    + IotfConstants.HISTORIAN_SESSION + " too: send back both, as the last answer set them");
        }
        HistorianClient.Page page = historian.page(request, cursor, session);
        in.setBody(page.events());
        if (page.hasMore()) {
            in.setHeader(IotfConstants.HISTORIAN_CURSOR, page.cursor());
            in.setHeader(IotfConstants.HISTORIAN_SESSION, page.session());
        } else {
            in.removeHeader(IotfConstants.HISTORIAN_CURSOR);
            in.removeHeader(IotfConstants.HISTORIAN_SESSION);
        }
    }
}
