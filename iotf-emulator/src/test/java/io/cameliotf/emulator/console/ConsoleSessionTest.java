package io.cameliotf.emulator.console;

import static io.cameliotf.emulator.console.ConsoleClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.Loopback;
import io.cameliotf.emulator.api.Http;
import io.cameliotf.emulator.api.RawHttp;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.ApiKeyCredentials;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in to the web console and what the session cookie may do, over real HTTP: sign-in with an API key or as the
 * administrator, one answer for every wrong part, throttling, the cookie's flags on HTTP and HTTPS, CSRF on every
 * change (also through API v0002), the Origin check, the administrator naming an organization, the security headers,
 * and a revoked key's session ending. Failed sign-ins come from loopback addresses of their own ({@link Loopback}), so
 * that the throttle's per-address counts touch no other test.
 */
@ExtendWith(IotfEmulatorExtension.class)
class ConsoleSessionTest {

    private static final String ADMIN = IotfEmulatorExtension.CONSOLE_ADMIN;
    private static final String ADMIN_PASSWORD = IotfEmulatorExtension.CONSOLE_ADMIN_PASSWORD;

    @Test
    void anApiKeySignsInToItsOrganizationAndTheCookieCallsTheApiAsThatKey(IotfEmulator iotf, TestOrganization org,
            TestOrganization other) throws Exception {
        ConsoleClient console = new ConsoleClient(iotf);
        HttpResponse<String> signIn = console.signInWithKey(org.apiKey(), org.apiToken());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        JsonNode session = json(signIn);
        assertThat(session.get("org").asText()).isEqualTo(org.id());
        assertThat(session.get("admin").asBoolean()).isFalse();
        assertThat(session.get("orgs")).extracting(JsonNode::asText).containsExactly(org.id());
        assertThat(session.get("user").asText()).isEqualTo(org.apiKey());
        assertThat(session.get("csrf").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(session.get("expires").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(signIn.body()).as("the token is never echoed").doesNotContain(org.apiToken());
        assertThat(console.setCookie()).matches("iotf-console=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict")
                .doesNotContain("Secure");

        HttpResponse<String> again = console.get("/console/session");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("csrf").asText()).isEqualTo(console.csrf());
        assertThat(console.get("/api/v0002/device/types").statusCode()).isEqualTo(200);
        HttpResponse<String> elsewhere = console.get("/api/v0002/device/types?org=" + other.id());
        assertThat(elsewhere.statusCode()).as("its organization only, as with HTTP Basic").isEqualTo(403);
        assertThat(json(elsewhere).get("message").asText()).contains("belongs to organization " + org.id());
        assertThat(new ConsoleClient(iotf).get("/console/session").statusCode()).as("no cookie").isEqualTo(401);
        assertThat(new ConsoleClient(iotf).get("/api/v0002/device/types").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsGetOneAnswerWhicheverPartWasWrong(IotfEmulator iotf, TestOrganization org) throws Exception {
        RawHttp from = new RawHttp(Loopback.fresh(), iotf.httpPort());
        RawHttp.Answer wrongToken = signIn(from, "{\"apiKey\":\"" + org.apiKey() + "\",\"token\":\"guess\"}");
        RawHttp.Answer unknownKey = signIn(from, "{\"apiKey\":\"a-" + org.id() + "-nosuchkey0\",\"token\":\"guess\"}");
        assertThat(wrongToken.status()).isEqualTo(unknownKey.status()).isEqualTo(401);
        assertThat(wrongToken.json().get("message").asText()).isEqualTo(unknownKey.json().get("message").asText())
                .isEqualTo("The API key or its token is not valid");
        assertThat(wrongToken.header("set-cookie")).isNull();

        RawHttp.Answer wrongPassword = signIn(from, "{\"user\":\"" + ADMIN + "\",\"password\":\"guess\"}");
        RawHttp.Answer unknownUser = signIn(from, "{\"user\":\"root\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(wrongPassword.status()).isEqualTo(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("message").asText()).isEqualTo(unknownUser.json().get("message").asText())
                .isEqualTo("The user or password is not valid");
        assertThat(unknownUser.body()).doesNotContain(ADMIN_PASSWORD);

        RawHttp.Answer malformed = signIn(from, "{\"apiKey\":\"" + org.apiKey() + "\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("message").asText()).contains("{\"apiKey\": \"...\", \"token\": \"...\"}");
    }

    @Test
    void repeatedFailedSignInsAreThrottledWith429(IotfEmulator iotf, TestOrganization org) throws Exception {
        InetAddress address = Loopback.fresh();
        String guess = "{\"apiKey\":\"a-" + org.id() + "-throttled1\",\"token\":\"guess\"}";
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "sign-in-guesser");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<RawHttp.Answer> busy = new AtomicReference<>();
        try {
            // guessers keep guessing: refusals past the free ones are held back, and once enough of them wait, the
            // next guess is answered at once with 429, unchecked
            List<CompletableFuture<Void>> guessers = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (int i = 0; i < 8; i++) {
                guessers.add(CompletableFuture.runAsync(() -> {
                    while (busy.get() == null && System.nanoTime() < deadline) {
                        try {
                            RawHttp.Answer a = signIn(new RawHttp(address, iotf.httpPort()), guess);
                            if (a.status() == 429) {
                                busy.compareAndSet(null, a);
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, pool));
            }
            CompletableFuture.anyOf(guessers.toArray(CompletableFuture[]::new)).get(40, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(busy.get()).as("a guess was answered 429").isNotNull();
        assertThat(busy.get().header("retry-after")).matches("\\d+");
        assertThat(busy.get().json().get("message").asText()).contains("Too many failed sign-ins");
        // a good sign-in of another identity from elsewhere is not slowed by it
        assertThat(new ConsoleClient(iotf).signInWithKey(org.apiKey(), org.apiToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void overHttpsTheCookieIsSecure(IotfEmulator iotf, TestOrganization org) throws Exception {
        ConsoleClient console = new ConsoleClient(iotf.consoleHttpsUrl(), iotf.tls().clientSslContext());
        assertThat(console.signInWithKey(org.apiKey(), org.apiToken()).statusCode()).isEqualTo(200);
        assertThat(console.setCookie()).endsWith("; HttpOnly; SameSite=Strict; Secure");
        assertThat(console.get("/api/v0002/device/types").statusCode()).isEqualTo(200);
    }

    @Test
    void changesWithTheCookieNeedTheCsrfHeaderAndNothingChangesWithoutIt(IotfEmulator iotf, TestOrganization org)
            throws Exception {
        new Http(iotf.httpUrl("v0002"), org.apiKey(), org.apiToken()).post("/device/types", "{\"id\":\"meter\"}");
        ConsoleClient console = ConsoleClient.signedIn(iotf, org.apiKey(), org.apiToken());
        String register = "/api/v0002/device/types/meter/devices";

        HttpResponse<String> none = console.send("POST", register, "{\"deviceId\":\"m1\"}", new String[0]);
        assertThat(none.statusCode()).as(none.body()).isEqualTo(403);
        assertThat(json(none).get("message").asText())
                .endsWith("The request has no valid X-IoTF-CSRF header: reload the console");
        HttpResponse<String> wrong = console.send("POST", register, "{\"deviceId\":\"m1\"}", "X-IoTF-CSRF", "forged");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(iotf.devices().device(org.id(), "meter", "m1")).as("nothing was registered").isEmpty();

        HttpResponse<String> good = console.send("POST", register, "{\"deviceId\":\"m1\"}");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
        assertThat(json(good).get("authToken").asText()).isNotEmpty();
        assertThat(iotf.devices().device(org.id(), "meter", "m1")).isPresent();

        assertThat(console.send("DELETE", "/console/session", null, new String[0]).statusCode()).isEqualTo(403);
        HttpResponse<String> out = console.send("DELETE", "/console/session", null);
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("iotf-console=; Path=/; Max-Age=0");
        assertThat(console.get("/console/session").statusCode()).as("signed out").isEqualTo(401);
        assertThat(console.get("/api/v0002/device/types").statusCode()).isEqualTo(401);
    }

    @Test
    void aSignInFromAnotherSitesPageIsRefused(IotfEmulator iotf, TestOrganization org) throws Exception {
        ConsoleClient console = new ConsoleClient(iotf);
        var body = ConsoleClient.JSON.createObjectNode().put("apiKey", org.apiKey()).put("token", org.apiToken());
        HttpResponse<String> evil = console.signIn(body, "Origin", "http://evil.example");
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.headers().firstValue("Set-Cookie")).isEmpty();
        String own = iotf.consoleUrl().substring(0, iotf.consoleUrl().length() - 1);
        assertThat(console.signIn(body, "Origin", own).statusCode()).isEqualTo(200);
    }

    @Test
    void theAdministratorSeesEveryOrganizationAndNamesOnePerRequest(IotfEmulator iotf, TestOrganization org,
            TestOrganization other) throws Exception {
        ConsoleClient admin = new ConsoleClient(iotf);
        HttpResponse<String> signIn = admin.signInAsAdmin(ADMIN, ADMIN_PASSWORD);
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        JsonNode session = json(signIn);
        assertThat(session.get("admin").asBoolean()).isTrue();
        assertThat(session.get("org").isNull()).isTrue();
        assertThat(session.get("orgs")).extracting(JsonNode::asText).contains(org.id(), other.id());
        assertThat(signIn.body()).doesNotContain(ADMIN_PASSWORD);

        HttpResponse<String> unnamed = admin.get("/api/v0002/device/types");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(json(unnamed).get("message").asText()).contains("must name the organization: add ?org=");
        assertThat(admin.get("/console/api/overview").statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/v0002/device/types?org=" + org.id()).statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v0002/device/types", "org", other.id()).statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v0002/device/types?org=nosuchorg").statusCode()).isEqualTo(404);

        org.registerDevice("sensor", "s1");
        JsonNode orgs = json(admin.get("/console/api/orgs"));
        JsonNode mine = null;
        for (JsonNode o : orgs) {
            if (o.get("id").asText().equals(org.id())) {
                mine = o;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("devices").asInt()).isEqualTo(1);
        assertThat(ConsoleClient.signedIn(iotf, org.apiKey(), org.apiToken()).get("/console/api/orgs").statusCode())
                .as("an API key's session sees its own organization only").isEqualTo(403);
    }

    @Test
    void everyConsoleAnswerCarriesTheSecurityHeaders(IotfEmulator iotf, TestOrganization org) throws Exception {
        ConsoleClient console = ConsoleClient.signedIn(iotf, org.apiKey(), org.apiToken());
        HttpResponse<String> uplot = console.get("/console/lib/uplot/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(uplot.body()).contains("uPlot");
        assertThat(console.get("/console/lib/uplot/uPlot.min.css").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/css");
        HttpResponse<String> session = console.get("/console/session");
        HttpResponse<String> missing = console.get("/console/nosuch.js");
        HttpResponse<String> traversal = console.get("/console/lib/uplot/..%2F..%2Fpackage.json");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(traversal.statusCode()).isEqualTo(404);
        for (HttpResponse<String> r : List.of(uplot, session, missing)) {
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).isEqualTo("default-src 'self'; "
                    + "script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(session.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void revokingTheApiKeyEndsItsSessions(IotfEmulator iotf, TestOrganization org) throws Exception {
        ApiKeyCredentials key = org.newApiKey();
        ConsoleClient console = ConsoleClient.signedIn(iotf, key.key(), key.token());
        assertThat(console.get("/api/v0002/device/types").statusCode()).isEqualTo(200);
        Http api = new Http(iotf.httpUrl("v0002"), org.apiKey(), org.apiToken());
        assertThat(api.delete("/authorization/apikeys/" + key.key()).status()).isEqualTo(200);
        assertThat(console.get("/console/session").statusCode()).isEqualTo(401);
        HttpResponse<String> call = console.get("/api/v0002/device/types");
        assertThat(call.statusCode()).isEqualTo(401);
        assertThat(json(call).get("message").asText()).contains("The console session has ended");
    }

    private static RawHttp.Answer signIn(RawHttp from, String body) throws Exception {
        return from.send("POST", "/console/session", null, "application/json", body);
    }
}
