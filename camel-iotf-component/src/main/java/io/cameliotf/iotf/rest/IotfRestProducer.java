package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.IotfEndpoint;
import org.apache.camel.support.DefaultProducer;

/** A producer over the REST API: one HTTP client (and its connection pool) from start to stop. */
abstract class IotfRestProducer extends DefaultProducer {

    protected final IotfEndpoint endpoint;
    private IotfRestClient rest;

    IotfRestProducer(IotfEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        rest = endpoint.restClient();
        started(rest);
    }

    /** Called once the client is made, for producers that build on it. */
    protected void started(IotfRestClient client) {
    }

    protected IotfRestClient rest() {
        return rest;
    }

    @Override
    protected void doStop() throws Exception {
        if (rest != null) {
            rest.close();
            rest = null;
        }
        super.doStop();
    }
}
