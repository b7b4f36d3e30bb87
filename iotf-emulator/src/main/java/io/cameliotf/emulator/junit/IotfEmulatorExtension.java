package io.cameliotf.emulator.junit;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.seed.SeedParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one local IoTF service for the whole test JVM (its broker takes seconds to stop, so it is started once and
 * stopped when the test run ends), on free ports of 127.0.0.1, seeded with {@link #TEST_SEED}. Tests receive it
 * as a parameter of type {@link IotfEmulator} (ports, URLs, TLS trust, registry, seed with its tokens), or a fresh
 * {@link TestOrganization} of their own, which keeps tests independent of each other and of their order.
 * <pre>
 * &#64;ExtendWith(IotfEmulatorExtension.class)
 * class MyTest {
 *     &#64;Test
 *     void connects(IotfEmulator iotf, TestOrganization org) { ... }
 * }
 * </pre>
 */
public final class IotfEmulatorExtension implements BeforeAllCallback, ParameterResolver {

    /** The classpath resource of the seed: organizations {@code orga01} and {@code orgb02}. */
    public static final String TEST_SEED = "/io/cameliotf/emulator/junit/test-seed.json";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(IotfEmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == IotfEmulator.class || type == TestOrganization.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        IotfEmulator emulator = emulator(context);
        return parameter.getParameter().getType() == IotfEmulator.class ? emulator : TestOrganization.create(emulator);
    }

    /** The service of this test JVM, started on first use. */
    public static IotfEmulator emulator(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, k -> new Running(startForTests()), Running.class).emulator;
    }

    /**
     * A service started as this extension starts its own (the test seed, loopback, free ports), for tests that need
     * one before JUnit's extensions run, for example in Spring's {@code @DynamicPropertySource}. The caller stops it.
     */
    public static IotfEmulator startForTests() {
        try (InputStream seed = IotfEmulatorExtension.class.getResourceAsStream(TEST_SEED)) {
            return IotfEmulator.builder()
                    .seed(SeedParser.parse("classpath:" + TEST_SEED, seed))
                    .bindAddress("127.0.0.1")
                    .freePorts()
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stopped by JUnit when the root context closes, at the end of the test run. */
    private static final class Running implements AutoCloseable {

        private final IotfEmulator emulator;

        Running(IotfEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            emulator.stop();
        }
    }
}
