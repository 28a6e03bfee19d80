package se.outband.statuspage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.MessagingTestSupport.awaitNothingLeftToSend;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import se.outband.TestFolders;
import se.outband.AtOnce;
import se.outband.access.Roles;

@QuarkusTest
class StatusPageTest {

    static final String HOSTILE = "<script>alert('x')</script><img src=https://evil.example/x.png> IT-attack";

    @Inject
    StatusSite site;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void emptyStatusPage() throws Exception {
        StatusPageFixtures.clear();
        Files.deleteIfExists(TestFolders.ownFolder().resolve("publish-should-fail"));
        site.render();
    }

    static long system(String name, String state, int priority, String note) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "state", state, "priority", priority));
        if (note != null) {
            body.put("note", note);
        }
        return as(Roles.SENDER).contentType(ContentType.JSON).body(body).post("/api/status/services")
                .then().statusCode(201).extract().<Number>path("id").longValue();
    }

    static long incident(String title, String text, List<Long> services) {
        return as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("title", title, "text", text, "services", services))
                .post("/api/status/incidents").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    static void update(long incident, String text, String state) {
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("text", text, "state", state))
                .post("/api/status/incidents/" + incident + "/updates").then().statusCode(201);
    }

    @Test
    void aSystemIsRenamedAndDeletedAndLeavesItsIncidentsInPlace() throws Exception {
        long switchboard = system("Växel", "down", 1, null);
        long mail = system("E-post", "down", 2, null);
        incident("Avbrott", "Växel och e-post ligger nere.", List.of(switchboard, mail));
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("name", "Telefonväxel", "state", "down", "priority", 1))
                .put("/api/status/services/" + switchboard).then().statusCode(200).body("name", equalTo("Telefonväxel"));
        as(Roles.SENDER).delete("/api/status/services/" + mail).then().statusCode(204);
        as(Roles.SENDER).delete("/api/status/services/" + mail).then().statusCode(404);

        Document page = page("/status/");
        assertEquals(List.of("Telefonväxel"), page.select(".systems .name").eachText());
        assertTrue(page.selectFirst("article").text().contains("Berörda system: Telefonväxel"), page.selectFirst("article").text());
        assertFalse(page.selectFirst("article").text().contains("E-post"), "a deleted system is no longer listed as affected");
        asAdmin().get("/api/audit?size=5").then().body("entries.action", hasItem("status.system-deleted"));
    }

    static Document page(String path) {
        String html = given().get(path).then().statusCode(200)
                .header("Cache-Control", containsString("max-age")).extract().asString();
        return Jsoup.parse(html);
    }

    @Test
    void thePageShowsBannerRestorationOrderIncidentsAndHowToReachUs() {
        long mail = system("E-post", "down", 2, "Krypterad. Använd SMS.");
        long phone = system("IP-telefoni", "restoring", 1, null);
        system("Lönesystem", "operational", 3, null);
        long id = incident("IT-attack mot kommunen", "Kommunens IT-system är utslagna.", List.of(mail, phone));
        update(id, "Telefonin återställs först, sedan e-post.", "identified");

        Document sv = page("/status/");
        assertEquals("sv", sv.selectFirst("html").attr("lang"));
        assertEquals("Störning: system ligger nere", sv.selectFirst(".banner").text());
        assertEquals(List.of("IP-telefoni", "E-post", "Lönesystem"), sv.select(".systems .name").eachText());
        assertEquals(List.of("Återställs", "Ligger nere", "Fungerar"), sv.select(".systems li > .state").eachText());
        assertEquals("Krypterad. Använd SMS.", sv.selectFirst(".systems .note").text());
        Element incident = sv.selectFirst("article");
        assertEquals("IT-attack mot kommunen", incident.selectFirst("h3").text());
        assertEquals(List.of("Telefonin återställs först, sedan e-post.", "Kommunens IT-system är utslagna."),
                incident.select(".updates li > p:nth-of-type(2)").eachText(), "newest update first");
        assertTrue(incident.text().contains("Berörda system: E-post, IP-telefoni"), incident.text());
        assertTrue(sv.text().contains("0520-49 70 00") && sv.text().contains("Stadshuset, Torget 1"), "how to reach us");
        assertEquals(List.of("tel:+46520497000", "sms:+46725000000"), sv.select("dl.contact a").eachAttr("href"),
                "a tap calls the hotline or writes to the SMS number");
        assertTrue(sv.selectFirst("footer").text().matches("(?s).*Senast uppdaterad: \\d{1,2} \\p{L}+ \\d{4} kl\\. \\d{2}:\\d{2}.*"),
                sv.selectFirst("footer").text());
        assertEquals("https://outband.test/app/", sv.selectFirst("footer a.sign-in").attr("href"),
                "leaders find the sign-in from the public page, wherever it is published");
        assertEquals("Inloggning för krisledningen", sv.selectFirst("footer a.sign-in").text());

        Document en = page("/status/en/");
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals("Disruption: systems are down", en.selectFirst(".banner").text());
        assertEquals("Being restored", en.selectFirst(".systems li > .state").text());
        assertEquals("../index.html", en.selectFirst(".lang a").attr("href"));

        Document incidentPage = page("/status/incidents/" + id + ".html");
        assertEquals("IT-attack mot kommunen", incidentPage.selectFirst("h1").text());
        assertEquals("../index.html", incidentPage.select("main a").last().attr("href"));
    }

    @Test
    void englishPagesShowTheEnglishVersionsAndMarkTheSwedishTextsTheyFallBackTo() throws Exception {
        long mail = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("name", "E-post", "state", "down", "priority", 1, "note", "Krypterad.",
                        "nameEn", "Email", "noteEn", "Encrypted."))
                .post("/api/status/services").then().statusCode(201)
                .body("nameEn", equalTo("Email")).body("noteEn", equalTo("Encrypted.")).extract().<Number>path("id").longValue();
        long payroll = system("Lönesystem", "restoring", 2, "Återställs i natt.");
        long id = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("title", "IT-attack", "text", "Systemen är utslagna.", "services", List.of(mail, payroll),
                        "titleEn", "Cyber attack", "textEn", "The systems are down."))
                .post("/api/status/incidents").then().statusCode(201)
                .body("titleEn", equalTo("Cyber attack")).body("updates[0].textEn", equalTo("The systems are down."))
                .extract().<Number>path("id").longValue();
        update(id, "Lönen betalas ut som vanligt.", "identified");

        Document en = page("/status/en/");
        assertEquals("en", en.selectFirst("html").attr("lang"));
        List<Element> names = en.select(".systems .name");
        assertEquals(List.of("Email", "Lönesystem"), names.stream().map(Element::text).toList());
        assertEquals(List.of("", "sv"), names.stream().map(e -> e.attr("lang")).toList(), "only the Swedish name is marked");
        assertEquals(List.of("Encrypted.", "Återställs i natt."), en.select(".systems .note").eachText());
        assertEquals(List.of("", "sv"), en.select(".systems .note").stream().map(e -> e.attr("lang")).toList());
        Element incident = en.selectFirst("article");
        assertEquals("Cyber attack", incident.selectFirst("h3 a").text());
        assertFalse(incident.selectFirst("h3 a").hasAttr("lang"));
        List<Element> texts = incident.select(".updates li > p:nth-of-type(2)");
        assertEquals(List.of("Lönen betalas ut som vanligt.", "The systems are down."), texts.stream().map(Element::text).toList());
        assertEquals(List.of("sv", ""), texts.stream().map(e -> e.attr("lang")).toList());
        Element affected = incident.selectFirst("p:contains(Affected systems)");
        assertEquals("Affected systems: Email, Lönesystem", affected.text());
        assertEquals(List.of("Lönesystem"), affected.select("[lang=sv]").eachText(), "only the Swedish name is marked");
        assertEquals("sv", en.selectFirst(".org").attr("lang"), "the organisation's Swedish name");
        assertEquals("sv", en.selectFirst("dl.contact dd:contains(Stadshuset)").attr("lang"));

        Document incidentPage = page("/status/en/incidents/" + id + ".html");
        assertEquals("Cyber attack", incidentPage.selectFirst("h1").text());
        assertTrue(incidentPage.select("h1 [lang]").isEmpty(), "an English title is not marked");

        // The Swedish pages are Swedish throughout: nothing in them is marked as another language.
        Document sv = page("/status/");
        assertEquals(List.of("E-post", "Lönesystem"), sv.select(".systems .name").eachText());
        assertEquals("IT-attack", sv.selectFirst("article h3").text());
        assertTrue(sv.select("body [lang]").isEmpty(), sv.select("body [lang]").toString());

        // Each feed's words are in its language; Swedish left in the English one is marked as such.
        String atom = given().get("/status/en/feed.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertEquals("https://outband.test/status/en/incidents/" + id + ".html", feed.getEntries().get(0).getLink());
        Document xml = Jsoup.parse(atom, "", org.jsoup.parser.Parser.xmlParser());
        assertEquals("en", xml.selectFirst("feed").attr("xml:lang"));
        List<Element> entries = xml.select("entry");
        assertEquals("Cyber attack", entries.get(0).selectFirst("title").text());
        assertFalse(entries.get(0).selectFirst("title").hasAttr("xml:lang"));
        assertEquals("Identified", entries.get(0).selectFirst("category").attr("label"));
        assertEquals("sv", entries.get(0).selectFirst("content").attr("xml:lang"));
        assertEquals("The systems are down.", entries.get(1).selectFirst("content").text());
        assertFalse(entries.get(1).selectFirst("content").hasAttr("xml:lang"));
        assertEquals("feed.atom", en.selectFirst("footer a[href$=feed.atom]").attr("href"), "the English pages offer the English feed");

        // Like the note, an English version left out of a change is removed with it.
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("name", "E-post", "state", "operational"))
                .put("/api/status/services/" + mail).then().statusCode(200).body("nameEn", org.hamcrest.Matchers.nullValue());
        assertEquals("sv", page("/status/en/").selectFirst(".systems .name:contains(E-post)").attr("lang"));
    }

    @Test
    void aLeaderGivesTheEnglishVersionsInTheStatusEditor() {
        Map<String, String> cookies = se.outband.TestApi.signInToUi("english-editor", List.of(Roles.SENDER));
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> form = () -> given().redirects().follow(false)
                .cookies(cookies).header("Sec-Fetch-Site", "same-origin").formParam("csrf", cookies.get("outband-csrf"));
        assertEquals(303, form.get().formParams(Map.of("name", "Växel", "state", "down", "nameEn", "Switchboard",
                "noteEn", "Call the mobile number instead.")).post("/app/status/services").statusCode());
        long system = as(Roles.SENDER).get("/api/status/services").then().extract().<Number>path("find { it.name == 'Växel' }.id").longValue();
        assertEquals(303, form.get().formParams(Map.of("title", "Växeln nere", "text", "Ring mobilnumret.", "titleEn", "Switchboard down",
                "textEn", "Call the mobile number.", "services", String.valueOf(system))).post("/app/status/incidents").statusCode());
        long incident = as(Roles.SENDER).get("/api/status/incidents").then().extract().<Number>path("[0].id").longValue();
        assertEquals(303, form.get().formParams(Map.of("text", "Växeln fungerar.", "textEn", "The switchboard works.", "state", "resolved"))
                .post("/app/status/incidents/" + incident + "/updates").statusCode());

        Document en = page("/status/en/incidents/" + incident + ".html");
        assertEquals("Switchboard down", en.selectFirst("h1").text());
        assertEquals(List.of("The switchboard works.", "Call the mobile number."), en.select(".updates li > p:nth-of-type(2)").eachText());
        assertTrue(en.text().contains("Affected systems: Switchboard"), en.text());

        Document editor = Jsoup.parse(given().cookies(cookies).get("/app/status").then().statusCode(200).extract().asString());
        assertEquals("Switchboard", editor.selectFirst("#name-en-" + system).attr("value"));
        assertTrue(editor.selectFirst("#name-en-" + system).parent().hasAttr("open"), "given English texts are shown, not folded away");
        assertEquals("På engelska (valfritt)", editor.selectFirst("details summary").text());
    }

    @Test
    void withoutAnAccessibilityContactTheStatementPointsToHowToReachUs() {
        Document statement = page("/status/accessibility.html");
        assertTrue(statement.select("main .report-to").isEmpty(), "no contact is configured in the tests' settings");
        assertEquals(List.of("Telefon", "SMS", "Besöksadress"), statement.select("main dl.contact dt").eachText());
        assertEquals("tel:+46520497000", statement.selectFirst("main dl.contact dd a").attr("href"));
        Document incident = page("/status/incidents/" + incident("Störning", "Text", List.of()) + ".html");
        assertEquals("../accessibility.html", incident.selectFirst("footer a.accessibility").attr("href"));
    }

    @Test
    void aHostileTitleNeverBecomesMarkup() {
        long id = incident(HOSTILE, "<b>fet</b> & \"citat\"", List.of());
        for (String path : List.of("/status/", "/status/en/", "/status/incidents/" + id + ".html")) {
            String html = given().get(path).then().statusCode(200).extract().asString();
            Document doc = Jsoup.parse(html);
            // The one script is the page's own subscribe.js, written by the template, never from text.
            String markup = "script:not([src$=subscribe.js]), img, b";
            assertTrue(doc.select(markup).isEmpty(), path + " has markup from text: " + doc.select(markup));
            assertTrue(doc.text().contains(HOSTILE), path);
            assertTrue(doc.text().contains("<b>fet</b> & \"citat\""), path);
        }
        assertTrue(given().get("/status/feed.atom").asString().contains("&lt;script&gt;"));
    }

    @Test
    void everyPageIsSmallSelfContainedAndItsOnlyScriptIsTheForms() throws Exception {
        long a = system("E-post", "down", 1, "x".repeat(500));
        incident("Störning", "Text", List.of(a));
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site.current().toRealPath())) {
            pages = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertTrue(pages.size() >= 6, () -> "sv+en index, history and incident pages: " + pages);
        for (Path file : pages) {
            String html = Files.readString(file);
            assertTrue(html.length() < 30 * 1024, file + " is " + html.length() + " bytes");
            Document doc = Jsoup.parse(html);
            assertTrue(doc.select("link[rel=stylesheet], img, iframe, object, embed").isEmpty(), file.toString());
            // The only script is the subscription form's, from the site's own folder, and the form works without it.
            assertTrue(doc.select("script").stream().allMatch(script -> script.attr("src").endsWith("subscribe.js") && script.data().isEmpty()),
                    file + ": " + doc.select("script"));
            // One way out: the leaders' sign-in on Outband itself. The poster is for paper: it calls and texts,
            // and on screen links to the accessibility statement beside it.
            if (file.getFileName().toString().equals("poster.html")) {
                assertTrue(doc.select("a").eachAttr("href").stream().allMatch(h -> h.startsWith("tel:") || h.startsWith("sms:")
                        || h.endsWith("accessibility.html") && !h.contains(":")), doc.select("a").toString());
                continue;
            }
            // Shown at any address by a static host: it links to the status page's public address.
            if (file.getFileName().toString().equals("404.html")) {
                assertTrue(doc.select("a").eachAttr("href").stream().allMatch(h -> h.startsWith("https://outband.test/status/")),
                        doc.select("a").toString());
                continue;
            }
            assertEquals("https://outband.test/app/", doc.selectFirst("a.sign-in").attr("href"), file.toString());
            // ... and, on the accessibility statement, the supervisory authority's form, as the law asks.
            for (Element linked : doc.select("[href]:not(a.sign-in):not(a.digg), [src]")) {
                String url = linked.hasAttr("href") ? linked.attr("href") : linked.attr("src");
                assertFalse(url.startsWith("http:") || url.startsWith("https:") || url.startsWith("//"),
                        file + " loads or links outside the folder: " + url);
            }
        }
    }

    @Test
    void theAtomFeedParsesWithAFeedReader() throws Exception {
        long id = incident("Växeln ligger nere", "Ring 0520-49 70 00 i stället.", List.of());
        update(id, "Växeln fungerar igen.", "resolved");
        String atom = given().get("/status/feed.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertEquals("Exempelby kommun", feed.getTitle());
        assertEquals("sv", Jsoup.parse(atom, "", org.jsoup.parser.Parser.xmlParser()).selectFirst("feed").attr("xml:lang"));
        List<SyndEntry> entries = feed.getEntries();
        assertEquals(2, entries.size());
        assertEquals("Växeln ligger nere", entries.get(0).getTitle());
        // The state in the feed's own words: a Swedish feed has no English in it.
        Element category = Jsoup.parse(atom, "", org.jsoup.parser.Parser.xmlParser()).selectFirst("entry category");
        assertEquals("resolved", category.attr("term"));
        assertEquals("Åtgärdat", category.attr("label"));
        assertEquals("Växeln fungerar igen.", entries.get(0).getContents().get(0).getValue());
        assertEquals("https://outband.test/status/incidents/" + id + ".html", entries.get(0).getLink());
        assertTrue(entries.get(0).getUpdatedDate().after(entries.get(1).getUpdatedDate())
                || entries.get(0).getUpdatedDate().equals(entries.get(1).getUpdatedDate()));
    }

    @Test
    void statusJsonHasTheDocumentedShape() throws Exception {
        long mail = system("E-post", "degraded", 1, null);
        long id = incident("Långsam e-post", "Vi undersöker.", List.of(mail));
        JsonNode summary = json.readTree(given().get("/status/status.json").then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString());
        assertEquals("Exempelby kommun", summary.at("/page/name").asText());
        assertEquals("https://outband.test/status/", summary.at("/page/url").asText());
        assertEquals("minor", summary.at("/status/indicator").asText());
        assertEquals("degraded", summary.at("/status/state").asText());
        assertEquals("E-post", summary.at("/components/0/name").asText());
        assertEquals("degraded", summary.at("/components/0/status").asText());
        assertEquals(1, summary.at("/components/0/position").asInt());
        assertEquals(id, summary.at("/incidents/0/id").asLong());
        assertEquals("investigating", summary.at("/incidents/0/status").asText());
        assertEquals(mail, summary.at("/incidents/0/components/0").asLong());
        assertEquals("Vi undersöker.", summary.at("/incidents/0/incident_updates/0/body").asText());
        assertTrue(summary.at("/resolved_incidents").isArray());
    }

    @Test
    void readersNeverSeeAHalfWrittenSite() throws Exception {
        long id = system("E-post", "down", 1, null);
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> broken = Collections.synchronizedList(new ArrayList<>());
        List<Integer> reads = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try {
                    Path current = site.current();
                    String html = Files.readString(current.resolve("index.html"));
                    String summary = Files.readString(current.resolve("status.json"));
                    json.readTree(summary);
                    if (!html.strip().endsWith("</html>") || !html.contains("class=\"banner")) {
                        broken.add(html.length() + " bytes: " + html.substring(Math.max(0, html.length() - 60)));
                    }
                    reads.add(html.length());
                } catch (Exception e) {
                    broken.add(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 25; i++) {
            as(Roles.SENDER).contentType(ContentType.JSON)
                    .body(Map.of("name", "E-post", "state", i % 2 == 0 ? "restoring" : "down", "note", "Ändring " + i))
                    .put("/api/status/services/" + id).then().statusCode(200);
        }
        running.set(false);
        reader.join();
        assertTrue(reads.size() > 25, "the reader kept reading: " + reads.size());
        assertEquals(List.of(), broken);
        assertTrue(page("/status/").text().contains("Ändring 24"));
    }

    @Test
    void thePublishCommandGetsTheFolderAndItsFailureIsReportedWithoutStoppingTheRender() throws Exception {
        system("E-post", "down", 1, "Publicerad");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(Roles.SENDER).get("/api/status/publish").then()
                .statusCode(200).body("exitCode", equalTo(0)).body("outputTail", containsString("published")));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(TestFolders.ownFolder().resolve("published/index.html"))
                .equals(Files.readString(site.current().resolve("index.html"))));

        Files.writeString(TestFolders.ownFolder().resolve("publish-should-fail"), "");
        system("Telefoni", "down", 2, "Efter misslyckad publicering");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(Roles.SENDER).get("/api/status/publish").then()
                .body("exitCode", equalTo(3))
                .body("outputTail", containsString("upload refused")));
        assertTrue(page("/status/").text().contains("Efter misslyckad publicering"), "the render went on");
    }

    @Test
    void changesAreValidatedAndAudited() {
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("name", "E-post", "state", "broken"))
                .post("/api/status/services").then().statusCode(400).body("error", containsString("operational"));
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("state", "down"))
                .post("/api/status/services").then().statusCode(400);
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("name", "E-post", "priority", 0))
                .post("/api/status/services").then().statusCode(400);
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("text", "x"))
                .post("/api/status/incidents/424242/updates").then().statusCode(404);
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("title", "x", "text", "y", "state", "over"))
                .post("/api/status/incidents").then().statusCode(400);
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("name", "E-post"))
                .post("/api/status/services").then().statusCode(403);

        long id = system("E-post", "down", 1, null);
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("name", "E-post", "state", "operational"))
                .put("/api/status/services/" + id).then().statusCode(200).body("priority", equalTo(1));
        long incident = incident("Händelse", "Text", List.of(id));
        update(incident, "Löst", "resolved");
        asAdmin().get("/api/audit?size=10").then()
                .body("entries.action", hasItem("status.system-created"))
                .body("entries.action", hasItem("status.system-changed"))
                .body("entries.action", hasItem("status.incident-opened"))
                .body("entries.action", hasItem("status.incident-updated"));
        Document history = page("/status/history.html");
        assertEquals(List.of("Händelse"), history.select("main li a").eachText());
    }

    @Test
    void aBulletinCanAlsoPostToTheStatusPage() {
        replaceContacts("id,name,mobile\ns1,Sara Status,070-174 06 20\n");
        long first = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("text", "E-posten ligger nere.\nAnvänd telefon.", "contactIds", List.of("s1"), "statusUpdate", true))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();
        as(Roles.SENDER).get("/api/status/incidents").then()
                .body("[0].title", equalTo("E-posten ligger nere."))
                .body("[0].updates[0].text", equalTo("E-posten ligger nere.\nAnvänd telefon."));

        long second = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("text", "Nu fungerar telefonen igen.", "contactIds", List.of("s1"), "statusUpdate", true))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();
        as(Roles.SENDER).get("/api/status/incidents").then()
                .body("size()", equalTo(1))
                .body("[0].updates.size()", equalTo(2))
                .body("[0].updates[0].text", equalTo("Nu fungerar telefonen igen."));
        assertTrue(page("/status/").text().contains("Nu fungerar telefonen igen."));
        awaitNothingLeftToSend(first);
        awaitNothingLeftToSend(second);
    }

    /** Two leaders posting at the same moment (on two instances): one incident, both updates in it. */
    @Test
    void twoBulletinsPostedAtOnceOpenOneIncident() throws Exception {
        replaceContacts("id,name,mobile\ns1,Sara Status,070-174 06 20\n");
        List<Long> sent = new CopyOnWriteArrayList<>();
        List<Callable<Integer>> both = List.of(1, 2).stream()
                .<Callable<Integer>>map(i -> () -> {
                    Response answer = as(Roles.SENDER).contentType(ContentType.JSON)
                            .body(Map.of("text", "Samtidigt " + i, "contactIds", List.of("s1"), "statusUpdate", true))
                            .post("/api/bulletins");
                    if (answer.statusCode() == 201) {
                        sent.add(answer.<Number>path("id").longValue());
                    }
                    return answer.statusCode();
                })
                .toList();
        assertEquals(List.of(201, 201), AtOnce.run(both));
        as(Roles.SENDER).get("/api/status/incidents").then()
                .body("size()", equalTo(1))
                .body("[0].updates.size()", equalTo(2));
        for (long id : sent) {
            awaitNothingLeftToSend(id);
        }
    }

    @Test
    void unknownFilesAre404AndTheFolderCannotBeLeft() {
        given().get("/status/nothing.html").then().statusCode(404);
        // Leaving the folder is refused: by the site's own path check, or earlier as an address no page has.
        given().get("/status/../../application.properties").then().statusCode(org.hamcrest.Matchers.oneOf(400, 401, 404))
                .body(org.hamcrest.Matchers.not(containsString("quarkus")));
        given().urlEncodingEnabled(false).get("/status/%2e%2e/%2e%2e/db/outband.mv.db").then().statusCode(400);
        given().redirects().follow(false).get("/status").then().statusCode(301).header("Location", containsString("/status/"));
    }
}
