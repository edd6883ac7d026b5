package dev.plot.server;

import static dev.plot.server.ChartAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chart page in headless Chromium (Debian's chromium and chromedriver): uPlot draws the
 * chart under the page's strict Content-Security-Policy, the console stays free of errors, and a
 * hostile title or label shows as text, fires no alert and adds no element. The browser only
 * opens pages of the server this test starts on 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ChartPageBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final long T0 = 1764806400L;

  @TempDir
  static Path dataDir;

  @TempDir
  static Path profileDir;

  private TestServer plot;
  private ChromeDriver browser;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver are required");
    plot = TestServer.start(dataDir, Map.of());
    StringBuilder points = new StringBuilder("[");
    for (int i = 0; i < 30; i++) {
      // A gap from minute 10 to 19, so the page draws two pieces.
      if (i < 10 || i >= 20) {
        points.append(points.length() > 1 ? "," : "").append("{\"cid\":16,\"rid\":1,\"value\":")
            .append(i * i % 17).append(",\"time\":").append(T0 + 60L * i).append('}');
      }
    }
    HttpResponse<String> saved = plot.postJson("/api/v1/points", points.append(']').toString());
    assertEquals(200, saved.statusCode(), saved.body());

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profileDir);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (plot != null) {
      plot.close();
    }
  }

  @Test
  void chartPage_drawsTheChartWithoutConsoleErrors() throws Exception {
    String code = create("{\"title\":\"vm 16 bandwidth\",\"unit\":\"Mbit/s\",\"series\":"
        + "[{\"cid\":16,\"rid\":1,\"label\":\"vm 16\"}],\"from\":" + T0 + ",\"to\":"
        + (T0 + 1800) + ",\"step\":60}");

    browser.get(plot.url("/c/" + code));
    WebElement canvas = new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));

    assertTrue(canvas.getSize().getWidth() > 100, "canvas width " + canvas.getSize());
    Object painted = browser.executeScript("var c = document.querySelector('#chart canvas');"
        + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + "var n = 0; for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } }"
        + "return n;");
    assertTrue(((Number) painted).longValue() > 500, "painted pixels: " + painted);
    assertEquals("vm 16 bandwidth", browser.findElement(By.id("title")).getText());
    assertEquals("Mbit/s", browser.findElement(By.id("unit")).getText());
    assertNoAlertAndNoConsoleErrors();
  }

  @Test
  void chartPage_showsHostileTextLiterallyAndRunsNothing() throws Exception {
    String title = "</text><script>alert(1)</script><text>";
    String label = "<img src=x onerror=alert(1)>";
    String unit = "\"><svg onload=alert(1)>";
    String code = create("{\"title\":" + ChartAssertions.STRICT.writeValueAsString(title)
        + ",\"unit\":" + ChartAssertions.STRICT.writeValueAsString(unit) + ",\"series\":"
        + "[{\"cid\":16,\"rid\":1,\"label\":" + ChartAssertions.STRICT.writeValueAsString(label)
        + "}],\"limit\":30}");

    browser.get(plot.url("/c/" + code));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));

    assertEquals(title, browser.findElement(By.id("title")).getText());
    assertEquals(unit, browser.findElement(By.id("unit")).getText());
    assertEquals(List.of(), browser.findElements(By.cssSelector("img")));
    assertEquals(List.of(), browser.findElements(By.cssSelector("body svg")));
    assertEquals(3, browser.findElements(By.tagName("script")).size());
    assertTrue(browser.findElement(By.cssSelector(".u-legend")).getText().contains(label));
    assertNoAlertAndNoConsoleErrors();
  }

  private void assertNoAlertAndNoConsoleErrors() {
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .toList();
    assertEquals(List.of(), errors);
  }

  private String create(String spec) throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/charts", spec);
    assertEquals(201, reply.statusCode(), reply.body());
    return json(reply.body()).get("code").textValue();
  }
}
