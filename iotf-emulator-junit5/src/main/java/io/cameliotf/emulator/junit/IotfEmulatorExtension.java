package io.cameliotf.emulator.junit;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.seed.SeedParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one local IoTF service for the whole test JVM (its broker takes seconds to stop, so it is started once and
 * stopped when the test run ends), on free ports of 127.0.0.1, seeded with {@link #TEST_SEED}. Tests receive, as
 * parameters of test methods, lifecycle methods or constructors:
 * <ul>
 * <li>{@link IotfEmulator}: the service (ports, URLs, TLS trust, registry, seed with its tokens);</li>
 * <li>{@link TestOrganization}: a fresh organization of their own with an API key (each such parameter a new one),
 * which keeps tests independent of each other and of their order;</li>
 * <li>{@link ComponentSettings}: the {@code iotf:} component's options for an application of the method's first
 * {@code TestOrganization} parameter, or of a fresh organization when it has none.</li>
 * </ul>
 * <pre>
 * &#64;ExtendWith(IotfEmulatorExtension.class)
 * class MyTest {
 *     &#64;Test
 *     void connects(IotfEmulator iotf, TestOrganization org, ComponentSettings iotfOptions) { ... }
 * }
 * </pre>
 */
public final class IotfEmulatorExtension implements BeforeAllCallback, ParameterResolver {

    /** The classpath resource of the seed: organizations {@code orga01} and {@code orgb02}. */
    public static final String TEST_SEED = "/io/cameliotf/emulator/junit/test-seed.json";
    /** The web console's administrator of the test service (signs in to every organization). */
    public static final String CONSOLE_ADMIN = "admin";
    /** The administrator's password: for tests only, the service listens on loopback. */
    public static final String CONSOLE_ADMIN_PASSWORD = "test-console-admin";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(IotfEmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == IotfEmulator.class || type == TestOrganization.class || type == ComponentSettings.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        IotfEmulator emulator = emulator(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == IotfEmulator.class) {
            return emulator;
        }
        if (type == TestOrganization.class) {
            return organization(parameter.getDeclaringExecutable(), parameter.getIndex(), emulator, context);
        }
        Parameter[] all = parameter.getDeclaringExecutable().getParameters();
        for (int i = 0; i < all.length; i++) {
            if (all[i].getType() == TestOrganization.class) {
                return organization(parameter.getDeclaringExecutable(), i, emulator, context).componentSettings();
            }
        }
        return TestOrganization.create(emulator).componentSettings();
    }

    /**
     * The organization of one parameter of one invocation, created once: the settings of a method and its
     * {@code TestOrganization} parameter then name the same organization, whichever JUnit resolves first.
     */
    private static TestOrganization organization(Executable executable, int index, IotfEmulator emulator,
            ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(List.of(executable, index),
                k -> TestOrganization.create(emulator), TestOrganization.class);
    }

    /** The service of this test JVM, started on first use. */
    public static IotfEmulator emulator(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, k -> new Running(startForTests()), Running.class).emulator;
    }

    /**
     * A service started as this extension starts its own (the test seed, loopback, free ports, the console
     * administrator {@link #CONSOLE_ADMIN}), for tests that need
     * one before JUnit's extensions run, for example in Spring's {@code @DynamicPropertySource}. The caller stops it.
     */
    public static IotfEmulator startForTests() {
        try (InputStream seed = IotfEmulatorExtension.class.getResourceAsStream(TEST_SEED)) {
            return IotfEmulator.builder()
                    .seed(SeedParser.parse("classpath:" + TEST_SEED, seed))
                    .bindAddress("127.0.0.1")
                    .freePorts()
                    .consoleAdmin(CONSOLE_ADMIN, CONSOLE_ADMIN_PASSWORD.toCharArray())
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
