package se.outband;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through Selenium, never a downloaded one. Without Chromium the test is
 * skipped with how to install it, unless OUTBAND_REQUIRE_BROWSER=true (set by .ci/run) makes that a failure.
 */
public final class Browser {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private Browser() {
    }

    /**
     * A phone-sized viewport (390 × 844 unless told otherwise); JavaScript off when {@code javascript}
     * is false. The device metrics are emulated: a headless window is never narrower than 500 px.
     */
    public static WebDriver open(int width, int height, boolean javascript) throws IOException {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            String message = "Chromium is not installed: apt-get install -y chromium chromium-driver";
            if ("true".equals(System.getenv("OUTBAND_REQUIRE_BROWSER"))) {
                Assertions.fail(message + " (OUTBAND_REQUIRE_BROWSER=true)");
            }
            Assumptions.abort(message);
        }
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + Files.createTempDirectory("outband-chromium"),
                "--window-size=" + width + "," + height);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        // Elements of a page that is still loading are waited for, not missed.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Saves what the window shows under target/screenshots/. */
    public static Path screenshot(WebDriver driver, String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        return Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Signs {@code username} (with the tests' password) in on the sign-in page and returns once the sign-in has led
     * on into the web UI: a page opened sooner cuts the sign-in short.
     */
    public static void signIn(WebDriver browser, URI base, String username) {
        browser.get(base.resolve("login").toString());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestApi.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> browser.getCurrentUrl().contains("/app/"));
    }
}
