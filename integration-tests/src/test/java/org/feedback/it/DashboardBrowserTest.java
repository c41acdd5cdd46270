package org.feedback.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Loads every dashboard page of the packaged ingest server in real headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver} packages, which {@code .ci/run} installs), after uploading
 * reports of five servers. Saves a screenshot of each page under {@code target/browser-screenshots}.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String FIXTURE = "mariadb-10.11-information-schema-feedback.txt";
    /**
     * Entries the agent adds to the plugin's report (docs/report-format.md), so that the engine and host
     * charts have data too.
     */
    private static final String AGENT_ENTRIES = "Engine InnoDB tables\t120\nEngine InnoDB bytes\t73400320\n"
            + "Engine Aria tables\t44\nEngine Aria bytes\t1048576\nHost_cpu_cores\t2\nHost_cpu_sockets\t1\n"
            + "Host_cpu_vendor\tGenuineIntel\nHost_cpu_model\tIntel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz\n"
            + "Host_virtualization\tkvm\n";
    private static final int SERVERS = 5;
    private static final String[] PAGES = {"", "versions", "platform", "hardware", "usage"};

    private static IngestServerProcess server;
    private static ChromeDriver browser;
    private static Path userDataDir;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        server = IngestServerProcess.start(Jars.workDir(), "browser", "-Dfeedback.dashboard.refresh-check-every=1s");
        String fixture = fixture();
        for (int i = 0; i < SERVERS; i++) {
            String report = fixture.replaceFirst("(?m)^FEEDBACK_SERVER_UID\t.*$", "FEEDBACK_SERVER_UID\tbrowser-test-" + i)
                    + AGENT_ENTRIES;
            given().baseUri(server.uri("/").toString())
                    .multiPart("data", "-", report.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                    .when().post("/post").then().statusCode(200);
        }
        server.awaitActiveServers(SERVERS);
        browser = startChromium();
    }

    @AfterAll
    static void stopServerAndBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static ChromeDriver startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing; install them with: apt-get install -y chromium chromium-driver");
        }
        userDataDir = Files.createTempDirectory(Files.createDirectories(Jars.workDir()), "chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // No GPU, no sandbox (CI runs as root), and no connections of Chromium's own: the machine has no network.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + userDataDir.toAbsolutePath(), "--window-size=1200,1600");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static String fixture() throws IOException {
        try (InputStream in = DashboardBrowserTest.class.getResourceAsStream("/fixtures/" + FIXTURE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> chartIds(String page) {
        JsonPath charts = given().baseUri(server.uri("/").toString()).when().get("/api/v1/stats/charts")
                .then().statusCode(200).extract().jsonPath();
        return charts.getList("findAll { it.page == '" + page + "' }.id");
    }

    @Test
    void everyPage_loaded_noConsoleErrorsAndEveryChartDrawn() throws IOException {
        Path screenshots = Files.createDirectories(Path.of(System.getProperty("feedback.screenshot.dir", "target/browser-screenshots")));
        for (String page : PAGES) {
            browser.get(server.uri("/" + page).toString());

            List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
            assertThat(errors).as("console errors on /" + page).isEmpty();
            for (String chart : chartIds(page)) {
                WebElement svg = browser.findElement(By.cssSelector("svg.chart[data-chart='" + chart + "']"));
                assertThat(svg.getRect().getWidth()).as(chart + " width").isPositive();
                assertThat(svg.findElements(By.cssSelector("rect, polyline, circle"))).as(chart + " marks").isNotEmpty();
            }
            Path screenshot = screenshots.resolve((page.isEmpty() ? "overview" : page) + ".png");
            Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void overview_activeServers_equalsApi() {
        long api = given().baseUri(server.uri("/").toString()).when().get("/api/v1/stats/summary")
                .then().statusCode(200).extract().jsonPath().getLong("activeServers");

        browser.get(server.uri("/").toString());
        String shown = browser.findElement(By.id("active-servers")).getText();

        assertThat(shown).isEqualTo(Long.toString(api));
        assertThat(api).isEqualTo(SERVERS);
    }

    @Test
    void versionsPage_flavorCount_equalsApi() {
        long api = given().baseUri(server.uri("/").toString()).when().get("/api/v1/stats/flavor")
                .then().statusCode(200).extract().jsonPath().getLong("groups[0].servers");

        browser.get(server.uri("/versions").toString());
        String shown = browser.findElement(By.cssSelector("#table-flavor tbody tr td.count"))
                .getAttribute("textContent");

        assertThat(shown.replace(",", "")).isEqualTo(Long.toString(api));
    }
}
