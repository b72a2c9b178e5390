package io.harmattan.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, driven by Selenium; signs in through Keycloak's real login page. */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

    public final WebDriver driver;
    private final File profile;
    private final String appUrl;

    private Browser(WebDriver driver, File profile, String appUrl) {
        this.driver = driver;
        this.profile = profile;
        this.appUrl = appUrl;
    }

    public static Browser open(String appUrl) {
        return open(appUrl, "en", 1280);
    }

    public static Browser open(String appUrl, String language, int width) {
        try {
            File profile = Files.createTempDirectory("chromium-profile-").toFile();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile.getAbsolutePath(),
                    "--window-size=" + width + ",900", "--lang=" + language);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            if (width < 600) {
                // Chromium keeps a window at least ~500 px wide; a phone's screen is emulated instead.
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", 800,
                        "deviceScaleFactor", 1, "mobile", true));
            }
            return new Browser(driver, profile, appUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the page looks like to target/screenshots/{name}, for people to look at (never compared). */
    public static void screenshot(org.openqa.selenium.WebDriver driver, String name) {
        try {
            java.nio.file.Path folder = java.nio.file.Path.of("target", "screenshots");
            Files.createDirectories(folder);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(folder.resolve(name), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page, not only what the window shows, to target/screenshots/{name}. */
    @SuppressWarnings("unchecked")
    public static void fullPage(org.openqa.selenium.WebDriver driver, String name) {
        ChromeDriver chromium = (ChromeDriver) driver;
        java.util.Map<String, Object> size = (java.util.Map<String, Object>) chromium
                .executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of()).get("cssContentSize");
        // Captured beyond the window, the page loses its scrollbar and lays out a little wider: take the window's width.
        Object width = chromium.executeScript("return Math.max(window.innerWidth, document.documentElement.scrollWidth)");
        java.util.Map<String, Object> shot = chromium.executeCdpCommand("Page.captureScreenshot", java.util.Map.of(
                "format", "png", "captureBeyondViewport", true, "clip", java.util.Map.of("x", 0, "y", 0,
                        "width", width, "height", size.get("height"), "scale", 1)));
        try {
            java.nio.file.Path folder = java.nio.file.Path.of("target", "screenshots");
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser go(String path) {
        driver.get(appUrl + path);
        return this;
    }

    /** Starts at the app's sign-in link, fills in Keycloak's form, and waits to be back on the app. */
    public Browser signIn(String username, String password) {
        go("/home");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(appUrl));
        return this;
    }

    /** Waits until the browser is on this path of the app, saying where it is instead if it never gets there. */
    public Browser waitForPath(String path) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> currentPath().equals(path));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Expected to reach " + path + " but the browser is at " + driver.getCurrentUrl()
                    + " showing: " + pageText(), e);
        }
        return this;
    }

    /** The app path the browser is on, without the query string; the full URL when it is elsewhere. */
    public String currentPath() {
        String url = driver.getCurrentUrl();
        if (!url.startsWith(appUrl)) {
            return url;
        }
        String path = url.substring(appUrl.length());
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** Clicks something that loads a new page, and waits until the new page has replaced the old one. */
    public Browser clickAndWait(String cssSelector) {
        WebElement page = find("html");
        find(cssSelector).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // The old page is gone once its root element cannot be queried any more; Chromium says so either
        // as a stale element or, mid-navigation, as a node that "does not belong to the document".
        wait.until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    public WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public String text(String cssSelector) {
        return find(cssSelector).getText();
    }

    public String pageText() {
        return find("body").getText();
    }

    /** What sticks out past the window's right edge, or empty; a box that scrolls by itself does not count. */
    private static final String STICKING_OUT = """
            const width = document.documentElement.clientWidth;
            const past = Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .filter(e => {
                    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) { return false; }
                    }
                    return true;
                });
            if (document.documentElement.scrollWidth > width && past.length === 0) { past.push(document.documentElement); }
            return past.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.className ? '.' + e.className : '') + ':' + Math.round(e.getBoundingClientRect().right));
            """;

    /** Boxes whose content is wider than they are, so that it scrolls sideways inside them. */
    private static final String SCROLLING_BOXES = """
            return Array.from(document.querySelectorAll('body *'))
                .filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
                    && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                    + ':' + e.scrollWidth + '>' + e.clientWidth);
            """;

    /** The elements that make the page wider than the window (so it scrolls sideways), or none. */
    @SuppressWarnings("unchecked")
    public java.util.List<String> stickingOut() {
        return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(STICKING_OUT);
    }

    /** The boxes (a wide table's, say) whose content scrolls sideways inside them, or none. */
    @SuppressWarnings("unchecked")
    public java.util.List<String> scrollingBoxes() {
        return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(SCROLLING_BOXES);
    }

    /** Opens every closed section of the page ({@code <details>}), as a person reading all of it would. */
    public Browser openEverySection() {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        return this;
    }

    /** Makes the window this wide (a desktop's; a phone's width is emulated when opening). */
    public Browser resize(int width) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        return this;
    }

    /** The window's width in CSS pixels. */
    public long width() {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
    }

    @Override
    public void close() {
        driver.quit();
        try (var walk = Files.walk(profile.toPath())) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp profile left behind is harmless
        }
    }
}
