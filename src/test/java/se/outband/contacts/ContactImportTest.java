package se.outband.contacts;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.replaceContacts;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import se.outband.AtOnce;

@QuarkusTest
class ContactImportTest {

    private static final String BASELINE = """
            id,name,mobile,email,groups
            1,Anna Andersson,070-174 06 05,anna@example.net,Krisledning
            2,Bertil Berg,070-174 06 06,,Hemtjänst|Krisledning
            """;

    @BeforeEach
    void startFromBaseline() {
        replaceContacts(BASELINE);
    }

    private static ValidatableResponse post(byte[] csv, String query) {
        return asAdmin().contentType("text/csv").body(csv).post("/api/contacts/import" + query).then();
    }

    private static ValidatableResponse post(String csv, String query) {
        return post(csv.getBytes(StandardCharsets.UTF_8), query);
    }

    private static List<Map<String, Object>> contacts() {
        return asAdmin().get("/api/contacts").then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void commaSeparatedMergeCreatesUpdatesAndKeepsTheRest() {
        post("""
                id,name,mobile,email,groups
                2,Bertil Berg,+46 70 174 06 06,bertil@example.org,Hemtjänst|Krisledning
                3,Cecilia Carlsson,0701740607,,Skola
                """, "?mode=merge")
                .statusCode(200)
                .body("created", equalTo(1))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(0))
                .body("removed", equalTo(0))
                .body("rejected", empty());

        asAdmin().get("/api/contacts/3").then().statusCode(200)
                .body("mobile", equalTo("+46701740607"))
                .body("groups", containsInAnyOrder("Skola"))
                .body("language", equalTo("sv"));
        asAdmin().get("/api/contacts/2").then().body("email", equalTo("bertil@example.org"));
        asAdmin().get("/api/contacts/1").then().statusCode(200);
    }

    @Test
    void aPreviewNamesWhoIsAddedChangedFieldByFieldAndRemoved() {
        post("""
                id,name,mobile,email,groups
                2,Bertil Berg,070-174 06 09,,Hemtjänst|Krisledning
                3,Cecilia Carlsson,0701740607,,Skola
                """, "?mode=replace&dryRun=true")
                .statusCode(200)
                .body("added.name", equalTo(List.of("Cecilia Carlsson")))
                .body("changed[0].name", equalTo("Bertil Berg"))
                .body("changed[0].changes", equalTo(List.of(Map.of("field", "mobile", "before", "+46701740606", "after", "+46701740609"))))
                .body("removedPeople.name", equalTo(List.of("Anna Andersson")))
                .body("removed", equalTo(1));
        assertEquals(2, contacts().size(), "a preview changes nothing");
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        post(BASELINE, "?mode=merge").statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
    }

    @Test
    void semicolonSwedishHeadersWithBomAnyColumnOrder() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = ("namn;anstnr;mobil;epost;grupper;språk;titel;enhet\r\n"
                + "Åsa Öberg;10;070-174 06 10;asa@example.net;Skola|IT;en;Rektor;Älvskolan\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);

        post(withBom, "").statusCode(200).body("created", equalTo(1)).body("rejected", empty());
        asAdmin().get("/api/contacts/10").then().statusCode(200)
                .body("name", equalTo("Åsa Öberg"))
                .body("groups", containsInAnyOrder("IT", "Skola"))
                .body("language", equalTo("en"))
                .body("title", equalTo("Rektor"))
                .body("unit", equalTo("Älvskolan"));
    }

    @Test
    void windows1252FromSwedishExcelKeepsÅÄÖ() {
        byte[] excel = ("anstnr;namn;mobil;epost;grupper\r\n"
                + "20;Åke Ärlig;070-174 06 20;;Hemtjänst\r\n"
                + "21;Örjan Ödmark;070-174 06 21;;Skola\r\n").getBytes(Charset.forName("windows-1252"));
        post(excel, "").statusCode(200).body("created", equalTo(2));
        asAdmin().get("/api/contacts/20").then().body("name", equalTo("Åke Ärlig")).body("groups", hasItem("Hemtjänst"));
        asAdmin().get("/api/contacts/21").then().body("name", equalTo("Örjan Ödmark"));
    }

