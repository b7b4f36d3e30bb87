package io.cameliotf.iotf;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.TestOrganization;
import java.io.IOException;
import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.TypeConverter;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.converter.DefaultTypeConverter;
import org.apache.camel.support.PluginHelper;

/** Tests that need several CamelContexts (several JVMs, as far as the service can tell) start them here. */
final class CamelContexts {

    private CamelContexts() {
    }

    static CamelContext start(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        // what Camel Main does with camel.health.enabled (consumers); iotf producers' checks need nothing set
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        context.addRoutes(routes);
        context.start();
        return context;
    }

    /** The options of an application of {@code org} on the test service. */
    static String app(IotfEmulator iotf, TestOrganization org, String appId) {
        return "org=" + org.id() + "&appId=" + appId + "&authKey=" + org.apiKey() + "&authToken=RAW(" + org.apiToken()
                + ")&brokerUrl=" + iotf.mqttUrl();
    }

    /** The options of device {@code type/id} of {@code org}, with its token. */
    static String device(IotfEmulator iotf, TestOrganization org, String type, String id, String token) {
        return "clientType=device&org=" + org.id() + "&deviceType=" + type + "&deviceId=" + id + "&authToken=RAW("
                + token + ")&brokerUrl=" + iotf.mqttUrl();
    }

    /**
     * A CamelContext that loads every type converter on the classpath but this component's: what Camel and the other
     * components do by themselves, to compare against.
     */
    static CamelContext withoutIotfConverters(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext() {
            @Override
            protected TypeConverter createTypeConverter() {
                return new DefaultTypeConverter(getCamelContextReference(), PluginHelper.getPackageScanClassResolver(this),
                        getInjector(), isLoadTypeConverters(), isTypeConverterStatisticsEnabled()) {
                    @Override
                    protected Collection<String> findTypeConverterLoaderClasses() throws IOException {
                        return super.findTypeConverterLoaderClasses().stream()
                                .filter(loader -> !loader.startsWith("io.cameliotf.")).collect(Collectors.toList());
                    }
                };
            }
        };
        context.addRoutes(routes);
        context.start();
        return context;
    }
}
