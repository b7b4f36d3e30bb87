package io.cameliotf.iotf;

import static io.cameliotf.iotf.RegistryTest.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.iotf.model.IotfHistoricalEvent;
import io.cameliotf.iotf.model.IotfHistorianSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * iotf:historian against the local service: queries checked against events the test published itself, each test in
 * API v0001 and v0002 side by side (same route, same options; only apiVersion differs).
 */
@ExtendWith(IotfEmulatorExtension.class)
class HistorianTest {

    /** The polling consumers' settleTime, in milliseconds. */
    static final int SETTLE = 300;

    static String historian(IotfEmulator iotf, TestOrganization org, IotfApiVersion version) {
        return "iotf:historian?org=" + org.id() + "&authKey=" + org.apiKey() + "&authToken=RAW(" + org.apiToken()
                + ")&apiBaseUrl=http://" + iotf.host() + ":" + iotf.httpPort() + "&apiVersion=" + version;
    }

    static void publish(IotfEmulator iotf, TestOrganization org, String type, String id, int count, int first)
            throws Exception {
        String token = org.registerDevice(type, id);
        try (MqttTestClient device = MqttTestClient.device(iotf, org.id(), type, id, token)) {
            for (int i = first; i < first + count; i++) {
                device.publish("iot-2/evt/reading/fmt/json", "{\"d\":{\"n\":" + i + ",\"temp\":" + (20 + i % 10) + "}}",
                        i % 100 == 0 ? 1 : 0);
            }
            device.publish("iot-2/evt/last/fmt/json", "{\"d\":{\"n\":-1}}", 1);
        }
        iotf.historian().flush(Waits.LONG);
    }

