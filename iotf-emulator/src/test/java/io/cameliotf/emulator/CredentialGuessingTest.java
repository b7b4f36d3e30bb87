package io.cameliotf.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cameliotf.emulator.api.RawHttp;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.ApiKeyCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing credentials over MQTT and REST: tokens with control characters never pass, the answers tell nothing about
 * which identities exist, and repeated failures are answered later and later while good logins are not. Each test
 * guesses from a loopback address of its own ({@link Loopback}) and with API keys of its own, so what the throttle
 * counts touches no other test. Delays are checked as lower bounds only (the service waits at least that long by
 * design); that good logins are not delayed is checked by order: they are answered while a refusal is still held.
 */
@ExtendWith(IotfEmulatorExtension.class)
class CredentialGuessingTest {

    @Test
    void tokensFollowedByControlCharactersAreRefusedOnMqttAndRest(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        InetAddress from = Loopback.fresh();
        RawMqtt mqtt = new RawMqtt(from, iotf.mqttPort());
        RawHttp http = new RawHttp(from, iotf.httpPort());
        String deviceToken = org.registerDevice("sensor", "nul");
        String event = "/api/v0002/device/types/sensor/devices/nul/events/e?org=" + org.id();
        assertThat(mqtt.connect(org.appClientId("nul"), org.apiKey(), org.apiToken() + "\0")).isEqualTo(5);
        assertThat(mqtt.connect(org.deviceClientId("sensor", "nul"), "use-token-auth", deviceToken + "\0\0")).isEqualTo(5);
        assertThat(http.send("GET", "/api/v0002/", RawHttp.basic(org.apiKey(), org.apiToken() + "\0"), null, null)
                .status()).isEqualTo(401);
        assertThat(http.send("POST", event, RawHttp.basic("use-token-auth", deviceToken + "\0"), "application/json", "{}")
                .status()).isEqualTo(401);
        // positive controls: the tokens themselves
        assertThat(mqtt.connect(org.appClientId("nul"), org.apiKey(), org.apiToken())).isZero();
        assertThat(mqtt.connect(org.deviceClientId("sensor", "nul"), "use-token-auth", deviceToken)).isZero();
        assertThat(http.send("GET", "/api/v0002/", RawHttp.basic(org.apiKey(), org.apiToken()), null, null).status())
                .isEqualTo(200);
        assertThat(http.send("POST", event, RawHttp.basic("use-token-auth", deviceToken), "application/json", "{}")
                .status()).isEqualTo(200);
        // and once verified (cached), the token followed by NUL still fails
        assertThat(mqtt.connect(org.appClientId("nul"), org.apiKey(), org.apiToken() + "\0")).isEqualTo(5);
    }

    @Test
    void unknownIdentitiesAndWrongTokensGetTheSameAnswer(IotfEmulator iotf, TestOrganization org) throws Exception {
        InetAddress from = Loopback.fresh();
        RawMqtt mqtt = new RawMqtt(from, iotf.mqttPort());
        RawHttp http = new RawHttp(from, iotf.httpPort());
        org.registerDevice("sensor", "known");
        assertThat(mqtt.connect(org.appClientId("x"), "a-" + org.id() + "-nosuchkey0", "guess")).isEqualTo(5);
        assertThat(mqtt.connect(org.appClientId("x"), org.apiKey(), "guess")).isEqualTo(5);
        assertThat(mqtt.connect(org.deviceClientId("sensor", "nobody"), "use-token-auth", "guess")).isEqualTo(5);
        assertThat(mqtt.connect(org.deviceClientId("sensor", "known"), "use-token-auth", "guess")).isEqualTo(5);
        assertThat(mqtt.connect("d:nosuchorg:sensor:known", "use-token-auth", "guess")).isEqualTo(5);

        RawHttp.Answer unknownKey = http.send("GET", "/api/v0002/device/types",
                RawHttp.basic("a-" + org.id() + "-nosuchkey1", "guess"), null, null);
        RawHttp.Answer wrongToken = http.send("GET", "/api/v0002/device/types", RawHttp.basic(org.apiKey(), "guess"),
                null, null);
        assertThat(unknownKey.status()).isEqualTo(wrongToken.status()).isEqualTo(401);
        assertThat(unknownKey.body()).isEqualTo(wrongToken.body()).contains("The API key or its token is not valid");
        assertThat(unknownKey.header("WWW-Authenticate")).isEqualTo(wrongToken.header("WWW-Authenticate")).isNotNull();
        String event = "/events/e?org=" + org.id();
        RawHttp.Answer unknownDevice = http.send("POST", "/api/v0002/device/types/sensor/devices/nobody" + event,
                RawHttp.basic("use-token-auth", "guess"), "application/json", "{}");
        RawHttp.Answer wrongDeviceToken = http.send("POST", "/api/v0002/device/types/sensor/devices/known" + event,
                RawHttp.basic("use-token-auth", "guess"), "application/json", "{}");
        assertThat(unknownDevice.status()).isEqualTo(wrongDeviceToken.status()).isEqualTo(401);
        assertThat(unknownDevice.body()).isEqualTo(wrongDeviceToken.body()).contains("The device or its token is not valid");
    }

