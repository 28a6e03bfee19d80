package se.outband.continuity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.continuity.CallListFixtures.SORTED;
import static se.outband.continuity.CallListFixtures.auditTotal;
import static se.outband.continuity.CallListFixtures.newestAudit;
import static se.outband.continuity.CallListFixtures.staff;
import static se.outband.continuity.CallListFixtures.unique;

import java.text.Collator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.continuity.CallListFixtures.Staff;

/** The printable call list: who is on it, in which order and form, who took it (audited), and who may. */
@QuarkusTest
class CallListTest {

    private static Map<String, String> signIn(String role) {
        return TestApi.signInToUi("lista-" + role + "-" + unique(), List.of(role));
    }

    private static Document page(Map<String, String> session, String path, Map<String, ?> query, int status) {
        return Jsoup.parse(given().cookies(session).queryParams(query).get(path).then().statusCode(status)
                .header("Cache-Control", "no-store").extract().asString());
    }

    private static List<String> column(Document list, String cell) {
        return list.select(".call-list tbody tr").stream().map(row -> row.selectFirst(cell).text()).toList();
    }

    @Test
    void aLeaderPrintsAGroupSortedTheSwedishWayAndTheAuditLogSaysWhoAndHowMany() {
        Staff staff = staff("Hemtjänst " + unique());
        Map<String, String> leader = signIn(Roles.SENDER);
        long before = auditTotal();

        Document list = page(leader, "/app/contacts/print", Map.of("group", staff.group()), 200);

        assertEquals(SORTED, column(list, ".name"), "å, ä, ö after z, as in a Swedish phone book");
        assertEquals(List.of("1", "2", "3", "4", "5"), column(list, ".row"));
        assertEquals(List.of("070-174 06 54", "070-174 06 52", "070-174 06 53", "", "070-174 06 51"), column(list, ".mobile"),
                "numbers as people here write them; Ärla has none");
        Element osten = list.select(".call-list tbody tr").last();
        assertEquals(List.of("5", "Östen Öberg", "Undersköterska", staff.unit(), "070-174 06 51", "osten.oberg@example.net"),
                osten.select("td").eachText());
        assertEquals("tel:+46701740651", osten.selectFirst(".mobile a").attr("href"));
        assertEquals(List.of("#", "Namn", "Titel", "Enhet", "Mobil", "E-post"), list.select(".call-list thead th").eachText(),
                "the heading row, which print repeats on every page");
        assertEquals("Ringlista – " + staff.group(), list.selectFirst(".call-list h1").text());
        String taken = list.selectFirst(".call-list h1 + p").text();
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        assertTrue(taken.startsWith("Utskriven " + today) && taken.endsWith("5 personer."), taken);
        assertTrue(list.select("link[rel=stylesheet]").last().attr("href").matches("/assets/call-list\\.css\\?v=[0-9a-f]{12}"),
                list.select("link[rel=stylesheet]").toString());

        assertEquals(before + 1, auditTotal(), "one entry for one list taken");
        Map<String, Object> entry = newestAudit();
        assertEquals("contacts.call-list-printed", entry.get("action"));
        assertTrue(((String) entry.get("actor")).startsWith("lista-sender-"), entry::toString);
        assertEquals("group=" + staff.group() + " people=5", entry.get("details"));
    }

