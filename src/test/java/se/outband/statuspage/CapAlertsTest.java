package se.outband.statuspage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.access.Roles;

/**
 * An alerting system reads the status page as CAP 1.2: it follows the Atom index to each alert, and every alert
 * validates against a schema written from the standard's data dictionary, however hostile the leader's text.
 */
@QuarkusTest
class CapAlertsTest {

    /** The test profile's outband.public-url: links in the files are absolute, the requests here are not. */
    private static final String PUBLIC = "https://outband.test";
    private static final String CAP = CapXml.CAP_NAMESPACE;
    /** Ends a CDATA section and the alert, opens an element, and carries characters XML 1.0 cannot hold. */
    private static final String HOSTILE = "]]></alert><x>&amp; \"'\u0001\u000B\uFFFF";
    private static final Schema SCHEMA = schema();

    @Inject
    StatusSite site;

    @BeforeEach
    void emptyStatusPage() {
        StatusPageFixtures.clear();
        site.render();
    }

    @Test
    void anIncidentsUpdatesAreAlertUpdateAndCancelEachValidAndReferencingTheEarlier() throws Exception {
        String name = "E-post " + UUID.randomUUID();
        long system = as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("name", name, "state", "down", "priority", 1))
                .post("/api/status/services").then().statusCode(201).extract().<Number>path("id").longValue();
        long id = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("title", "IT-angrepp " + HOSTILE, "text", "Allt ligger nere " + HOSTILE, "titleEn", "Cyber attack",
                        "textEn", "Everything is down", "services", List.of(system), "notifySubscribers", false))
                .post("/api/status/incidents").then().statusCode(201).extract().<Number>path("id").longValue();
        update(id, Map.of("text", "Orsaken är känd.", "state", "identified"));
        update(id, Map.of("text", "Vi återställer.", "textEn", "We are restoring.", "state", "monitoring"));
        update(id, Map.of("text", "Allt fungerar igen.", "textEn", "Everything works again.", "state", "resolved"));

        List<Document> alerts = alertsOfIndex();
        assertEquals(4, alerts.size(), "one alert per update");
        assertEquals(List.of("Alert", "Update", "Update", "Cancel"), alerts.stream().map(a -> text(a, "msgType")).toList());
        List<String> extendedIds = new ArrayList<>();
        for (Document alert : alerts) {
            assertEquals("outband.test", text(alert, "sender"), "the host of the status page's public address");
            assertEquals("Actual", text(alert, "status"), "the status page has no drills");
            assertEquals("Public", text(alert, "scope"));
            assertEquals("outband-incident-" + id, text(alert, "incidents"));
            String sent = text(alert, "sent");
            OffsetDateTime at = OffsetDateTime.parse(sent);
            assertEquals(ZoneId.of("Europe/Stockholm").getRules().getOffset(at.toInstant()), at.getOffset(), "Swedish time: " + sent);
            assertEquals(extendedIds.isEmpty() ? null : String.join(" ", extendedIds), optionalText(alert, "references"),
                    "every earlier alert of the incident, as sender,identifier,sent");
            extendedIds.add(text(alert, "sender") + "," + text(alert, "identifier") + "," + sent);
        }
        assertEquals(4, extendedIds.stream().distinct().count(), "identifiers are unique");

        Element opened = infos(alerts.get(0)).get(0);
        assertEquals(List.of("sv-SE", "en-US"), infos(alerts.get(0)).stream().map(i -> text(i, "language")).toList());
        assertEquals("IT-angrepp ]]></alert><x>&amp; \"'", text(opened, "headline"), "the text as typed, minus invisible characters");
        assertEquals("Allt ligger nere ]]></alert><x>&amp; \"'", text(opened, "description"));
        assertEquals("Infra", text(opened, "category"));
        assertEquals("Driftstörning i IT-system", text(opened, "event"));
        assertEquals(List.of("Immediate", "Severe", "Observed"), List.of(text(opened, "urgency"), text(opened, "severity"),
                text(opened, "certainty")), "a system was down when it was opened");
        assertEquals("Exempelby kommun", text(opened, "senderName"));
        assertEquals(PUBLIC + "/status/incidents/" + id + ".html", text(opened, "web"));
        assertEquals("Telefon: 0520-49 70 00", text(opened, "contact"), "the status page's hotline");
        Element english = infos(alerts.get(0)).get(1);
        assertEquals("Cyber attack", text(english, "headline"));
        assertEquals("Everything is down", text(english, "description"));
        assertEquals("IT service disruption", text(english, "event"));
        assertEquals(PUBLIC + "/status/en/incidents/" + id + ".html", text(english, "web"));
        assertEquals("Phone: 0520-49 70 00", text(english, "contact"));
        assertEquals(List.of("sv-SE"), infos(alerts.get(1)).stream().map(i -> text(i, "language")).toList(),
                "no English block where no English text was given");
        Element cancelled = infos(alerts.get(3)).get(0);
        assertEquals(List.of("Past", "Minor", "AllClear"), List.of(text(cancelled, "urgency"), text(cancelled, "severity"),
                text(cancelled, "responseType")));

        String identifier = text(alerts.get(0), "identifier");
        String before = alert(identifier);
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("name", name, "state", "operational", "priority", 1))
                .put("/api/status/services/" + system).then().statusCode(200);
        assertEquals(before, alert(identifier), "an alert says what was true when it was sent, on every later render");
    }

    @Test
    void theWriterDropsWhatXmlCannotHoldAndTheSchemaRefusesWhatCapForbids() throws Exception {
        CapXml.Info info = new CapXml.Info("sv-SE", "Infra", "Driftstörning", null, "Immediate", "Unknown", "Observed", null,
                "A\u0000B\uD800C\uFFFE" + HOSTILE, null, null, null, "Exempelby");
        String valid = CapXml.alert(new CapXml.Alert("id-1", "outband.test", "2026-12-06T14:25:00+01:00", "Actual", "Alert", "Public",
                List.of(), null, List.of(info)));
        validate(valid);
        assertEquals("ABC]]></alert><x>&amp; \"'", text(parse(valid).getDocumentElement(), "headline"));

        assertThrows(SAXException.class, () -> validate(valid.replace("+01:00", "Z")), "CAP forbids Z");
        assertThrows(SAXException.class, () -> validate(valid.replace("<msgType>Alert", "<msgType>Notice")));
        assertThrows(SAXException.class, () -> validate(valid.replace("<scope>Public</scope>", "")), "scope is required");
        assertThrows(SAXException.class, () -> validate(valid.replace("<urgency>Immediate</urgency>", "")
                .replace("</severity>", "</severity><urgency>Immediate</urgency>")), "info's fields come in the standard's order");
    }

    /** The status page knows no drills, so its alerts are all Actual: a drill bulletin may not reach it. */
    @Test
    void aDrillBulletinIsNotPostedOnThePublicPageWhereItWouldBeAnActualAlert() throws Exception {
        as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("text", "Övning: e-posten ligger nere.", "groups", List.of("Alla"), "drill", true, "statusUpdate", true))
                .post("/api/bulletins").then().statusCode(400)
                .body("error", startsWith("En övning läggs inte ut på statussidan"));
        assertTrue(alertsOfIndex().isEmpty(), "nothing reached the page");
        assertEquals(0, StatusPageFixtures.incidents(), "no incident was opened");
    }

    @Test
    void anEmptyPageHasAnEmptyIndexThatEveryPageLeadsTo() throws Exception {
        SyndFeed index = new SyndFeedInput().build(new StringReader(given().get("/status/cap.xml").then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asString()));
        assertTrue(index.getEntries().isEmpty());
        assertEquals(PUBLIC + "/status/cap.xml", index.getUri());
        assertEquals("Exempelby kommun: driftstatus som CAP-meddelanden", index.getTitle());
        for (String page : List.of("/status/", "/status/en/", "/status/history.html")) {
            String href = Jsoup.parse(given().get(page).then().statusCode(200).extract().asString(), PUBLIC + page)
                    .selectFirst("head link[rel=alternate][href$=cap.xml]").absUrl("href");
            assertEquals(PUBLIC + "/status/cap.xml", href, "every page leads alerting systems to the index: " + page);
        }
    }

    private static void update(long incident, Map<String, Object> body) {
        Map<String, Object> quiet = new HashMap<>(body);
        quiet.put("notifySubscribers", false);
        as(Roles.SENDER).contentType(ContentType.JSON).body(quiet).post("/api/status/incidents/" + incident + "/updates").then()
                .statusCode(201);
    }

    /** Follows the index's links, oldest first, validating each alert on the way. */
    private static List<Document> alertsOfIndex() throws Exception {
        SyndFeed index = new SyndFeedInput().build(new StringReader(given().get("/status/cap.xml").then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asString()));
        List<Document> alerts = new ArrayList<>();
        Instant previous = Instant.MAX;
        for (SyndEntry entry : index.getEntries()) {
            assertFalse(entry.getPublishedDate() == null && entry.getUpdatedDate() == null, "each entry says when");
            Instant updated = entry.getUpdatedDate().toInstant();
            assertTrue(!updated.isAfter(previous), "newest first");
            previous = updated;
            String link = entry.getLinks().get(0).getHref();
            assertEquals("application/cap+xml", entry.getLinks().get(0).getType());
            assertTrue(link.startsWith(PUBLIC + "/status/cap/"), link);
            String xml = given().get(link.substring(PUBLIC.length())).then().statusCode(200)
                    .contentType(startsWith("application/cap+xml")).extract().asString();
            validate(xml);
            Document alert = parse(xml);
            assertEquals(OffsetDateTime.parse(text(alert, "sent")).toInstant(), updated, "the entry is dated as its alert");
            assertNotEquals(null, entry.getTitle());
            alerts.add(0, alert);
        }
        return alerts;
    }

    private static String alert(String identifier) {
        return given().get("/status/cap/" + identifier + ".xml").then().statusCode(200).extract().asString();
    }

    private static List<Element> infos(Document alert) {
        NodeList nodes = alert.getElementsByTagNameNS(CAP, "info");
        List<Element> infos = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            infos.add((Element) nodes.item(i));
        }
        return infos;
    }

    private static String text(Document document, String name) {
        return text(document.getDocumentElement(), name);
    }

    private static String text(Element element, String name) {
        String text = optionalText(element, name);
        assertNotEquals(null, text, name + " is missing");
        return text;
    }

    private static String optionalText(Document document, String name) {
        return optionalText(document.getDocumentElement(), name);
    }

    private static String optionalText(Element element, String name) {
        NodeList nodes = element.getElementsByTagNameNS(CAP, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static void validate(String xml) throws Exception {
        SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Schema schema() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(CapAlertsTest.class.getResource("/cap/cap-1.2.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("The CAP schema does not load", e);
        }
    }
}