    static CamelContext context(String uri) throws Exception {
        return CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:query").to(uri);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(IotfApiVersion.class)
    void onePagePerCallWithTheCursorForTheNext(IotfApiVersion version, IotfEmulator iotf, TestOrganization org) throws Exception {
        publish(iotf, org, "sensor", "h1", 250, 0);
        CamelContext context = context(historian(iotf, org, version) + "&deviceType=sensor&deviceId=h1&event=reading&top=100");
        try {
            ProducerTemplate t = context.createProducerTemplate();
            List<Integer> seen = new ArrayList<>();
            Map<String, Object> headers = new java.util.HashMap<>();
            int pages = 0;
            do {
                Exchange answer = t.request("direct:query", e -> e.getIn().setHeaders(new java.util.HashMap<>(headers)));
                assertThat(answer.getException()).isNull();
                List<?> page = answer.getMessage().getBody(List.class);
                page.forEach(e -> seen.add(((IotfHistoricalEvent) e).getEvt().get("n").asInt()));
                headers.clear();
                String cursor = answer.getMessage().getHeader(IotfConstants.HISTORIAN_CURSOR, String.class);
                if (cursor != null) {
                    headers.put(IotfConstants.HISTORIAN_CURSOR, cursor);
                    String session = answer.getMessage().getHeader(IotfConstants.HISTORIAN_SESSION, String.class);
                    assertThat(session).as("a paging session in v0001 only").matches(v -> (v != null)
                            == (version == IotfApiVersion.v0001));
                    if (session != null) {
                        headers.put(IotfConstants.HISTORIAN_SESSION, session);
                    }
                }
                pages++;
            } while (!headers.isEmpty());
            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(250);
            assertThat(new HashSet<>(seen)).hasSize(250);
            assertThat(seen.get(0)).as("newest first").isEqualTo(249);
            IotfHistoricalEvent one = (IotfHistoricalEvent) t.requestBody("direct:query", (Object) null, List.class).get(0);
            assertThat(one.getDeviceUuid()).isEqualTo("d:" + org.id() + ":sensor:h1");
            assertThat(one.getDeviceType()).isEqualTo("sensor");
            assertThat(one.getEvtType()).isEqualTo("reading");
            assertThat(one.getTimestamp()).isBefore(Instant.now().plusSeconds(1));
            assertThat(context.getTypeConverter().convertTo(String.class, one)).contains("\"device_id\":\"d:" + org.id()
                    + ":sensor:h1\"", "\"timestamp\":{\"$date\":");
            // a bogus cursor: the service answers 400
            if (version == IotfApiVersion.v0001) {
                assertApiError(() -> t.requestBodyAndHeaders("direct:query", null, Map.of(IotfConstants.HISTORIAN_CURSOR,
                        "bogus", IotfConstants.HISTORIAN_SESSION, "bogus")), 400, "GET /historian/sensor/h1",
                        "unknown or has expired");
            } else {
                assertApiError(() -> t.requestBodyAndHeader("direct:query", null, IotfConstants.HISTORIAN_CURSOR, "bogus"),
                        400, "GET /historian/types/sensor/devices/h1", "_bookmark 'bogus' is not one this service returned");
            }
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(IotfApiVersion.class)
    void everyPageThroughALazyIteratorThatTheSplitterStreams(IotfApiVersion version, IotfEmulator iotf, TestOrganization org) throws Exception {
        publish(iotf, org, "meter", "all1", 320, 0);
        List<Integer> split = new CopyOnWriteArrayList<>();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all").to(historian(iotf, org, version) + "&deviceType=meter&event=reading&allPages=true&top=50")
                        .split(body()).streaming()
                        .process(e -> split.add(e.getIn().getBody(IotfHistoricalEvent.class).getEvt().get("n").asInt()));
                from("direct:bounded").to(historian(iotf, org, version) + "&deviceType=meter&allPages=true&top=50&maxResults=75");
            }
        });
        try {
            context.createProducerTemplate().sendBody("direct:all", null);
            assertThat(split).hasSize(320);
            assertThat(new HashSet<>(split)).hasSize(320);
            Iterator<?> bounded = context.createProducerTemplate().requestBody("direct:bounded", (Object) null, Iterator.class);
            int count = 0;
            while (bounded.hasNext()) {
                bounded.next();
                count++;
            }
            assertThat(count).isEqualTo(75);
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(IotfApiVersion.class)
    void summariesAndTimeRanges(IotfApiVersion version, IotfEmulator iotf, TestOrganization org) throws Exception {
        publish(iotf, org, "sensor", "sum1", 20, 0);
        CamelContext context = context(historian(iotf, org, version) + "&deviceType=sensor&deviceId=sum1&event=reading");
        try {
            ProducerTemplate t = context.createProducerTemplate();
            IotfHistorianSummary avg = t.requestBodyAndHeader("direct:query", null, IotfConstants.HISTORIAN_SUMMARIZE,
                    "temp,n", IotfHistorianSummary.class);
            double expectedTemp = 0;
            for (int i = 0; i < 20; i++) {
                expectedTemp += 20 + i % 10;
            }
            assertThat(avg.get("temp")).isCloseTo(expectedTemp / 20, offset(1e-9));
            assertThat(avg.get("n")).isEqualTo(9.5);
            IotfHistorianSummary max = t.requestBodyAndHeaders("direct:query", null, Map.of(IotfConstants.HISTORIAN_SUMMARIZE,
                    "{n}", IotfConstants.HISTORIAN_SUMMARIZE_TYPE, "max"), IotfHistorianSummary.class);
            assertThat(max.get("n")).isEqualTo(19.0);
            assertThat(max.getSummarizeType()).isEqualTo("max");
            List<?> all = t.requestBody("direct:query", (Object) null, List.class);
            Instant newest = ((IotfHistoricalEvent) all.get(0)).getTimestamp();
            Instant oldest = ((IotfHistoricalEvent) all.get(all.size() - 1)).getTimestamp();
            List<?> fromInstant = t.requestBodyAndHeader("direct:query", null, IotfConstants.HISTORIAN_START, newest, List.class);
            assertThat(fromInstant).hasSizeGreaterThanOrEqualTo(1).hasSizeLessThan(20);
            List<?> untilText = t.requestBodyAndHeader("direct:query", null, IotfConstants.HISTORIAN_END, oldest.toString(), List.class);
            assertThat(untilText).hasSizeGreaterThanOrEqualTo(1).hasSizeLessThan(20);
            List<?> fromMillis = t.requestBodyAndHeader("direct:query", null, IotfConstants.HISTORIAN_START,
                    java.util.Date.from(oldest), List.class);
            assertThat(fromMillis).hasSize(20);
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(IotfApiVersion.class)
    void pollingConsumerEmitsEachEventOnceInTimeOrderAcrossPollsAndRestarts(IotfApiVersion version, IotfEmulator iotf, TestOrganization org,
            @TempDir Path dir) throws Exception {
        Path repositoryFile = dir.resolve("emitted.txt");
        String uri = historian(iotf, org, version) + "&deviceType=poll&event=reading&since=0&settleTime=" + SETTLE
                + "&delay=200"
                + "&idempotentRepository=#emitted";
        List<Integer> first = new CopyOnWriteArrayList<>();
        publish(iotf, org, "poll", "p1", 30, 0);
        CamelContext one = consumer(uri, repositoryFile, first, new Polls());
        publish(iotf, org, "poll", "p2", 30, 30);
        Waits.await().until(() -> first.size() >= 60);
        one.stop();
        assertThat(first).as("each once, oldest first").hasSize(60);
        assertThat(first.subList(0, 30)).isSorted();
        assertThat(first.subList(30, 60)).isSorted();
        assertThat(new HashSet<>(first)).hasSize(60);
        // after a restart with the same repository, only what is new is emitted
        publish(iotf, org, "poll", "p3", 10, 60);
        List<Integer> second = new CopyOnWriteArrayList<>();
        Polls polls = new Polls();
        CamelContext two = consumer(uri, repositoryFile, second, polls);
        try {
            Waits.await().until(() -> second.size() >= 10);
            polls.awaitEmptyPollCovering(System.currentTimeMillis());
            assertThat(second).containsExactly(60, 61, 62, 63, 64, 65, 66, 67, 68, 69);
        } finally {
            two.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(IotfApiVersion.class)
    void pollingConsumerRetriesAFailedEventAtTheNextPoll(IotfApiVersion version, IotfEmulator iotf, TestOrganization org) throws Exception {
        publish(iotf, org, "retry", "r1", 5, 0);
        List<Integer> done = new CopyOnWriteArrayList<>();
        Set<Integer> failedOnce = new HashSet<>();
        Polls polls = new Polls();
        CamelContext context = CamelContexts.start(new RouteBuilder() {
            @Override
            public void configure() {
                from(historian(iotf, org, version) + "&deviceType=retry&event=reading&since=0&settleTime=" + SETTLE
                        + "&delay=200&sendEmptyMessageWhenIdle=true")
                        .filter(polls::countEmpty)
                        .process(e -> {
                            int n = e.getIn().getBody(IotfHistoricalEvent.class).getEvt().get("n").asInt();
                            if (n == 2 && failedOnce.add(n)) {
                                throw new IllegalStateException("not now");
                            }
                            done.add(n);
                        });
            }
        });
        try {
            Waits.await().until(() -> done.size() >= 5);
            polls.awaitEmptyPollCovering(System.currentTimeMillis());
            assertThat(done).containsExactly(0, 1, 2, 3, 4);
        } finally {
            context.stop();
        }
    }

    private static CamelContext consumer(String uri, Path repositoryFile, List<Integer> into, Polls polls) throws Exception {
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        context.getRegistry().bind("emitted", FileIdempotentRepository.fileIdempotentRepository(repositoryFile.toFile()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&sendEmptyMessageWhenIdle=true").filter(polls::countEmpty)
                        .process(e -> into.add(e.getIn().getBody(IotfHistoricalEvent.class).getEvt().get("n").asInt()));
            }
        });
        context.start();
        return context;
    }

    /**
     * The consumer's empty polls (sendEmptyMessageWhenIdle): that nothing more is emitted is checked by a poll that
     * asked for everything stored until a given moment and found nothing new, not by waiting a while.
     */
    static final class Polls {
        private final List<Long> empty = new CopyOnWriteArrayList<>();

        /** A filter: false (and noted) for the empty exchange of a poll that found nothing. */
        boolean countEmpty(org.apache.camel.Exchange exchange) {
            if (exchange.getIn().getBody() == null) {
                empty.add(System.currentTimeMillis());
                return false;
            }
            return true;
        }

        /**
         * Waits for an empty poll that asked for every event stored until {@code moment}: a poll asks for those stored
         * until settleTime before it started. Polls run one after the other, so the second empty one seen at
         * {@code moment} + settleTime or later started after that.
         */
        void awaitEmptyPollCovering(long moment) {
            Waits.await().until(() -> empty.stream().filter(t -> t >= moment + SETTLE).count() >= 2);
        }
    }
}
