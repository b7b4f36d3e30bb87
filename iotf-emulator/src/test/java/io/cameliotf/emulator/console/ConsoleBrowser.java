package io.cameliotf.emulator.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, driven by Debian's chromedriver, on the local service's console: sign in, wait for what the
 * page shows, call the service from inside the page, save screenshots. Missing browsers fail the test (they are part
 * of the build: {@code .ci/run} installs them), they never skip it.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("iotf.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("iotf.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Duration WAIT = Duration.ofSeconds(15);
    /** How often a wait looks again (Selenium's default, 500 ms, would add a quarter second to every step). */
    static final Duration POLL = Duration.ofMillis(50);

    private final ChromeDriver driver;
    private final String consoleUrl;

    private ConsoleBrowser(ChromeDriver driver, String consoleUrl) {
        this.driver = driver;
        this.consoleUrl = consoleUrl;
    }

    /** Starts the browser; fails (not skips) with what to install when Chromium or its driver is missing. */
    static ConsoleBrowser start(String consoleUrl) {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                fail(p + " is missing: the console's browser tests need Debian's chromium and chromium-driver "
                        + "(sudo apt-get install chromium chromium-driver; .ci/run installs them), or other paths "
                        + "in -Diotf.chromium=... and -Diotf.chromedriver=...");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1360,900", "--no-first-run", "--disable-extensions", "--lang=en-US");
        // the browser's console log, to see Content-Security-Policy refusals
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new ConsoleBrowser(driver, consoleUrl);
    }

    WebDriver driver() {
        return driver;
    }

    /** A fresh start: no session cookie, the sign-in page. */
    void signedOut() {
        driver.get(consoleUrl);
        driver.manage().deleteAllCookies();
        driver.get(consoleUrl);
        await(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
    }

    /** Signs in with an organization's API key and waits for the overview. */
    void signInWithKey(String apiKey, String token) {
        signedOut();
        type("#signin-apikey", apiKey);
        type("#signin-token", token);
        click("#signin-submit");
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "Overview"));
    }

    /** Signs in as the administrator, or fails to: the caller waits for what should follow. */
    void submitAdmin(String user, String password) {
        click("#signin-tab-admin");
        type("#signin-user", user);
        type("#signin-password", password);
        click("#signin-submit");
    }

    /** Goes to a page of the console (a hash route such as {@code #/events}) and waits for its title. */
    void go(String route, String title) {
        driver.get(consoleUrl + route);
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), title));
    }

    void type(String css, String text) {
        WebElement e = await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        e.clear();
        e.sendKeys(text);
    }

    void click(String css) {
        await(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    String text(String css) {
        return await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
    }

    /** Waits until the element is there and its text contains the given text; returns the whole text. */
    String awaitText(String css, String contained) {
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), contained));
        return text(css);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT, POLL).until(condition);
    }

    /** Waits until the number of elements matching css is at least n. */
    List<WebElement> awaitAtLeast(String css, int n) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.size() >= n ? found : null;
        });
    }

    /** The session cookie the service set (HttpOnly: the page cannot read it, the driver can). */
    Cookie sessionCookie() {
        return driver.manage().getCookieNamed("iotf-console");
    }

    /**
     * A fetch from inside the signed-in page (its origin, its cookie), with the given headers only: what a script
     * in the page could send. Answers {status, body}.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String method, String path, Map<String, String> headers, String body) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: arguments[1], credentials: 'same-origin', headers: arguments[2],"
                        + " body: arguments[3]})"
                        + ".then(r => r.text().then(t => done({status: r.status, body: t})))"
                        + ".catch(e => done({status: -1, body: String(e)}));",
                path, method, headers, body);
    }

    /** What the browser refused under the page's Content-Security-Policy since the last call (its console log). */
    List<String> cspRefusals() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy"))
                .toList();
    }

    /** Saves a PNG of the window as target/console-screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