    @Test
    void everyRejectionSaysLineFieldAndReason() {
        ValidatableResponse response = post("""
                anstnr;namn;mobil;epost;grupper
                30;;070-174 06 30;;Skola
                31;Ingen Mobil;070-12;;Skola
                32;Ingen Kanal;;;Skola
                33;Fel Epost;;inte-en-adress;Skola
                34;Första;070-174 06 34;;Skola
                34;Andra;070-174 06 35;;Skola
                ;Utan Id;070-174 06 36;;Skola
                35;Giltig;070-174 06 37;;Skola
                """, "?mode=merge").statusCode(200)
                .body("created", equalTo(2))
                .body("rejected", hasSize(6));
        List<Map<String, Object>> rejected = response.extract().jsonPath().getList("rejected");
        assertRejected(rejected, 2, "namn", "Namn saknas");
        assertRejected(rejected, 3, "mobil", "inget giltigt telefonnummer");
        assertRejected(rejected, 4, "mobil", "Varken mobilnummer eller e-postadress");
        assertRejected(rejected, 5, "epost", "ingen giltig e-postadress");
        assertRejected(rejected, 7, "anstnr", "Samma id finns redan på rad 6");
        assertRejected(rejected, 8, "anstnr", "Id saknas");

        asAdmin().get("/api/contacts/34").then().body("name", equalTo("Första"));
        asAdmin().get("/api/contacts/35").then().statusCode(200);
        asAdmin().get("/api/contacts/30").then().statusCode(404);
    }

    @Test
    void reasonsInEnglishWhenAskedFor() {
        asAdmin().header("Accept-Language", "en-GB,en;q=0.9").contentType("text/csv")
                .body("id,name,mobile\n40,,0701740640\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import").then().statusCode(200)
                .body("rejected[0].reason", equalTo("The name is missing."));
    }

    @Test
    void internalDomainsAndLandlinesAreWarningsNotRejections() {
        post("""
                id,name,mobile,email
                50,Intern Adress,070-174 06 50,someone@kommun.example.se
                51,Fast Telefon,08-123 456 78,fast@example.net
                """, "").statusCode(200)
                .body("created", equalTo(2))
                .body("rejected", empty())
                .body("warnings.find { it.line == 2 }.field", equalTo("email"))
                .body("warnings.find { it.line == 2 }.reason", containsString("kommun.example.se"))
                .body("warnings.find { it.line == 3 }.field", equalTo("mobile"))
                .body("warnings.find { it.line == 3 }.reason", containsString("inte ett mobilnummer"));
        asAdmin().get("/api/contacts/51").then().body("mobile", equalTo("+46812345678"));
    }

    @Test
    void replaceWithABadRowAnswers409AndChangesNothing() {
        List<Map<String, Object>> before = contacts();
        post("""
                id,name,mobile
                1,Anna Ändrad,070-174 06 05
                9,Ny Person,inte-ett-nummer
                """, "?mode=replace").statusCode(409)
                .body("error", containsString("Ingenting ändrades"))
                .body("details.rejected[0].line", equalTo(3))
                .body("details.rejected[0].field", equalTo("mobile"));
        assertEquals(before, contacts());
    }

    @Test
    void replaceRemovesThoseNotInTheFile() {
        post("""
                id,name,mobile
                1,Anna Andersson,070-174 06 05
                """, "?mode=replace").statusCode(200)
                .body("removed", equalTo(1)).body("updated", equalTo(1));
        asAdmin().get("/api/contacts/2").then().statusCode(404);
    }

