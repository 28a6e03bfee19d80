package se.outband.messaging.bulletins;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/** The report's CSV file: one row per recipient in words, nothing a spreadsheet would run, audited, for senders only. */
@QuarkusTest
class ReachReportExportTest {

    @AfterEach
    void reset() {
        FakeProviders.reset();
    }

    @Test
    void theCsvSaysEachOutcomeInWordsRunsNoFormulaAndIsAudited() throws Exception {
        String p = "x" + UUID.randomUUID().toString().substring(0, 6);
        TestApi.asAdmin().contentType("text/csv").body(("id,name,mobile,groups,unit\n"
                + p + "1,=HYPERLINK(\"http://evil.example\"),070-7100001," + p + ",Socialtjänst\n"
                + p + "2,Berit Fel,070-7100002," + p + ",-1+1\n"
                + p + "3,Cesar Väntar,070-7100003," + p + ",\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=merge").then().statusCode(200);
        long id = MessagingTestSupport.sendOk(Map.of("text", "Övning", "groups", List.of(p), "drill", true));
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Delivery.count("bulletinId = ?1 and state in ?2", id, List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
        QuarkusTransaction.requiringNew().run(() -> {
            for (Delivery d : Delivery.<Delivery>list("bulletinId", id)) {
                if (d.address.endsWith("1")) {
                    d.state = DeliveryState.DELIVERED;
                    d.reachedAt = Bulletin.<Bulletin>findById(id).createdAt.plusSeconds(42);
                } else if (d.address.endsWith("2")) {
                    d.state = DeliveryState.FAILED;
                    d.errorCode = "21211";
                }
            }
        });

        as(Roles.CONTACTS).get("/api/bulletins/" + id + "/report.csv").then().statusCode(403);
        long before = TestApi.auditTotal();
        String csv = as(Roles.SENDER).header("Accept-Language", "en").get("/api/bulletins/" + id + "/report.csv").then()
                .statusCode(200).header("Content-Disposition", containsString("outband-report-" + id + ".csv")).extract().asString();
        assertTrue(csv.startsWith("\uFEFFid,name,unit,groups,channelsTried,provider,outcome,reachedAt,answer,answeredAt\r\n"), csv);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(3, rows.size());
        CSVRecord formula = rows.stream().filter(r -> r.get("id").equals(p + "1")).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://evil.example\")", formula.get("name"));
        assertEquals("Reached by SMS", formula.get("outcome"));
        assertEquals("SMS", formula.get("channelsTried"));
        assertEquals(p, formula.get("groups"));
        assertTrue(!formula.get("reachedAt").isEmpty());
        CSVRecord failed = rows.stream().filter(r -> r.get("id").equals(p + "2")).findFirst().orElseThrow();
        assertEquals("'-1+1", failed.get("unit"));
        assertEquals("Not reached: The number does not exist", failed.get("outcome"));
        assertEquals("Still being sent", rows.stream().filter(r -> r.get("id").equals(p + "3")).findFirst().orElseThrow().get("outcome"));
        assertEquals(List.of("bulletin.report-exported bulletin=" + id + " people=3"), TestApi.auditBy(Roles.SENDER, before));

        as(Roles.SENDER).get("/api/bulletins/" + id + "/report").then().statusCode(200)
                .body("drill", equalTo(true))
                .body("reached", equalTo(1)).body("failed", equalTo(1)).body("underWay", equalTo(1))
                .body("reachedWithin.'1m'.reached", equalTo(1)).body("reachedWithin.'1m'.percent", equalTo(33.3f))
                .body("timeTo.'50'", equalTo(null))
                .body("neverReached.name", org.hamcrest.Matchers.containsInAnyOrder("Berit Fel", "Cesar Väntar"))
                .body("neverReached.find { it.name == 'Berit Fel' }.outcome", equalTo("Inte nådd: Numret finns inte"))
                .body("byUnit.name", equalTo(List.of("-1+1", "Ingen enhet", "Socialtjänst")));
        as(Roles.SENDER).get("/api/bulletins/999999999/report").then().statusCode(404);

        Map<String, String> leader = TestApi.signInToUi("rapportlasare", List.of(Roles.SENDER));
        String page = io.restassured.RestAssured.given().cookies(leader).get("/app/reports/" + id).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<svg") && page.contains("<polyline class=\"line\""), "the curve is drawn on the server");
        assertTrue(page.contains("id=\"reach-figures\""), "its figures stand in a table beside it");
        assertTrue(page.contains("Berit Fel") && page.contains("Inte nådd: Numret finns inte"), "the never reached are named");
        assertTrue(page.contains("&#39;") || !page.contains("=HYPERLINK(\"http"), "names are escaped");
        assertTrue(!page.contains("<script"), "no script");
        Map<String, String> reader = TestApi.signInToUi("kontaktlasare", List.of(Roles.CONTACTS));
        io.restassured.RestAssured.given().cookies(reader).redirects().follow(false).get("/app/reports/" + id).then()
                .statusCode(org.hamcrest.Matchers.not(200));
    }
}
