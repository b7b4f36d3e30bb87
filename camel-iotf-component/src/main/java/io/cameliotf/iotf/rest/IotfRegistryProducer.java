package io.cameliotf.iotf.rest;

import io.cameliotf.iotf.IotfApiVersion;
import io.cameliotf.iotf.IotfConfiguration;
import io.cameliotf.iotf.IotfConstants;
import io.cameliotf.iotf.IotfEndpoint;
import io.cameliotf.iotf.rules.ValueRules;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The Device Management API [3.1, 4.3.8-4.3.10; later contract 2]: one operation per message, from the
 * {@code CamelIotfOperation} header or the {@code operation} option, in the endpoint's {@code apiVersion}. An
 * operation the version lacks is refused when the route starts (option) or per message (header). The answer is
 * the operation's typed result (see {@link RegistryOperation}); operations that answer nothing leave an empty body.
 */
public class IotfRegistryProducer extends IotfRestProducer {

    private final IotfApiVersion version;
    private RegistryApi api;

    public IotfRegistryProducer(IotfEndpoint endpoint) {
        super(endpoint);
        this.version = endpoint.getConfiguration().effectiveApiVersion();
    }

    @Override
    protected void doStart() throws Exception {
        RegistryOperation operation = endpoint.getConfiguration().getOperation();
        if (operation != null) {
            checkVersion(operation, "The option operation");
        }
        super.doStart();
    }

    @Override
    protected void started(IotfRestClient client) {
        api = RegistryApi.of(version, client);
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message in = exchange.getMessage();
        RegistryOperation operation = operation(in, endpoint.getConfiguration());
        in.setBody(api.perform(new RegistryRequest(in, endpoint.getConfiguration(), operation,
                endpoint.maxNameLength())));
    }

    private RegistryOperation operation(Message in, IotfConfiguration c) {
        String header = in.getHeader(IotfConstants.OPERATION, String.class);
        if (header != null && !header.isEmpty()) {
            return checkVersion(ValueRules.oneOf("The header " + IotfConstants.OPERATION, header,
                    RegistryOperation.class), "The header " + IotfConstants.OPERATION);
        }
        if (c.getOperation() == null) {
            throw new IllegalArgumentException("No registry operation: set the option operation or the header "
                    + IotfConstants.OPERATION + " (one of " + java.util.Arrays.toString(RegistryOperation.values()) + ")");
        }
        return c.getOperation();
    }

    private RegistryOperation checkVersion(RegistryOperation operation, String subject) {
        if (!operation.isIn(version)) {
            throw new IllegalArgumentException(subject + " " + operation + " is not in API " + version + " (the option "
                    + "apiVersion): it needs apiVersion=v0002");
        }
        return operation;
    }
}