    @Test
    void aUnitOrEveryoneCanBePrintedToo() {
        Staff staff = staff("Hemtjänst " + unique());
        Map<String, String> hr = signIn(Roles.CONTACTS);

        Document unit = page(hr, "/app/contacts/print", Map.of("unit", staff.unit()), 200);
        assertEquals(List.of("Adam Andersson", "Östen Öberg"), column(unit, ".name"));
        assertEquals("Ringlista – " + staff.unit(), unit.selectFirst(".call-list h1").text());
        assertEquals("/app/contacts/print.vcf?unit=" + staff.unit().replace(" ", "%20"), unit.selectFirst("a#vcards").attr("href"));

        Document both = page(hr, "/app/contacts/print", Map.of("group", staff.otherGroup(), "unit", staff.unit()), 404);
        assertTrue(both.selectFirst(".error").text().startsWith("Ingen i gruppen \"" + staff.otherGroup() + "\" hör till enheten"),
                both.text());

        long before = auditTotal();
        Document everyone = page(hr, "/app/contacts/print", Map.of(), 200);
        List<String> names = column(everyone, ".name");
        assertTrue(names.containsAll(SORTED) && names.contains("Bertil Borg"), names::toString);
        // By surname, as Swedish lists are: "Bertil Borg" after "Adam Andersson" and before "Zoe Zetterberg".
        Collator collator = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
        List<String> swedish = new java.util.ArrayList<>(names);
        swedish.sort(java.util.Comparator.comparing((String n) -> n.substring(n.lastIndexOf(' ') + 1), collator::compare)
                .thenComparing(collator::compare));
        assertEquals(swedish, names);
        assertEquals("Ringlista – alla", everyone.selectFirst(".call-list h1").text());
        assertEquals(before + 1, auditTotal());
        assertEquals("people=" + names.size(), newestAudit().get("details"));
    }

    @Test
    void theContactsPageLinksToTheGroupsListAndVcards() {
        Staff staff = staff("Skola & fritid " + unique());
        Document contacts = page(signIn(Roles.SENDER), "/app/contacts", Map.of("group", staff.group()), 200);
        String encoded = staff.group().replace(" ", "%20").replace("&", "%26");
        assertEquals("/app/contacts/print?group=" + encoded, contacts.selectFirst("a#print-list").attr("href"));
        assertEquals("Skriv ut ringlista", contacts.selectFirst("a#print-list").text());
        assertEquals("/app/contacts/print.vcf?group=" + encoded, contacts.selectFirst("a#vcards").attr("href"));
        assertEquals("Spara i telefonens kontakter", contacts.selectFirst("a#vcards").text());
        assertTrue(contacts.select("nav a[href=/app/contacts]").size() == 1, "a leader finds Kontakter in the menu");
    }

    @Test
    void nobodyToPrintIsA404PageAndAMistypedParameterA400AndNeitherIsAudited() {
        Map<String, String> leader = signIn(Roles.SENDER);
        long before = auditTotal();
        String missing = "Ingen sådan grupp " + unique();
        Document unknown = page(leader, "/app/contacts/print", Map.of("group", missing), 404);
        assertEquals("Det finns ingen grupp som heter \"" + missing + "\" (stora och små bokstäver räknas). Det finns ingen att skriva ut"
                + " eller spara; välj en grupp under Kontakter.", unknown.selectFirst(".error").text());
        Document typo = page(leader, "/app/contacts/print", Map.of("grupp", "Hemtjänst"), 400);
        assertTrue(typo.selectFirst(".error").text().contains("\"grupp\""), typo.text());
        assertEquals(before, auditTotal());
    }

    @Test
    void aHostileGroupNameIsShownAsText() {
        Staff staff = staff("<script>alert('g')</script> \"Kris\" & <b>ledning</b>");
        Document list = page(signIn(Roles.SENDER), "/app/contacts/print", Map.of("group", staff.group()), 200);
        assertEquals("Ringlista – " + staff.group(), list.selectFirst(".call-list h1").text());
        assertTrue(list.select("main script, main b").isEmpty(), list.select("main").html());
        assertEquals(SORTED, column(list, ".name"));
    }

    @Test
    void theListPrintsOnA4WithTheHeadingOnEveryPageAndPageNumbers() {
        String css = given().get("/assets/call-list.css").then().statusCode(200).extract().asString();
        assertTrue(css.contains("@page{size:A4"), css);
        assertTrue(css.contains("@bottom-right{content:counter(page) \" / \" counter(pages)"), css);
        assertTrue(css.contains(".call-list thead{display:table-header-group}"), css);
    }

    @Test
    void aVisitorWithoutSessionIsSentToSignIn() {
        given().redirects().follow(false).get("/app/contacts/print?group=x").then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/app/contacts/print.vcf").then().statusCode(302)
                .header("Location", endsWith("/login")).body(org.hamcrest.Matchers.not(containsString("BEGIN:VCARD")));
    }
}
