package io.cameliotf.emulator.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.junit.IotfEmulatorExtension;
import io.cameliotf.emulator.junit.MqttTestClient;
import io.cameliotf.emulator.junit.TestOrganization;
import io.cameliotf.emulator.registry.ApiKeyCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser (headless Chromium) against the real local service, with plain Paho clients as the
 * devices and applications on the other side: sign-in, registering a device and connecting it with the token the
 * page shows, its events live and in the chart, revoking an API key, the organization boundary, CSRF, wrong
 * credentials, the device list's paging. Screenshots go to target/console-screenshots/.
 */
@ExtendWith(IotfEmulatorExtension.class)
class ConsoleBrowserTest {

    static final Duration WAIT = ConsoleBrowser.WAIT;
    static IotfEmulator iotf;
    static ConsoleBrowser browser;

    @BeforeAll
    static void startBrowser(IotfEmulator emulator) {
        iotf = emulator;
        browser = ConsoleBrowser.start(emulator.consoleUrl());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The pages work under their Content-Security-Policy: nothing inline, nothing refused. */
    @AfterEach
    void nothingWasRefusedByTheContentSecurityPolicy() {
        assertThat(browser.cspRefusals()).isEmpty();
    }

    @Test
    void aRegisteredDeviceConnectsWithTheShownTokenAndItsEventsAppearLiveAndInTheChart(TestOrganization org)
            throws Exception {
        browser.signedOut();
        browser.screenshot("sign-in");
        browser.signInWithKey(org.apiKey(), org.apiToken());
        assertThat(browser.text("#who-org")).isEqualTo(org.id());

        browser.go("#/register", "Register a device");
        browser.type("#register-type", "boiler");
        browser.type("#register-id", "boiler-1");
        browser.type("#register-serial", "SN-0001");
        browser.click("#register-submit");
        String token = browser.text("#register-token-value");
        assertThat(token).hasSize(18);
        assertThat(browser.text("#register-client-id")).isEqualTo(org.deviceClientId("boiler", "boiler-1"));
        assertThat(browser.text("#register-settings")).contains("use-token-auth")
                .contains(String.valueOf(iotf.mqttPort()));
        browser.screenshot("register");
        String token2 = org.registerDevice("boiler", "boiler-2");

        try (MqttTestClient one = MqttTestClient.device(iotf, org.id(), "boiler", "boiler-1", token);
                MqttTestClient two = MqttTestClient.device(iotf, org.id(), "boiler", "boiler-2", token2)) {
            // the past: events before the page opened come from the historian
            for (int i = 0; i < 10; i++) {
                one.publish("iot-2/evt/reading/fmt/json", reading(i, 0), 1);
            }
            iotf.historian().flush(WAIT);
            browser.go("#/events?field=temp", "Live events");
            browser.awaitText("#chart-note", "10 points of the past hour");
            awaitChartPoints(10);
            assertThat(browser.all("#events-rows tr")).isEmpty();

            // the present: the stream (40 events, within the 50 a second the service sends a console)
            browser.awaitText("#events-state", "live");
            for (int i = 10; i < 30; i++) {
                one.publish("iot-2/evt/reading/fmt/json", reading(i, 0), 1);
                two.publish("iot-2/evt/reading/fmt/json", reading(i, 4), 1);
            }
            browser.awaitAtLeast("#events-rows tr[data-device='boiler:boiler-1']", 20);
            browser.awaitAtLeast("#events-rows tr[data-device='boiler:boiler-2']", 20);
            // boiler-2 has only live events; a series keeps one point per 100 ms, so a burst adds few points
            browser.await(ExpectedConditions.attributeToBe(By.id("events-chart"), "data-series",
                    "boiler/boiler-1,boiler/boiler-2"));
            awaitChartPoints(12);
            browser.click("#events-rows tr[data-device='boiler:boiler-1']");
            assertThat(browser.text("#event-payload")).contains("\"temp\": ").contains("\n");
            browser.screenshot("live-events");

            browser.go("#/devices/boiler/boiler-1", "boiler-1");
            browser.await(ExpectedConditions.attributeToBe(By.id("device-state"), "data-state", "connected"));
            browser.awaitText("#device-events-table", "reading");
            assertThat(browser.text("#device-info")).contains("SN-0001");
            browser.screenshot("device");

            browser.go("#/overview", "Overview of " + org.id());
            browser.awaitText("#stat-devices", "2");
            browser.awaitText("#types-table", "boiler");
            browser.screenshot("overview");
        }
    }

    @Test
    void revokingAnApiKeyInTheConsoleDropsItsMqttConnection(TestOrganization org) throws Exception {
        ApiKeyCredentials other = org.newApiKey();
        String clientId = org.appClientId("dashboard");
        String pump1 = org.registerDevice("pump", "p1");
        String pump2 = org.registerDevice("pump", "p2");
        try (MqttTestClient app = MqttTestClient.application(iotf, clientId, other.key(), other.token());
                MqttTestClient stays = MqttTestClient.device(iotf, org.id(), "pump", "p1", pump1)) {
            MqttTestClient.device(iotf, org.id(), "pump", "p2", pump2).close();
            browser.signInWithKey(org.apiKey(), org.apiToken());
            browser.go("#/apikeys", "API keys");
            browser.awaitAtLeast("#apikeys-table tr[data-key='" + other.key() + "']", 1);

            browser.type("#apikey-comment", "for the wall display");
            browser.click("#apikey-create");
            assertThat(browser.text("#apikey-new-key")).startsWith("a-" + org.id() + "-");
            assertThat(browser.text("#apikey-new-token")).hasSize(18);
            browser.awaitText("#apikeys-table", "for the wall display");
            browser.screenshot("api-keys");

            String revoke = "[data-revoke='" + other.key() + "']";
            browser.click(revoke);
            browser.awaitText(revoke, "Click again");
            browser.click(revoke);
            assertThat(app.awaitConnectionLost(WAIT)).as("the revoked key's MQTT connection is dropped").isTrue();
            browser.await(d -> d.findElements(By.cssSelector("#apikeys-table tr[data-key='" + other.key() + "']"))
                    .isEmpty());
            assertThat(iotf.apiKeys().list(org.id())).noneMatch(k -> k.key().equals(other.key()));

            browser.go("#/status", "Status");
            browser.awaitAtLeast("#status-table tr[data-client='" + clientId + "'][data-action='Disconnect']", 1);
            browser.awaitAtLeast("#status-timeline .lane[data-client='" + clientId + "'][data-state='disconnected']", 1);
            browser.awaitAtLeast("#status-timeline .lane[data-client='" + org.deviceClientId("pump", "p1")
                    + "'][data-state='connected']", 1);
            browser.awaitAtLeast("#status-table tr[data-client='" + org.deviceClientId("pump", "p2")
                    + "'][data-action='Disconnect']", 1);
            browser.screenshot("status");
        }
    }

    @Test
    void anOrganizationsConsoleNeverSeesAnotherOrganizationsEvents(TestOrganization a, TestOrganization b)
            throws Exception {
        // the same type and device id in both organizations: only the organization tells them apart
        String tokenA = a.registerDevice("meter", "m1");
        String tokenB = b.registerDevice("meter", "m1");
        browser.signInWithKey(a.apiKey(), a.apiToken());
        browser.go("#/events", "Live events");
        browser.awaitText("#events-state", "live");
        try (MqttTestClient inA = MqttTestClient.device(iotf, a.id(), "meter", "m1", tokenA);
                MqttTestClient inB = MqttTestClient.device(iotf, b.id(), "meter", "m1", tokenB)) {
            for (int i = 0; i < 5; i++) {
                inB.publish("iot-2/evt/secret/fmt/json", "{\"d\":{\"onlyInB\":" + i + "}}", 1);
            }
            // B's events were accepted before A's marker is sent: had they leaked, they would be in the page first
            new FluentWait<>(iotf).withTimeout(WAIT)
                    .until(s -> s.lastEvents().event(b.id(), "meter", "m1", "secret") != null);
            // devices send anything: markup in a payload stays text
            inA.publish("iot-2/evt/marker/fmt/json", "{\"d\":{\"inA\":\"<img src=x id=injected>\"}}", 1);
            browser.awaitAtLeast("#events-rows tr[data-event='marker']", 1);
        }
        browser.click("#events-rows tr[data-event='marker']");
        assertThat(browser.text("#event-payload")).contains("<img src=x id=injected>");
        assertThat(browser.all("#injected")).isEmpty();
        assertThat(browser.all("#events-rows tr[data-event='secret']")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("onlyInB");

        Map<String, Object> other = browser.fetch("GET", "/api/v0002/bulk/devices?org=" + b.id(), Map.of(), null);
        assertThat(other.get("status")).isEqualTo(403L);
        Map<String, Object> own = browser.fetch("GET", "/api/v0002/bulk/devices", Map.of(), null);
        assertThat(own.get("status")).isEqualTo(200L);
    }

    @Test
    void changesWithoutTheCsrfHeaderAreRefusedAndChangeNothing(TestOrganization org) throws Exception {
        browser.signInWithKey(org.apiKey(), org.apiToken());
        Map<String, String> json = Map.of("Content-Type", "application/json");

        // a script in the page that does not send the header
        Map<String, Object> key = browser.fetch("POST", "/api/v0002/authorization/apikeys", json, "{\"comment\":\"x\"}");
        assertThat(key.get("status")).isEqualTo(403L);
        assertThat((String) key.get("body")).contains("X-IoTF-CSRF");
        Map<String, Object> type = browser.fetch("POST", "/api/v0002/device/types", json, "{\"id\":\"forged\"}");
        assertThat(type.get("status")).isEqualTo(403L);
        assertThat(browser.fetch("DELETE", "/console/session", Map.of(), null).get("status")).isEqualTo(403L);

        // the cookie outside the browser, with a wrong token
        Cookie cookie = browser.sessionCookie();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(iotf.httpUrl("v0002") + "/device/types"))
                .header("Cookie", "iotf-console=" + cookie.getValue())
                .header("X-IoTF-CSRF", "not-the-token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"forged\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        // nothing changed, and the session still works
        assertThat(iotf.apiKeys().list(org.id())).hasSize(1);
        assertThat(browser.fetch("GET", "/api/v0002/device/types/forged", Map.of(), null).get("status"))
                .isEqualTo(404L);
        browser.go("#/devices", "Devices");

        // the same change with the session's token goes through: the header alone made the difference
        Map<String, Object> ok = browser.fetch("POST", "/api/v0002/device/types",
                Map.of("Content-Type", "application/json", "X-IoTF-CSRF", csrfOfThePage()), "{\"id\":\"forged\"}");
        assertThat(ok.get("status")).isEqualTo(201L);
    }

    @Test
    void wrongCredentialsAreRefusedAndTheAdministratorChoosesTheOrganization(TestOrganization a, TestOrganization b)
            throws Exception {
        browser.signedOut();
        browser.type("#signin-apikey", a.apiKey());
        browser.type("#signin-token", "not-the-token-1234");
        browser.click("#signin-submit");
        assertThat(browser.awaitText("#signin-error", "not valid")).isEqualTo("The API key or its token is not valid");
        assertThat(browser.sessionCookie()).isNull();
        browser.screenshot("sign-in-refused");

        browser.submitAdmin(IotfEmulatorExtension.CONSOLE_ADMIN, "not the password");
        assertThat(browser.awaitText("#signin-error", "not valid")).isEqualTo("The user or password is not valid");
        assertThat(browser.sessionCookie()).isNull();

        b.registerDevice("pump", "p1");
        browser.submitAdmin(IotfEmulatorExtension.CONSOLE_ADMIN, IotfEmulatorExtension.CONSOLE_ADMIN_PASSWORD);
        browser.awaitText("main h1", "Overview");
        Select orgs = new Select(browser.driver().findElement(By.id("org-select")));
        orgs.selectByValue(b.id());
        browser.awaitText("main h1", "Overview of " + b.id());
        browser.go("#/devices", "Devices");
        browser.awaitAtLeast("#devices-table tr[data-device='pump:p1']", 1);
        new Select(browser.driver().findElement(By.id("org-select"))).selectByValue(a.id());
        browser.awaitText("#devices-summary", "No devices");

        String cookie = browser.sessionCookie().getValue();
        browser.click("#sign-out");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        assertThat(browser.sessionCookie()).isNull();
        assertThat(browser.fetch("GET", "/console/session", Map.of(), null).get("status")).isEqualTo(401L);
        assertThat(consoleSession(cookie).statusCode()).as("the signed-out session is gone").isEqualTo(401);
    }

    private static HttpResponse<String> consoleSession(String cookie) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(iotf.consoleUrl() + "console/session"))
                .header("Cookie", "iotf-console=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDeviceListPagesThroughTheApiAndADeviceIsUpdatedAndDeleted(TestOrganization org) {
        for (int i = 0; i < 30; i++) {
            org.registerDevice("valve", String.format("v%03d", i));
        }
        browser.signInWithKey(org.apiKey(), org.apiToken());
        browser.go("#/devices", "Devices");
        browser.awaitText("#devices-summary", "Devices 1–25 of 30");
        browser.screenshot("devices");
        browser.click("#devices-next");
        browser.awaitText("#devices-summary", "Devices 26–30 of 30");
        assertThat(browser.all("#devices-table tbody tr").get(0).getAttribute("data-device")).isEqualTo("valve:v025");
        assertThat(browser.driver().findElement(By.id("devices-next")).isEnabled()).isFalse();
        browser.click("#devices-prev");
        browser.awaitText("#devices-summary", "Devices 1–25 of 30");

        browser.type("#devices-search", "v012");
        browser.click("#devices-filter button[type='submit']");
        browser.awaitText("#devices-summary", "Devices 1–1 of 1");
        browser.click("#devices-table tr[data-device='valve:v012'] a");

        browser.awaitText("main h1", "v012");
        browser.click("#metadata-edit");
        browser.type("#metadata-input", "{\"floor\": 3}");
        browser.click("#metadata-save");
        browser.awaitText("#device-metadata", "\"floor\": 3");
        browser.click("#device-delete");
        browser.awaitText("#device-delete", "Click again");
        browser.click("#device-delete");
        browser.awaitText("#devices-summary", "of 29");
        assertThat(iotf.devices().device(org.id(), "valve", "v012")).isEmpty();
    }

    /** The CSRF token of the page's session, as the page itself reads it. */
    private static String csrfOfThePage() {
        Map<String, Object> session = browser.fetch("GET", "/console/session", Map.of(), null);
        String body = (String) session.get("body");
        return body.replaceAll(".*\"csrf\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static void awaitChartPoints(int n) {
        browser.await(d -> Integer.parseInt(d.findElement(By.id("events-chart")).getAttribute("data-points")) >= n);
    }

    /** A reading with a temperature that moves, so the chart shows a line. */
    private static String reading(int i, double offset) {
        double temp = 21 + offset + 2 * Math.sin(i / 4.0);
        return String.format(Locale.ROOT, "{\"d\":{\"temp\":%.2f,\"pressure\":%d}}", temp, 1000 + i % 7);
    }
}
