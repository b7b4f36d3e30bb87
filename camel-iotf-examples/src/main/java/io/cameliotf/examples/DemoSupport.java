package io.cameliotf.examples;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.seed.Seed;
import io.cameliotf.emulator.seed.SeedParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the demos share: their console, their settings, the local service they start, and ending a run early. */
public final class DemoSupport {

    private static final Logger LOG = LoggerFactory.getLogger("demo");
    /** The example seed: organizations org001 and org002. */
    public static final String SEED = "/io/cameliotf/emulator/seeds/example-seed.json";

    private DemoSupport() {
    }

    /** The demos' own console format (HiveMQ's jar carries a logback.xml too), without logback's start-up chatter. */
    public static void initLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "iotf-demo-logback.xml");
        }
        if (System.getProperty("logback.statusListenerClass") == null) {
            System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        }
    }

    /** application.properties, with system properties over it. */
    public static Properties settings() {
        Properties p = new Properties();
        try (InputStream in = DemoSupport.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.putAll(System.getProperties());
        return p;
    }

    /**
     * Starts the local service in this JVM, seeded with the example seed, and points the component and the demos'
     * {@code iotf.a.*} and {@code iotf.b.*} properties at it.
     */
    public static IotfEmulator startLocalService(Main main) throws IOException {
        Seed seed;
        try (InputStream in = DemoSupport.class.getResourceAsStream(SEED)) {
            seed = SeedParser.parse("classpath:" + SEED, in);
        }
        IotfEmulator iotf = IotfEmulator.builder().seed(seed).freePorts().build().start();
        LOG.info("Local IoTF service started in this JVM: MQTT {}, REST {}", iotf.mqttUrl(), iotf.httpUrl("v0002"));
        Seed.Org a = seed.organization("org001");
        Seed.Org b = seed.organization("org002");
        // the token is in the example seed (iotf-emulator/seeds/example-seed.json), never in the log
        LOG.info("Console: {}  (sign in with API key {} of {} and its token from the example seed)", iotf.consoleUrl(),
                a.apiKey(0).key(), a.id());
        main.addOverrideProperty("camel.component.iotf.brokerUrl", iotf.mqttUrl());
        // the REST API's base without a version: the component speaks its default, v0002, as against the live service
        main.addOverrideProperty("camel.component.iotf.apiBaseUrl", "http://" + iotf.host() + ":" + iotf.httpPort());
        main.addOverrideProperty("iotf.a.org", a.id());
        main.addOverrideProperty("iotf.a.authKey", a.apiKey(0).key());
        main.addOverrideProperty("iotf.a.authToken", a.apiKey(0).token());
        main.addOverrideProperty("iotf.a.dev1.token", a.device("sensor", "dev1").token());
        main.addOverrideProperty("iotf.a.dev2.token", a.device("sensor", "dev2").token());
        main.addOverrideProperty("iotf.a.valve.token", a.device("valve", "v1").token());
        main.addOverrideProperty("iotf.b.org", b.id());
        main.addOverrideProperty("iotf.b.authKey", b.apiKey(0).key());
        main.addOverrideProperty("iotf.b.authToken", b.apiKey(0).token());
        return iotf;
    }

    /** Ends the run once {@code done} holds (checked every 100 ms); the duration, if any, still bounds it. */
    public static void stopWhen(Main main, BooleanSupplier done) {
        Thread watcher = new Thread(() -> {
            try {
                while (!done.getAsBoolean()) {
                    Thread.sleep(100);
                }
                main.completed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-until");
        watcher.setDaemon(true);
        watcher.start();
    }
}
