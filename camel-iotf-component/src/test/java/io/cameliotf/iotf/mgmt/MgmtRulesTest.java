package io.cameliotf.iotf.mgmt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules of iotf:device-management's options, checked when the endpoint is made [later §3.5]. */
class MgmtRulesTest {

    private final CamelContext context = new DefaultCamelContext();
    private static final String DEVICE = "iotf:device-management?clientType=device&org=org001&deviceType=valve"
            + "&deviceId=v1&authToken=tok&brokerUrl=tcp://127.0.0.1:1";

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void applicationsInitiateRequestsThroughTheRegistry() {
        assertThatThrownBy(() -> context.getEndpoint("iotf:device-management?org=org001&authKey=a-org001-k1&authToken=t"))
                .rootCause().hasMessageContaining("clientType=device").hasMessageContaining("iotf:registry");
    }

    @Test
    void aLifetimeIsZeroOrAtLeastAnHour() {
        assertThatThrownBy(() -> context.getEndpoint(DEVICE + "&lifetime=600")).rootCause()
                .hasMessageContaining("lifetime").hasMessageContaining("3600").hasMessageContaining("600");
    }

    @Test
    void bundleIdsAreNamesOfTheService() {
        assertThatThrownBy(() -> context.getEndpoint(DEVICE + "&supportedBundles=ok-1,not ok")).rootCause()
                .hasMessageContaining("supportedBundles").hasMessageContaining("'not ok'");
    }

    @Test
    void aGatewayNamesOneDeviceItServesOrNone() {
        String gateway = "iotf:device-management?clientType=gateway&org=org001&gatewayType=gw&gatewayId=g1"
                + "&authToken=tok&brokerUrl=tcp://127.0.0.1:1";
        assertThatThrownBy(() -> context.getEndpoint(gateway + "&deviceType=sensor")).rootCause()
                .hasMessageContaining("both deviceType and deviceId");
        assertThatThrownBy(() -> context.getEndpoint(gateway + "&deviceType=RAW(+)&deviceId=RAW(+)")).rootCause()
                .hasMessageContaining("no '+'");
    }

    @Test
    void quickstartHasNoDeviceManagement() {
        assertThatThrownBy(() -> context.getEndpoint("iotf:device-management?clientType=device&org=quickstart"
                + "&deviceType=valve&deviceId=v1")).rootCause().hasMessageContaining("QuickStart");
    }
}
