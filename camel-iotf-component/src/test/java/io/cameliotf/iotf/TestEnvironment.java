package io.cameliotf.iotf;

import java.util.Map;

/** Gives a component the environment that configFromEnvironment reads, for tests outside this package. */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    public static void use(IotfComponent component, Map<String, String> environment) {
        component.useEnvironment(environment);
    }
}
