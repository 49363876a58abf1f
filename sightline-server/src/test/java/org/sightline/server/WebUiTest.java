package org.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sightline.ingest.bundle.BundleImporter;
import org.sightline.ingest.bundle.ImportOptions;
import org.sightline.ingest.bundle.ImportProgress;
import org.sightline.ingest.demo.DemoData;
import org.sightline.intel.actors.ActorLinker;
import org.sightline.server.auth.SignInLinks;
import org.sightline.server.auth.WebSessions;
import org.sightline.stix.testdata.SharedData;
import org.sightline.store.tokens.Role;

/**
 * The analyst's story in real headless Chromium (Debian's chromium and chromium-driver): sign in,
 * search "Stone Panda", read APT10's card, open its graph, open the APT10 → MSS claim, and see the
 * managed-service-provider path on the exposure dashboard. Each step saves a screenshot under
 * target/screenshots/.
 */
class WebUiTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Path downloads;
    private static RunningServer server;
    private static WebDriver browser;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if ("required".equals(System.getenv("SIGHTLINE_TEST_CHROMIUM"))) {
            assertThat(present).as("CI asks for the browser tests, but %s or %s is missing", CHROMIUM, DRIVER).isTrue();
        }
        assumeTrue(present, "skipped: headless Chromium is absent (apt-get install chromium chromium-driver; .ci/run does)");
        server = RunningServer.start(loaded -> {
            BundleImporter importer = new BundleImporter(loaded.knowledge().intake());
            importer.importPaths(List.of(SharedData.menuPassSubset()), ImportOptions.strict(), ImportProgress.NONE);
            DemoData.load(importer);
            new ActorLinker(loaded.store()).linkAll();
            sightingAtTheMsp(loaded.store());
        });
        // the MISP event imported below is "your organisation only", AMBER+STRICT: an analyst imports only what it may read back
        token = server.test().knowledge().tokens().create("browser", Role.ANALYST, "amber+strict").secret();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("sightline-chromium"), "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        downloads = Files.createTempDirectory("sightline-downloads");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    /** An indicator of menuPass, seen at the demo's managed service provider. */
    private static void sightingAtTheMsp(org.sightline.store.StixStore store) {
        String msp = store.findByNameKey("harbormanagedit", java.util.Set.of("identity")).get(0).objectId();
        String indicator = "indicator--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a01";
        store.write(writer -> {
            writer.put(org.sightline.stix.StixObject.parse("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + indicator
                    + "\",\"created\":\"2024-03-01T00:00:00.000Z\",\"modified\":\"2024-03-01T00:00:00.000Z\",\"name\":\"Cloud Hopper C2 domain\","
                    + "\"pattern\":\"[domain-name:value = 'update.cloud-hopper.example']\",\"pattern_type\":\"stix\",\"valid_from\":\"2024-03-01T00:00:00Z\"}"));
            writer.put(org.sightline.stix.StixObject.parse("{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"relationship--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a02\","
                    + "\"created\":\"2024-03-01T00:00:00.000Z\",\"modified\":\"2024-03-01T00:00:00.000Z\",\"relationship_type\":\"indicates\","
                    + "\"source_ref\":\"" + indicator + "\",\"target_ref\":\"intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f\"}"));
            writer.put(org.sightline.stix.StixObject.parse("{\"type\":\"sighting\",\"spec_version\":\"2.1\",\"id\":\"sighting--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a03\","
                    + "\"created\":\"2024-03-02T00:00:00.000Z\",\"modified\":\"2024-03-02T00:00:00.000Z\",\"sighting_of_ref\":\"" + indicator + "\","
                    + "\"first_seen\":\"2024-03-02T08:00:00Z\",\"last_seen\":\"2024-03-02T09:00:00Z\",\"count\":3,"
                    + "\"where_sighted_refs\":[\"" + msp + "\"]}"));
            return null;
        });
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Waits until the page for this hash prefix has finished rendering. */
    private static void ready(String hashPrefix) {
        waiting().until(driver -> {
            String ready = driver.findElement(By.id("main")).getAttribute("data-ready");
            return ready != null && ready.startsWith(hashPrefix);
        });
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException gone) {
            return 0;
        }
    }

    /** The page for exactly this address is complete (a prefix would also take the page it replaces). */
    private static void readyAt(String url) {
        String hash = url.substring(url.indexOf('#'));
        waiting().until(driver -> hash.equals(driver.findElement(By.id("main")).getAttribute("data-ready")));
    }

    private static int nodesDrawn() {
        return Integer.parseInt(browser.findElement(By.id("graph")).getAttribute("data-nodes"));
    }

    /** Clicks a node of the graph's canvas, through ECharts' own event, as a pointer click would. */
    private static void selectGraphNode(int index) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById('graph'));"
                        + "c.trigger('click', { dataType: 'node', data: c.getOption().series[0].data[arguments[0]] });", index);
    }

    private static void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void noConsoleErrors() {
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }

    @Test
    void everyObjectHasAPageWithItsMarkingItsRelationshipsBothWaysAndWhatPointsAtIt() throws Exception {
        String base = "http://127.0.0.1:" + server.app().port() + "/ui/";
        String campaign = "campaign--77e0a491-c3cd-5f19-a009-0ff6b81219ba"; // the demo's Operation Cloud Hopper
        browser.get(base + "#/object/" + campaign);
        signInIfAsked();
        readyAt(base + "#/object/" + campaign);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Operation Cloud Hopper");
        assertThat(browser.findElement(By.id("object-kind")).getText()).contains("campaign", "TLP:", "Sightline demo data", campaign);
        // who it is attributed to, and who says so
        assertThat(browser.findElement(By.id("object-attributed-to")).getText()).contains("APT10", "per Sightline demo data");
        // its references as links out, its relationships both ways, each a link onward
        WebElement reference = browser.findElement(By.cssSelector("#object-references a"));
        assertThat(reference.getText()).isEqualTo("PwC UK and BAE Systems");
        assertThat(reference.getAttribute("href")).startsWith("https://");
        assertThat(browser.findElement(By.id("object-outgoing")).getText()).contains("attributed-to", "targets");
        assertThat(browser.findElements(By.cssSelector("#main a")).stream().map(a -> a.getAttribute("href")))
                .as("the page never links to itself").noneMatch(href -> href != null && href.endsWith("#/object/" + campaign));
        assertThat(browser.findElement(By.cssSelector("#object-outgoing tbody")).getText()).doesNotContain("campaign--");
        screenshot("15-object");
        browser.findElement(By.cssSelector("#object-attributed-to a")).click();
        ready("#/actor/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).containsAnyOf("APT10", "menuPass"); // one card for the linked actor

        // a technique: the groups that use it come to it, each a link to its card
        browser.get(base + "#/search?q=T1566.001");
        ready("#/object/attack-pattern--");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Spearphishing Attachment");
        WebElement incoming = browser.findElement(By.id("object-incoming"));
        assertThat(incoming.findElement(By.tagName("h2")).getText()).matches("Relationships to it \\(\\d+\\)");
        assertThat(incoming.findElements(By.cssSelector("a[href*='#/actor/intrusion-set--']"))).isNotEmpty();
        // the sighting at the MSP points at its indicator; the indicator's page and the sighting's page reach each other
        browser.get(base + "#/object/sighting--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a03");
        readyAt(base + "#/object/sighting--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a03");
        assertThat(browser.findElement(By.id("main")).getText()).contains("sighting_of_ref", "where_sighted_refs", "count");
        browser.findElement(By.cssSelector("a[href='#/indicator/indicator--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a01']")).click();
        ready("#/indicator/");
        noConsoleErrors();
    }

    @Test
    void anImportNamesEveryBadObjectAndChangesNothingThenAGoodFileGoesIn() throws Exception {
        browser.get("http://127.0.0.1:" + server.app().port() + "/ui/#/import");
        signInIfAsked();
        ready("#/import");
        Path bad = Files.createTempFile("bad-bundle", ".json");
        Files.writeString(bad, "{\"type\":\"bundle\",\"id\":\"bundle--5a5d2c0e-5c5f-4d6a-9c2e-1b2a3c4d5e6f\",\"objects\":["
                + "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--5a5d2c0e-5c5f-4d6a-9c2e-1b2a3c4d5e70\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"pattern_type\":\"stix\"}]}");
        long before = server.test().store().stats().versions();
        browser.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#main form button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Not imported"));
        assertThat(browser.findElement(By.id("import-result")).getText())
                .contains("indicator--5a5d2c0e-5c5f-4d6a-9c2e-1b2a3c4d5e70", "is required for indicator");
        assertThat(server.test().store().stats().versions()).isEqualTo(before);
        screenshot("07-import-rejected");
        // the refused upload's 400 is the one error the console may show here: reading the log empties it
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage))
                .allMatch(message -> message.contains("/api/v1/import") && message.contains("400"));

        // the same bundle with a valid object beside the bad one, skipping invalid objects as --skip-invalid does
        Path mixed = Files.createTempFile("mixed-bundle", ".json");
        Files.writeString(mixed, Files.readString(bad).replace("}]}", "},"
                + "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"malware--5a5d2c0e-5c5f-4d6a-9c2e-1b2a3c4d5e71\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Skip Test Loader\","
                + "\"is_family\":true}]}"));
        browser.findElement(By.id("skip-invalid")).click();
        browser.findElement(By.id("file")).sendKeys(mixed.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#main form button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-counts"), "invalid"));
        assertThat(browser.findElement(By.id("import-counts")).getText()).startsWith("1 imported, 0 unchanged, 1 invalid");
        assertThat(browser.findElement(By.id("import-result")).getText()).contains("indicator--5a5d2c0e-5c5f-4d6a-9c2e-1b2a3c4d5e70");
        assertThat(server.test().store().current("malware--5a5d2c0e-5c5f-4d6a-9c2e-1b2a3c4d5e71")).isPresent();
        assertThat(server.test().store().current("indicator--5a5d2c0e-5c5f-4d6a-9c2e-1b2a3c4d5e70")).isEmpty();
        browser.findElement(By.id("skip-invalid")).click();
        browser.manage().logs().get(LogType.BROWSER); // a document with an invalid object may answer 400 even when the rest went in

        browser.findElement(By.id("file")).sendKeys(SharedData.require("misp-events/PyMISP/misp_event.json").toString());
        browser.findElement(By.cssSelector("#main form button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Done"));
        assertThat(browser.findElement(By.id("import-counts")).getText()).matches("[1-9]\\d* imported.*");
        screenshot("08-import-misp-event");

        Path suppliers = Files.createTempFile("suppliers", ".csv");
        Files.writeString(suppliers, "supplier,customer,service_type,access_level\n"
                + "Harbor Managed IT,Northwind Engineering,managed-it-services,privileged-admin\n"
                + "Tea Trolley Ltd,Northwind Engineering,catering,none\n");
        browser.findElement(By.id("file")).sendKeys(suppliers.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#main form button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Not imported"));
        assertThat(browser.findElement(By.id("import-result")).getText())
                .contains(suppliers.getFileName() + ":3: service_type 'catering'").doesNotContain("/tmp/");
        browser.manage().logs().get(LogType.BROWSER); // the refused file's 400 was expected
        noConsoleErrors();
    }

    @Test
    void markupAndJavascriptUrlsInStoredObjectsRenderInertOnEveryPageThatShowsThem() throws Exception {
        String actor = created("{\"type\":\"intrusion-set\",\"name\":\"<img src=x onerror=\\\"window.__pwned=4\\\">Hostile Panda\","
                + "\"aliases\":[\"<b onmouseover=\\\"window.__pwned=5\\\">HP</b>\"],"
                + "\"description\":\"<script>window.__pwned=6</script><a href=\\\"javascript:window.__pwned=7\\\">read</a>\","
                + "\"external_references\":[{\"source_name\":\"<i onclick=\\\"window.__pwned=8\\\">blog</i>\",\"url\":\"javascript:window.__pwned=9\"}]}");
        String indicator = created("{\"type\":\"indicator\",\"name\":\"<img src=x onerror=\\\"window.__pwned=10\\\">hostile domain\","
                + "\"pattern\":\"[domain-name:value = 'hostile-panda.example']\",\"pattern_type\":\"stix\",\"valid_from\":\"2024-01-01T00:00:00Z\"}");
        String indicates = created("{\"type\":\"relationship\",\"relationship_type\":\"indicates\",\"source_ref\":\"" + indicator
                + "\",\"target_ref\":\"" + actor + "\"}");
        String source = created("{\"type\":\"identity\",\"identity_class\":\"organization\",\"name\":\"<img src=x onerror=\\\"window.__pwned=11\\\">Hostile Sensor\"}");
        String sighting = created("{\"type\":\"sighting\",\"sighting_of_ref\":\"" + indicator + "\",\"count\":2,"
                + "\"first_seen\":\"2024-03-02T08:00:00Z\",\"last_seen\":\"2024-03-02T09:00:00Z\",\"where_sighted_refs\":[\"" + source + "\"],"
                + "\"description\":\"<img src=x onerror=\\\"window.__pwned=12\\\">seen\"}");
        try {
            visitEachPageOf(actor, indicator, source);
        } finally { // the other tests count the store's actors, indicators and sightings
            for (String id : List.of(sighting, source, indicates, indicator, actor)) {
                assertThat(server.post("/api/v1/objects/" + id + "/revoke", token, "{}").statusCode()).isEqualTo(201);
            }
        }
    }

    /** The sighting of an indicator, from the API (the object page shows its hostile description and where it was seen). */
    private static String sightingOf(String indicator) {
        try {
            com.fasterxml.jackson.databind.JsonNode links = org.sightline.stix.json.StixJson.mapper().readTree(server.get("/api/v1/objects/" + indicator + "/links", token).body());
            for (com.fasterxml.jackson.databind.JsonNode referrer : links.path("referenced_by")) {
                if (referrer.path("property").asText().equals("sighting_of_ref")) {
                    return referrer.path("object").path("id").asText();
                }
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read the indicator's links", e);
        }
        throw new AssertionError("the indicator's page lists no sighting of it");
    }

    private void visitEachPageOf(String actor, String indicator, String source) {
        String base = "http://127.0.0.1:" + server.app().port() + "/ui/";
        browser.get(base);
        signInIfAsked();
        for (String page : List.of("#/search?q=hostile", "#/actor/" + actor, "#/graph/" + actor, "#/indicator/" + indicator,
                "#/source/" + source, "#/sightings", "#/object/" + source, "#/object/" + sightingOf(indicator))) {
            browser.get(base + page);
            waiting().until(driver -> { // where the page settled: a search with one answer opens it
                Object hash = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return location.hash");
                return hash.equals(driver.findElement(By.id("main")).getAttribute("data-ready"));
            });
            WebElement main = browser.findElement(By.id("main"));
            assertThat(main.getText()).as("the stored text is shown, as text, on " + page).contains("onerror");
            assertThat(main.findElements(By.cssSelector("img[src='x'], b[onmouseover], i[onclick], script"))).as("markup from stored text on " + page).isEmpty();
            assertThat(main.findElements(By.cssSelector("a[href*='javascript' i]"))).as("a javascript: link on " + page).isEmpty();
            if (page.startsWith("#/actor/")) { // its references, where the stored URL stands as text
                assertThat(main.findElements(By.cssSelector("#actor-references .inert-url"))).anySatisfy(span ->
                        assertThat(span.getText()).contains("javascript:window.__pwned=9"));
            }
            for (WebElement inert : main.findElements(By.cssSelector(".inert-url"))) {
                inert.click();
            }
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).as(page).isEqualTo(true);
        }
        noConsoleErrors();
    }

    /** Writes a STIX object through the API as the browser's analyst token; its id. */
    private static String created(String json) throws Exception {
        java.net.http.HttpResponse<String> answer = server.post("/api/v1/objects", token, json);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return org.sightline.stix.json.StixJson.mapper().readTree(answer.body()).path("id").asText();
    }

    @Test
    void aJavascriptUrlAndAnHtmlLadenTitleInStoredEvidenceRenderInertUnderAStrictPolicy() throws Exception {
        String claim = "relationship--0dacf73f-1212-59d2-b228-bb5e1d895ada"; // the demo's APT10 attributed-to MSS Tianjin
        String doj = "identity--3115ec6f-b349-5246-9d5d-69ca5cb11218";
        new org.sightline.intel.claims.ClaimBook(server.test().store()).addEvidence(new org.sightline.intel.claims.ClaimBook.NewEvidence(
                "<img src=x onerror=\"window.__pwned=1\">Hostile item", List.of(claim),
                org.sightline.intel.attribution.Evidence.Stance.SUPPORTS, "other", doj, org.sightline.intel.attribution.Reliability.B,
                org.sightline.intel.attribution.Credibility.of(2), "<b onmouseover=\"window.__pwned=2\">origin</b>", null,
                "2024-04-01T00:00:00.000Z", null, "an excerpt", " javascript:window.__pwned=3", null, "tester"));
        String base = "http://127.0.0.1:" + server.app().port();
        browser.get(base + "/ui/#/claim/" + claim);
        signInIfAsked();
        ready("#/claim/");
        WebElement main = browser.findElement(By.id("main"));
        assertThat(main.findElements(By.cssSelector("a[href*='javascript' i]"))).as("a javascript: link").isEmpty();
        assertThat(main.findElements(By.cssSelector("img[src='x'], b[onmouseover]"))).as("markup from stored text").isEmpty();
        assertThat(main.findElements(By.cssSelector(".inert-url"))).anySatisfy(span ->
                assertThat(span.getText()).contains("javascript:window.__pwned=3"));
        assertThat(main.getText()).contains("onmouseover");
        for (WebElement anchor : main.findElements(By.cssSelector("a[href]"))) {
            assertThat(anchor.getAttribute("href")).as("every link on the page").matches("(?i)(https?://|mailto:).*");
        }
        for (WebElement clickable : main.findElements(By.cssSelector(".inert-url"))) {
            clickable.click();
        }
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);
        noConsoleErrors();

        // every answer tells the browser to treat it as data: the page, its script, the API
        for (String path : List.of("/ui/", "/ui/js/app.js", "/api/v1/stats", "/taxii2/")) {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("script-src 'self';", "connect-src 'self'", "frame-ancestors 'none'"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void aTokenRevokedMidSessionSaysSoAndEscapeLeavesNoPageHalfLoaded() {
        var issued = server.test().knowledge().tokens().create("revoked in a moment", Role.READER, "green");
        String base = "http://127.0.0.1:" + server.app().port();
        browser.get(base + "/ui/");
        signOutBrowser();
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("sessionStorage.setItem('sightline.token', arguments[0])", issued.secret());
        browser.get(base + "/ui/#/claims");
        ready("#/claims");
        assertThat(server.test().knowledge().tokens().revoke(issued.token().id())).isTrue();
        browser.get(base + "/ui/#/sightings");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"), "no longer accepted"));
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("Loading").contains("Signed out");

        browser.findElement(By.id("token")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        waiting().until(driver -> Boolean.TRUE.equals(js.executeScript("return document.getElementById('signin').open")));
        assertThat(browser.findElement(By.id("token")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("Loading");
        browser.manage().logs().get(LogType.BROWSER); // the revoked token's 401 was expected
        signInIfAsked();
        ready("#/sightings");
    }

    @Test
    void aComplianceOfficerScreensASpellingThenTheWholeKnowledgeBase() throws Exception {
        browser.get("http://127.0.0.1:" + server.app().port() + "/ui/#/screen");
        signInIfAsked();
        ready("#/screen");
        browser.findElement(By.id("screen-name")).sendKeys("ZHANG Shi-long");
        new Select(browser.findElement(By.id("screen-type"))).selectByValue("person");
        browser.findElement(By.cssSelector("#screen-form button[type=submit]")).click();
        waiting().until(driver -> driver.findElement(By.id("screen-result")).getAttribute("data-done") != null);
        WebElement result = browser.findElement(By.id("screen-result"));
        assertThat(result.getText()).contains("Zhang Shilong", "us_doj_indictments", "CN", "split or hyphenated differently");
        screenshot("11-screening");

        String first = result.getAttribute("data-done");
        browser.findElement(By.id("screen-all")).click();
        waiting().until(driver -> !first.equals(driver.findElement(By.id("screen-result")).getAttribute("data-done")));
        assertThat(browser.findElement(By.id("screen-result")).getText())
                .contains("match a list entry", "Zhu Hua", "Wu Yingzhuo", "Dong Hao", "Xia Lei");
        noConsoleErrors();
    }

    @Test
    void aSocEngineerExportsTheIndicatorsForZeekAndSuricataAndSeesWhatCouldNotGo() throws Exception {
        browser.get("http://127.0.0.1:" + server.app().port() + "/ui/#/sensors");
        signInIfAsked();
        ready("#/sensors");
        browser.findElement(By.cssSelector("#sensor-form button[type=submit]")).click(); // Zeek first
        waiting().until(driver -> driver.findElement(By.id("sensor-result")).getAttribute("data-done") != null);
        WebElement result = browser.findElement(By.id("sensor-result"));
        // the 2024 indicator has decayed: it leaves the sensors unless the expired are asked for too
        assertThat(result.getText()).doesNotContain("update.cloud-hopper.example");
        String active = result.getAttribute("data-done");
        browser.findElement(By.id("sensor-expired")).click();
        browser.findElement(By.cssSelector("#sensor-form button[type=submit]")).click();
        waiting().until(driver -> !active.equals(driver.findElement(By.id("sensor-result")).getAttribute("data-done")));
        assertThat(result.getText()).contains("sightline.intel", "#fields", "update.cloud-hopper.example", "Intel::DOMAIN");
        waiting().until(driver -> driver.findElement(By.id("indicator-scores")).getAttribute("data-done") != null);
        assertThat(browser.findElement(By.id("indicator-scores")).getText()).contains("Indicators as they age", "Cloud Hopper C2 domain",
                "domain-name halves every 90 days", "sighting--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a03");
        screenshot("13-sensors");
        result.findElement(By.xpath(".//button[contains(., 'Download')]")).click();
        // Chromium may show the file before it has written it: wait for its content, not its name
        waiting().until(driver -> Files.isRegularFile(downloads.resolve("sightline.intel")) && sizeOf(downloads.resolve("sightline.intel")) > 0);
        assertThat(Files.readString(downloads.resolve("sightline.intel"))).startsWith("#fields\tindicator\tindicator_type");

        String first = result.getAttribute("data-done");
        browser.findElement(By.id("sensor-score")).sendKeys("0.5"); // the 2024 sighting has long aged out
        browser.findElement(By.cssSelector("#sensor-form button[type=submit]")).click();
        waiting().until(driver -> !first.equals(driver.findElement(By.id("sensor-result")).getAttribute("data-done")));
        assertThat(browser.findElement(By.id("sensor-result")).getText()).contains("0 values of 0 indicators");
        browser.findElement(By.id("sensor-score")).clear();

        String second = browser.findElement(By.id("sensor-result")).getAttribute("data-done");
        new Select(browser.findElement(By.id("sensor-format"))).selectByValue("suricata-rules");
        browser.findElement(By.cssSelector("#sensor-form button[type=submit]")).click();
        waiting().until(driver -> !second.equals(driver.findElement(By.id("sensor-result")).getAttribute("data-done")));
        assertThat(browser.findElement(By.id("sensor-result")).getText())
                .contains("sightline.rules", "metadata:sightline_id indicator--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a01");
        noConsoleErrors();
    }

    @Test
    void anAnalystSeesAnIndicatorAgeAndMarksItsSightingAFalsePositive() throws Exception {
        // an indicator of its own, so that marking its sighting leaves the other pages' data as they expect it
        String indicator = "indicator--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a11";
        String seen = org.sightline.stix.StixTimestamp.format(java.time.Instant.now().minus(Duration.ofDays(2)));
        server.test().store().write(writer -> {
            writer.put(org.sightline.stix.StixObject.parse("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + indicator
                    + "\",\"created\":\"2026-09-01T00:00:00.000Z\",\"modified\":\"2026-09-01T00:00:00.000Z\",\"name\":\"Scanner address\","
                    + "\"pattern\":\"[ipv4-addr:value = '198.51.100.23']\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-09-01T00:00:00Z\"}"));
            writer.put(org.sightline.stix.StixObject.parse("{\"type\":\"sighting\",\"spec_version\":\"2.1\",\"id\":\"sighting--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a12\","
                    + "\"created\":\"" + seen + "\",\"modified\":\"" + seen + "\",\"sighting_of_ref\":\"" + indicator + "\","
                    + "\"last_seen\":\"" + seen + "\",\"count\":40}"));
            return null;
        });
        browser.manage().logs().get(LogType.BROWSER); // what earlier pages logged is theirs
        browser.get("http://127.0.0.1:" + server.app().port() + "/ui/#/indicator/" + indicator);
        signInIfAsked();
        ready("#/indicator/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Scanner address");
        assertThat(browser.findElement(By.id("indicator-score")).getText()).contains("active");
        assertThat(browser.findElements(By.cssSelector("#score-chart canvas"))).isNotEmpty();
        // the curve fell from September, rose again at the sighting: its last point is well above its lowest
        List<Double> curve = ((List<?>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('score-chart')).getOption().series[0].data.map(p => p[1]);"))
                .stream().map(value -> ((Number) value).doubleValue()).toList();
        assertThat(curve.get(curve.size() - 1)).isGreaterThan(curve.stream().min(Double::compare).orElseThrow() + 0.3);
        assertThat(browser.findElement(By.id("main")).getText()).contains("confirms the indicator");

        browser.findElement(By.cssSelector(".false-positive-reason")).sendKeys("our own vulnerability scanner");
        browser.findElement(By.xpath("//form[@class='false-positive']//button[.='False positive']")).click();
        waiting().until(driver -> driver.findElement(By.id("main")).getText().contains("false positive since"));
        assertThat(browser.findElement(By.id("indicator-score")).getText()).contains("1 sighting marked false positive");
        assertThat(browser.findElements(By.cssSelector("form.false-positive"))).isEmpty();
        screenshot("14-indicator");
        noConsoleErrors();
    }

    @Test
    void anAnalystAttributesAnIntrusionFromWhatItShowedWithAReasonPerFactor() throws Exception {
        browser.get("http://127.0.0.1:" + server.app().port() + "/ui/#/attribute");
        signInIfAsked();
        ready("#/attribute");
        browser.findElement(By.id("attr-techniques")).sendKeys("T1021.001, T1566.001, T1059.001");
        browser.findElement(By.id("attr-software")).sendKeys("S0153");
        browser.findElement(By.id("attr-sectors")).sendKeys("technology");
        browser.findElement(By.id("attr-indicators")).sendKeys("update.cloud-hopper.example");
        browser.findElement(By.cssSelector("#attr-form button[type=submit]")).click();
        waiting().until(driver -> driver.findElement(By.id("attr-result")).getAttribute("data-done") != null);
        String text = browser.findElement(By.id("attr-result")).getText();
        assertThat(text).contains("menuPass", "behaviour", "telling: S0153 RedLeaves", "infrastructure",
                "shares 1 of the 1 indicators", "update.cloud-hopper.example", "targeting");
        assertThat(text.indexOf("menuPass")).isLessThan(text.indexOf("APT3"));
        screenshot("12-attribution");
        noConsoleErrors(); // before the bad request below, which the browser logs as a failed load

        browser.findElement(By.id("attr-techniques")).clear();
        browser.findElement(By.id("attr-software")).clear();
        browser.findElement(By.id("attr-sectors")).clear();
        browser.findElement(By.id("attr-indicators")).clear();
        String first = browser.findElement(By.id("attr-result")).getAttribute("data-done");
        browser.findElement(By.cssSelector("#attr-form button[type=submit]")).click();
        waiting().until(driver -> !first.equals(driver.findElement(By.id("attr-result")).getAttribute("data-done")));
        assertThat(browser.findElement(By.id("attr-result")).getText()).contains("shows nothing to attribute from");
    }

    /** Signs the whole browser out, as a user who never signed in: no tab's storage, no session cookie. */
    private static void signOutBrowser() {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.manage().deleteAllCookies();
    }

    @Test
    void aSignInOpensTheBrowsersOtherTabsSignedInAndSigningOutInOneSignsOutAll() {
        String base = "http://127.0.0.1:" + server.app().port();
        String first = browser.getWindowHandle();
        browser.get(base + "/ui/");
        signOutBrowser();
        browser.navigate().refresh();
        signInIfAsked();
        ready("#/");
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        try {
            browser.get(base + "/ui/#/claims");
            ready("#/claims");
            assertThat(browser.findElement(By.id("token")).isDisplayed()).as("the new tab is signed in").isFalse();
            assertThat(browser.findElements(By.cssSelector("#main a[href^='#/claim/']"))).as("the claims it may read").isNotEmpty();
            browser.findElement(By.id("signout")).click();
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        } finally {
            browser.close();
            browser.switchTo().window(first);
        }
        browser.get(base + "/ui/#/sightings"); // the first tab's next page: its session has ended too
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"), "no longer accepted"));
        browser.manage().logs().get(LogType.BROWSER); // the ended session's 401 was expected
        signInIfAsked();
        ready("#/sightings");
    }

    private static void signInIfAsked() {
        WebElement field = browser.findElement(By.id("token"));
        waiting().until(driver -> field.isDisplayed() || driver.findElement(By.id("main")).getAttribute("data-ready") != null);
        if (field.isDisplayed()) {
            field.sendKeys(token);
            browser.findElement(By.cssSelector("#signin-form button")).click();
        }
    }

    @Test
    void theDemosOneTimeLinkOpensThePageSignedInAndThenStopsWorking() {
        String base = "http://127.0.0.1:" + server.app().port();
        browser.get(base + "/ui/");
        signOutBrowser();
        browser.navigate().refresh(); // signed out: the page asks for a token, and the link is pasted into it
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        String link = SignInLinks.link(base, server.app().signInLinks().issue());
        browser.get(link);
        // the page may be the one already open (only the hash changed), its last page still marked ready: wait for the trade
        waiting().until(driver -> ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return sessionStorage.getItem('sightline.csrf')") != null);
        ready("#/");
        assertThat(browser.findElement(By.id("token")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).as("the code leaves the address bar").doesNotContain("signin");
        // the link's token was traded for the browser's session: no script of the page can read either
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('sightline.token')")).isNull();
        assertThat((String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.cookie")).doesNotContain("sightline");
        assertThat(browser.manage().getCookieNamed(WebSessions.COOKIE).isHttpOnly()).isTrue();

        signOutBrowser();
        browser.get(base + "/ui/");
        browser.get(link);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"), "already used"));
        browser.manage().logs().get(LogType.BROWSER); // the used link's 401 was expected
    }

    @Test
    void anAnalystSignsInFindsApt10ReadsTheClaimAndSeesTheMspPath() throws Exception {
        browser.get("http://127.0.0.1:" + server.app().port() + "/");
        signOutBrowser(); // whatever ran before
        browser.navigate().refresh();
        WebElement field = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        screenshot("01-sign-in");
        field.sendKeys("sl_wrong");
        browser.findElement(By.cssSelector("#signin-form button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"), "not valid"));
        // the refused token's 401 is the one error the console may show: reading the log empties it
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage))
                .allMatch(message -> message.contains("/api/v1/stats") && message.contains("401"));
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.cssSelector("#signin-form button")).click();
        ready("#/");

        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("Stone Panda");
        search.submit();
        ready("#/actor/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).containsAnyOf("menuPass", "APT10");
        assertThat(browser.findElement(By.id("main")).getText()).contains("Stone Panda", "Techniques by tactic", "Activity");
        waiting().until(driver -> !driver.findElements(By.cssSelector("#timeline canvas")).isEmpty());
        screenshot("02-actor-card");
        String card = browser.getCurrentUrl();
        browser.findElement(By.xpath("//button[contains(., 'Dossier (MD)')]")).click();
        waiting().until(driver -> {
            try (var files = Files.list(downloads)) {
                return files.anyMatch(file -> file.getFileName().toString().endsWith(".md"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        try (var files = Files.list(downloads)) {
            Path dossier = files.filter(file -> file.getFileName().toString().endsWith(".md")).findFirst().orElseThrow();
            assertThat(Files.readString(dossier)).contains("# Dossier: menuPass");
        }

        search = browser.findElement(By.id("q"));
        search.clear();
        search.sendKeys("PlugX");
        search.submit();
        ready("#/search");
        assertThat(browser.findElements(By.cssSelector("#main section h2")).stream().map(WebElement::getText))
                .anyMatch(heading -> heading.startsWith("malware"));
        assertThat(browser.findElement(By.cssSelector("#main section li code")).getText()).matches("[a-z-]+--[0-9a-f-]{36}");
        // an ATT&CK id opens its object; a query with nothing to look for says so on the page
        for (String query : List.of("T1566", "t1566")) {
            browser.get(card);
            readyAt(card);
            browser.get(card.replaceFirst("#/.*", "#/search?q=" + query));
            ready("#/object/attack-pattern--");
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Phishing");
        }
        browser.get(card.replaceFirst("#/.*", "#/search?q=%21%21%21"));
        ready("#/search");
        assertThat(browser.findElement(By.id("search-refused")).getText()).contains("'!!!' has no words to look for");
        assertThat(browser.findElement(By.tagName("h1")).getText()).doesNotContain("Something went wrong");
        browser.get(card);
        ready("#/actor/");

        browser.findElement(By.linkText("Relationship graph")).click();
        ready("#/graph/");
        waiting().until(driver -> Integer.parseInt(driver.findElement(By.id("graph")).getAttribute("data-nodes")) > 5);
        assertThat(browser.findElements(By.cssSelector("#graph canvas"))).isNotEmpty();
        // a legend of the colours, for the types on screen only
        assertThat(browser.findElements(By.cssSelector("#graph-legend .legend-item")).stream().map(WebElement::getText))
                .contains("intrusion-set", "attack-pattern").doesNotContain("vulnerability");
        assertThat(browser.findElement(By.cssSelector("#graph-legend .swatch")).getCssValue("background-color")).startsWith("rgb");
        assertThat(browser.findElements(By.cssSelector("#graph-list li"))).hasSizeGreaterThan(5); // the keyboard's way in
        int drawn = nodesDrawn();
        selectGraphNode(1); // a neighbour: a technique or a tool of menuPass's, used by other groups too
        browser.findElement(By.xpath("//div[@id='graph-detail']//button[.='Expand']")).click();
        waiting().until(driver -> nodesDrawn() > drawn);
        int expanded = nodesDrawn();
        selectGraphNode(1);
        browser.findElement(By.xpath("//div[@id='graph-detail']//button[.='Hide']")).click();
        waiting().until(driver -> nodesDrawn() < expanded);
        browser.findElement(By.id("show-hidden")).click();
        waiting().until(driver -> nodesDrawn() == expanded);
        screenshot("03-graph");
        // what was expanded is in the address: back from an object opened here finds the graph as it was
        String expandedGraph = browser.getCurrentUrl();
        assertThat(expandedGraph).contains("#/graph/").contains("?expand=");
        browser.findElement(By.linkText("Open the object")).click();
        ready("#/actor/");
        browser.navigate().back();
        readyAt(expandedGraph);
        waiting().until(driver -> nodesDrawn() == expanded);

        // the card as of a date: the claims as they stood then, and the claim page reached from it keeps the date
        browser.get(card + "?as_of=2018-08-31");
        ready("#/actor/");
        assertThat(browser.findElement(By.id("main")).getText()).contains("Claims as of 2018-08-31", "Activity as of 2018-08-31");
        assertThat(browser.findElements(By.cssSelector("#actor-claims li")).stream().map(WebElement::getText))
                .anyMatch(line -> line.contains("MSS Tianjin") && line.endsWith("(open)"));
        browser.findElement(By.partialLinkText("MSS Tianjin")).click();
        ready("#/claim/");
        assertThat(browser.getCurrentUrl()).endsWith("?as_of=2018-08-31");
        assertThat(browser.findElement(By.id("main")).getText()).contains("— open");

        // an actor whose records carry no dated activity: nothing invented from when its records were written
        String apt3 = org.sightline.stix.json.StixJson.mapper().readTree(server.get("/api/v1/actors?q=APT3", token).body())
                .path("match").path("id").asText();
        browser.get(card.substring(0, card.indexOf("#/actor/")) + "#/actor/" + apt3);
        ready("#/actor/");
        assertThat(browser.findElement(By.id("actor-seen")).getText()).startsWith("Activity unknown").doesNotContain("First seen");
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("dormant");

        browser.get(card);
        readyAt(card); // not ready("#/actor/"): APT3's card, just drawn, would answer it
        browser.findElement(By.partialLinkText("MSS Tianjin")).click();
        ready("#/claim/");
        assertThat(browser.findElement(By.id("confidence")).getText()).matches("(?s).*\\d+ %.*");
        assertThat(browser.findElements(By.cssSelector("table tbody tr"))).hasSizeGreaterThan(2);
        waiting().until(driver -> !driver.findElements(By.cssSelector("#confidence-curve canvas")).isEmpty());
        assertThat(browser.findElement(By.id("main")).getText()).contains("Competing hypotheses: Who directs APT10's intrusions?",
                "H1: The MSS Tianjin bureau");
        screenshot("04-claim");
        String claim = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("main")).getText()).contains("confirmed on 2018-12-20");
        // as of a date before the indictment: still open, and the curve stops at the date, without December's jump
        browser.get(claim + "?as_of=2018-08-31");
        readyAt(claim + "?as_of=2018-08-31");
        waiting().until(driver -> !driver.findElements(By.cssSelector("#confidence-curve canvas")).isEmpty());
        assertThat(browser.findElement(By.id("main")).getText()).contains("— open").doesNotContain("confirmed", "2018-12-20");
        // one grade per item, in the same labelled words in the table and in the reasons: the analyst's F, the record's C then
        assertThat(browser.findElement(By.id("main")).getText()).contains("F3 as graded, C3 as weighed", "strongest F2 as graded, C2 as weighed")
                .doesNotContain("strongest graded");
        @SuppressWarnings("unchecked")
        List<String> curveDates = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('confidence-curve')).getOption().series[0].data.map(p => p[0])");
        assertThat(curveDates).isNotEmpty().allSatisfy(date -> assertThat(date.substring(0, 10)).isLessThanOrEqualTo("2018-08-31"));
        // the source's page, reached from the claim as of that date, keeps the date: its record then, not today's
        browser.findElement(By.partialLinkText("Intrusion Truth")).click();
        ready("#/source/");
        assertThat(browser.getCurrentUrl()).endsWith("?as_of=2018-08-31");
        assertThat(browser.findElement(By.id("main")).getText()).contains("Track record as of 2018-08-31");
        assertThat(browser.findElement(By.id("reliability")).getText()).contains("Reliability C", "1 confirmed", "4 open");
        assertThat(browser.findElement(By.id("as-of")).getAttribute("value")).isEqualTo("2018-08-31");
        browser.get(claim);
        readyAt(claim);
        browser.findElement(By.partialLinkText("Intrusion Truth")).click();
        ready("#/source/");
        assertThat(browser.findElement(By.id("reliability")).getText()).startsWith("Reliability ");
        waiting().until(driver -> !driver.findElements(By.cssSelector("#reliability-chart canvas")).isEmpty());
        screenshot("10-source");
        browser.get(claim);
        ready("#/claim/");

        browser.findElement(By.linkText("Exposure")).click();
        ready("#/exposure");
        assertThat(browser.findElements(By.cssSelector(".path-line")).stream().map(WebElement::getText))
                .anyMatch(path -> path.matches("(?s)menuPass\\s*→\\s*Harbor Managed IT\\s*→\\s*Northwind Engineering.*"));
        screenshot("05-exposure");
        // the as-of and top-N the API takes, kept in the address so that reload and links keep them
        WebElement asOf = browser.findElement(By.id("exposure-as-of"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '2019-01-01'", asOf);
        WebElement top = browser.findElement(By.id("exposure-top"));
        top.clear();
        top.sendKeys("3");
        browser.findElement(By.cssSelector("#exposure-form button[type=submit]")).click();
        ready("#/exposure?");
        assertThat(browser.getCurrentUrl()).endsWith("#/exposure?as_of=2019-01-01&top=3");
        browser.navigate().refresh();
        ready("#/exposure?");
        assertThat(browser.findElement(By.id("exposure-as-of")).getAttribute("value")).isEqualTo("2019-01-01");
        assertThat(browser.findElement(By.id("exposure-top")).getAttribute("value")).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector("#main section.card h2")).stream().map(WebElement::getText)
                .filter(title -> title.contains("— score"))).hasSizeBetween(1, 3);
        assertThat(browser.findElement(By.id("why-first")).getText()).startsWith("menuPass is first").contains("Harbor Managed IT");
        // grouped by supplier, kept to sightings: the Cloud Hopper C2 domain seen at the MSP, and nothing that rests on less
        String bySupplier = browser.getCurrentUrl().replaceFirst("#/exposure.*", "#/exposure?view=supplier&evidence=sighting");
        browser.get(bySupplier);
        readyAt(bySupplier); // the exposure page just drawn would answer ready("#/exposure?")
        assertThat(browser.findElement(By.id("exposure-view")).getAttribute("value")).isEqualTo("supplier");
        assertThat(browser.findElement(By.id("evidence-sighting")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("evidence-country")).isSelected()).isFalse();
        List<WebElement> groups = browser.findElements(By.cssSelector(".supplier-group"));
        assertThat(groups).isNotEmpty();
        assertThat(groups.get(0).findElement(By.tagName("h2")).getText()).startsWith("Harbor Managed IT");
        assertThat(browser.findElements(By.cssSelector(".supplier-group .path"))).isNotEmpty().allSatisfy(path ->
                assertThat(path.findElements(By.cssSelector(".evidence .tag"))).anySatisfy(tag -> assertThat(tag.getText()).contains("sighting")));
        browser.findElement(By.id("evidence-country")).click(); // a change applies at once and lands in the address
        ready("#/exposure?");
        waiting().until(driver -> driver.getCurrentUrl().contains("evidence=sighting,country"));
        screenshot("05b-exposure-by-supplier");
        noConsoleErrors();

        browser.findElement(By.linkText("Sightings")).click();
        ready("#/sightings");
        assertThat(browser.findElement(By.cssSelector("table tbody")).getText()).contains("Cloud Hopper C2 domain", "menuPass",
                "Harbor Managed IT");
        waiting().until(driver -> !driver.findElements(By.cssSelector("#sightings-chart canvas")).isEmpty());
        screenshot("09-sightings");
        // nothing kept on this server: the hunt card says how to keep logs, and a hunt says it read none
        assertThat(browser.findElement(By.id("hunt-logs")).getText()).contains("No logs kept yet", "match --keep");
        new Select(browser.findElement(By.id("hunt-indicators"))).selectByValue("all");
        browser.findElement(By.cssSelector("#hunt-form button[type=submit]")).click();
        waiting().until(driver -> driver.findElement(By.id("hunt-result")).getAttribute("data-done") != null);
        assertThat(browser.findElement(By.id("hunt-status")).getText()).matches("\\d+ indicators over 0 logs \\(0 records\\): 0 sightings found retrospectively\\.");

        browser.findElement(By.linkText("Exposure")).click();
        ready("#/exposure");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        ready("#/exposure");
        screenshot("06-exposure-390px");
        for (String page : List.of(card, claim, browser.getCurrentUrl().replace("#/exposure", "#/sightings"))) {
            browser.get(page);
            ready(page.substring(page.indexOf('#'), page.indexOf('#') + 6));
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("sideways scrolling of %s at 390 px", page).isLessThanOrEqualTo(1);
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
        noConsoleErrors();
    }
}