    @Test
    void refusingAnUnknownKeyCostsWhatRefusingAWrongTokenCosts(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        // 12 unknown keys, and 3 known keys with 4 wrong tokens each: no identity and not this address passes its
        // free failures, so nothing is delayed, and what is measured is the check. Interleaved, so that whatever else
        // the machine does falls on both alike.
        RawHttp http = new RawHttp(Loopback.fresh(), iotf.httpPort());
        List<ApiKeyCredentials> keys = List.of(org.newApiKey(), org.newApiKey(), org.newApiKey());
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String unknownKey = String.format("a-%s-unknown%03d", org.id(), i);
            String knownKey = keys.get(i % keys.size()).key();
            String guess = "guess" + i;
            unknown.add(millisOf(() -> assertThat(status(http, RawHttp.basic(unknownKey, guess))).isEqualTo(401)));
            wrong.add(millisOf(() -> assertThat(status(http, RawHttp.basic(knownKey, guess))).isEqualTo(401)));
        }
        // before the dummy hash an unknown key was refused in about a fifth of the time (1 ms against 4.8 ms); the
        // bounds leave room for a loaded machine
        double ratio = (double) median(unknown) / median(wrong);
        assertThat(ratio).as("median %s ms (unknown key) against %s ms (wrong token)", median(unknown), median(wrong))
                .isBetween(0.4, 2.5);
    }

    @Test
    void repeatedMqttFailuresAreAnsweredLaterWhileGoodLoginsAreNot(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        InetAddress from = Loopback.fresh();
        RawMqtt mqtt = new RawMqtt(from, iotf.mqttPort());
        ApiKeyCredentials target = org.newApiKey();
        ApiKeyCredentials neighbour = org.newApiKey();
        for (int i = 0; i < 5; i++) {
            assertThat(mqtt.connect(org.appClientId("g" + i), target.key(), "guess" + i)).as("free failure").isEqualTo(5);
        }
        long[] atLeast = {250, 500, 1_000};
        for (int i = 0; i < atLeast.length; i++) {
            int n = i;
            long millis = millisOf(() -> code(mqtt, org.appClientId("h" + n), target.key(), "guess-h" + n, 5));
            assertThat(millis).as("failure %d", 6 + i).isGreaterThanOrEqualTo(atLeast[i]);
        }
        // the 9th failure is held 2 seconds; meanwhile good logins from the same address are answered
        CompletableFuture<Long> held = CompletableFuture.supplyAsync(
                () -> millisOf(() -> code(mqtt, org.appClientId("held"), target.key(), "guess-held", 5)));
        assertThat(mqtt.connect(org.appClientId("right"), target.key(), target.token()))
                .as("the throttled key's own token").isZero();
        assertThat(mqtt.connect(org.appClientId("other"), neighbour.key(), neighbour.token()))
                .as("another key from the same address").isZero();
        assertThat(new RawMqtt(Loopback.fresh(), iotf.mqttPort()).connect(org.appClientId("elsewhere"), neighbour.key(),
                neighbour.token())).as("another address").isZero();
        assertThat(held).as("the refusal is still held").isNotDone();
        assertThat(held.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void repeatedRestFailuresAreAnsweredLaterWhileGoodCallsAreNot(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        RawHttp http = new RawHttp(Loopback.fresh(), iotf.httpPort());
        ApiKeyCredentials target = org.newApiKey();
        for (int i = 0; i < 5; i++) {
            assertThat(status(http, RawHttp.basic(target.key(), "guess" + i))).isEqualTo(401);
        }
        long[] atLeast = {250, 500};
        for (int i = 0; i < atLeast.length; i++) {
            int n = i;
            long millis = millisOf(() -> assertThat(status(http, RawHttp.basic(target.key(), "guess-h" + n))).isEqualTo(401));
            assertThat(millis).as("failure %d", 6 + i).isGreaterThanOrEqualTo(atLeast[i]);
        }
        CompletableFuture<Long> held = CompletableFuture.supplyAsync(
                () -> millisOf(() -> assertThat(status(http, RawHttp.basic(target.key(), "guess-held"))).isEqualTo(401)));
        assertThat(status(http, RawHttp.basic(target.key(), target.token()))).as("the right token").isEqualTo(200);
        assertThat(held).as("the refusal is still held").isNotDone();
        assertThat(held.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void whileManyRefusalsOfAKeyAreHeldItsUncheckedLoginsAreBusy(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        InetAddress from = Loopback.fresh();
        RawMqtt mqtt = new RawMqtt(from, iotf.mqttPort());
        RawHttp http = new RawHttp(from, iotf.httpPort());
        ApiKeyCredentials key = org.newApiKey();
        assertThat(mqtt.connect(org.appClientId("first"), key.key(), key.token())).as("verified: known good").isZero();
        for (int i = 0; i < 9; i++) {
            code(mqtt, org.appClientId("s" + i), key.key(), "guess" + i, 5); // the last four wait 250 ms to 2 s
        }
        try (LogCapture log = new LogCapture()) {
            List<CompletableFuture<Void>> parallel = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String clientId = org.appClientId("p" + i);
                parallel.add(CompletableFuture.runAsync(() -> code(mqtt, clientId, key.key(), "guess-" + clientId, 5)));
            }
            // the service logs each refusal when it decides to hold it back: then all four are held
            await().atMost(Duration.ofSeconds(30)).until(() -> log.messages().stream()
                    .filter(m -> m.startsWith("Refused connection of " + org.appClientId("p")) && m.contains("answered after"))
                    .count() == 4);
            assertThat(mqtt.connect(org.appClientId("busy"), key.key(), "one-more-guess"))
                    .as("busy: server unavailable, on which IBM's clients retry").isEqualTo(3);
            RawHttp.Answer busy = http.send("GET", "/api/v0002/", RawHttp.basic(key.key(), "one-more-guess"), null, null);
            assertThat(busy.status()).isEqualTo(429);
            assertThat(busy.header("Retry-After")).isEqualTo("8");
            assertThat(busy.json().get("message").asText()).contains("Too many failed logins");
            // positive control: the key's known good token still passes, on both
            assertThat(mqtt.connect(org.appClientId("good"), key.key(), key.token())).isZero();
            assertThat(http.send("GET", "/api/v0002/", RawHttp.basic(key.key(), key.token()), null, null).status())
                    .isEqualTo(200);
            CompletableFuture.allOf(parallel.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }

    private static void code(RawMqtt mqtt, String clientId, String user, String token, int expected) {
        try {
            assertThat(mqtt.connect(clientId, user, token)).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int status(RawHttp http, String authorization) {
        try {
            return http.send("GET", "/api/v0002/device/types", authorization, null, null).status();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millisOf(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
