package io.carehub.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its ChromeDriver (profile {@code browser}: system properties
 * {@code carehub.browser.binary}, {@code carehub.browser.driver}, {@code carehub.browser.screenshots}). A phone-sized
 * window (412x915), a fresh profile per instance, and the flags without which Chromium waits for the network this
 * machine does not have. Screenshots are saved as {@code <screenshots>/<test>-<state>.png}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final Path profile;
    private final ChromeDriver driver;
    private final String test;

    /** A browser for the test named {@code test} (the screenshots' prefix). */
    public HeadlessChromium(String test) {
        this.test = test;
        try {
            profile = Files.createTempDirectory("carehub-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(property("carehub.browser.binary"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=412,915");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        Path.of(property("carehub.browser.driver")).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves what the customer sees now as {@code <screenshots>/<test>-<state>.png} and returns the file. */
    public Path screenshot(String state) {
        Path directory = Path.of(property("carehub.browser.screenshots"));
        Path file = directory.resolve(test + "-" + state + ".png");
        try {
            Files.createDirectories(directory);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the browser tests with mvn -B verify -Pbrowser");
        }
        return value;
    }

    /**
     * The page's heading once it reads {@code expected} (up to 10 s: after a click the old page may still be shown,
     * and its heading goes stale as the new one loads), else the heading it shows then.
     */
    public static String heading(WebDriver page, String expected) {
        try {
            new WebDriverWait(page, Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.tagName("h1"), expected));
        } catch (TimeoutException e) {
            // the assertion on the returned text names what the page shows instead
        }
        return page.findElement(By.tagName("h1")).getText();
    }

    /**
     * The element {@code by} once the page shows it (up to 10 s, as {@link #heading}: right after a click the old page
     * may still be the one shown). Fails with Selenium's timeout naming the locator when it never appears.
     */
    public static WebElement element(WebDriver page, By by) {
        return new WebDriverWait(page, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** The page's alert once it contains {@code expected} (up to 10 s, as {@link #heading}), else the alert it shows. */
    public static String alert(WebDriver page, String expected) {
        By alert = By.cssSelector("[role=alert]");
        try {
            new WebDriverWait(page, Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(alert, expected));
        } catch (TimeoutException e) {
            // the assertion on the returned text names what the page shows instead
        }
        return page.findElement(alert).getText();
    }
}