    @Test
    void dryRunCountsButChangesNothing() {
        List<Map<String, Object>> before = contacts();
        post("""
                id,name,mobile,email,groups
                1,Anna Andersson,070-174 06 05,anna@example.net,Krisledning|HR
                7,Ny Person,070-174 06 07,,Skola
                """, "?mode=replace&dryRun=true").statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(1))
                .body("updated", equalTo(1))
                .body("removed", equalTo(1));
        assertEquals(before, contacts());
    }

    @Test
    void aFileOverTheLimitIs413() {
        // The test profile lowers the limit to 2 MB (32 MB by default) to keep the test quick.
        StringBuilder csv = new StringBuilder("id,name,mobile\n");
        int i = 0;
        while (csv.length() <= 2 * 1024 * 1024 + 10) {
            csv.append(i).append(",Person Nummer ").append(i++).append(",0701740605\n");
        }
        post(csv.toString(), "").statusCode(413).body("error", containsString("2 MB"));
        assertEquals(2, contacts().size());
    }

    @Test
    void aBinaryFileIs400WithAReason() {
        byte[] binary = new byte[4096];
        new Random(42).nextBytes(binary);
        binary[0] = 'P';
        binary[1] = 'K';
        post(binary, "").statusCode(400).body("error", containsString("inte en textfil"));
    }

    @Test
    void anUnclosedQuoteIs400WithTheLine() {
        post("id,name,mobile\n1,\"Anna,0701740605\n2,Bertil,0701740606\n", "?mode=replace")
                .statusCode(400).body("error", containsString("citattecken"));
        assertEquals(2, contacts().size());
    }

    /** Ids firstId, firstId + 1, … with valid numbers: files longer than one chunk of the import. */
    private static StringBuilder manyRows(int firstId, int count) {
        StringBuilder csv = new StringBuilder("id,name,mobile\n");
        for (int i = 0; i < count; i++) {
            csv.append(firstId + i).append(",Person ").append(i).append(",070-3").append(String.format("%06d", i)).append('\n');
        }
        return csv;
    }

    @Test
    void aReplaceRejectedLateRollsBackTheChunksAlreadyWritten() {
        StringBuilder csv = manyRows(300_000, 1300).append("999999,Fel Nummer,12345\n");
        post(csv.toString(), "?mode=replace").statusCode(409)
                .body("details.created", equalTo(1300))
                .body("details.removed", equalTo(2))
                .body("details.rejectedRows", equalTo(1));
        assertEquals(List.of("1", "2"), contacts().stream().map(c -> c.get("id")).sorted().toList());
    }

    @Test
    void aFileBrokenLateChangesNothingEvenInMerge() {
        StringBuilder csv = manyRows(300_000, 1300).append("999999,\"Oavslutat citat,0701740605\n");
        post(csv.toString(), "?mode=merge").statusCode(400).body("error", containsString("efter rad 1301"));
        assertEquals(2, contacts().size());
    }

    @Test
    void twoReplacingImportsAtOnceLeaveOneWholeList() throws Exception {
        String first = manyRows(500_000, 1200).toString();
        String second = manyRows(600_000, 1200).toString();
        assertEquals(List.of(200, 200), AtOnce.run(List.<Callable<Integer>>of(
                () -> post(first, "?mode=replace").extract().statusCode(),
                () -> post(second, "?mode=replace").extract().statusCode())));
        List<Object> ids = contacts().stream().map(c -> c.get("id")).toList();
        assertEquals(1200, ids.size());
        Object prefix = String.valueOf(ids.get(0)).substring(0, 1);
        assertTrue(ids.stream().allMatch(id -> String.valueOf(id).startsWith((String) prefix)), "one list, not a mix");
    }

    @Test
    void problemsBeyondTheFirstThousandAreCountedNotListed() {
        StringBuilder csv = new StringBuilder("id,name,mobile\n");
        for (int i = 0; i < 1100; i++) {
            csv.append(400_000 + i).append(",Person ").append(i).append(",12345\n");
        }
        post(csv.toString(), "?mode=merge&dryRun=true").statusCode(200)
                .body("rejected", hasSize(1000))
                .body("rejectedRows", equalTo(1100))
                .body("unlisted", equalTo(100))
                .body("created", equalTo(0));
        assertEquals(2, contacts().size());
    }

    @Test
    void aHeaderWithoutNameOrChannelIs400() {
        post("id,mobile\n1,0701740605\n", "").statusCode(400).body("error", containsString("name"));
        post("id,name,title\n1,Anna,Chef\n", "").statusCode(400).body("error", containsString("mobil"));
    }

    @Test
    void unknownColumnsAreReportedAndIgnored() {
        post("id,name,mobile,skostorlek\n1,Anna Andersson,0701740605,38\n", "").statusCode(200)
                .body("warnings[0].line", equalTo(1))
                .body("warnings[0].field", equalTo("skostorlek"));
    }

    @Test
    void anUnknownModeIs400() {
        post(BASELINE, "?mode=everything").statusCode(400).body("error", containsString("merge"));
    }

    @Test
    void importIsAudited() {
        post("id,name,mobile\n60,Granskad Person,0701740660\n", "").statusCode(200);
        asAdmin().get("/api/audit?size=5").then().statusCode(200)
                .body("entries.action", hasItem("contacts.imported"))
                .body("entries.find { it.action == 'contacts.imported' }.actor", equalTo("admin"))
                .body("entries.find { it.action == 'contacts.imported' }.details", containsString("created=1"));
    }

    private static void assertRejected(List<Map<String, Object>> rejected, int line, String field, String reason) {
        boolean found = rejected.stream().anyMatch(r -> ((Number) r.get("line")).intValue() == line
                && field.equals(r.get("field")) && String.valueOf(r.get("reason")).contains(reason));
        assertTrue(found,
                () -> "expected line " + line + " field " + field + " reason '" + reason + "' in " + rejected);
    }
}
