package se.outband.continuity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.continuity.CallListFixtures.SORTED;
import static se.outband.continuity.CallListFixtures.auditTotal;
import static se.outband.continuity.CallListFixtures.newestAudit;
import static se.outband.continuity.CallListFixtures.staff;
import static se.outband.continuity.CallListFixtures.unique;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Telephone;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.continuity.CallListFixtures.Staff;

/** vCards of a group, read back with ez-vcard as a phone's importer would, from the API and from the web UI. */
@QuarkusTest
class ContactCardsTest {

    private static final String ORGANISATION = "Exempelby kommun";
    private static final String FILE_NAME = "attachment; filename=\"kontakter-[a-z0-9-]+\\.vcf\"";

    /** The API's test user exists before any counter is read: creating it is audited too. */
    @BeforeEach
    void senderExists() {
        TestApi.ensureUser(Roles.SENDER, List.of(Roles.SENDER));
    }

    private static Response api(Map<String, ?> query) {
        return TestApi.as(Roles.SENDER).queryParams(query).get("/api/contacts.vcf");
    }

    private static List<VCard> cards(Response response) {
        response.then().statusCode(200)
                .contentType(matchesPattern("(?i)text/vcard; ?charset=utf-8"))
                .header("Content-Disposition", matchesPattern(FILE_NAME));
        return Ezvcard.parse(response.asString()).all();
    }

    private static VCard card(List<VCard> cards, String name) {
        return cards.stream().filter(c -> c.getFormattedName().getValue().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> uids(List<VCard> cards) {
        return cards.stream().map(c -> c.getUid().getValue()).toList();
    }

    @Test
    void aGroupsCardsCarryNameMobileEmailTitleOrganisationAndGroups() {
        Staff staff = staff("Hemtjänst " + unique());
        long before = auditTotal();
        Response response = api(Map.of("group", staff.group()));
        List<VCard> cards = cards(response);
        assertEquals(before + 1, auditTotal());
        Map<String, Object> entry = newestAudit();
        assertEquals("contacts.vcards-downloaded", entry.get("action"));
        assertEquals(Roles.SENDER, entry.get("actor"));
        assertEquals("group=" + staff.group() + " people=5", entry.get("details"));

        assertEquals("attachment; filename=\"kontakter-hemtjanst-" + staff.group().substring(10) + ".vcf\"",
                response.header("Content-Disposition"));
        assertEquals(SORTED, cards.stream().map(c -> c.getFormattedName().getValue()).toList());
        assertTrue(cards.stream().allMatch(c -> c.getVersion() == VCardVersion.V3_0), "3.0: what iPhone and Android both import");
        assertTrue(response.asString().contains("\r\nTEL;TYPE=cell:+46701740651\r\n"), response.asString());

        VCard osten = card(cards, "Östen Öberg");
        assertEquals("Öberg", osten.getStructuredName().getFamily());
        assertEquals("Östen", osten.getStructuredName().getGiven());
        Telephone mobile = osten.getTelephoneNumbers().get(0);
        assertEquals("+46701740651", mobile.getText(), "E.164, so it dials from abroad too");
        assertEquals(Set.of(TelephoneType.CELL), Set.copyOf(mobile.getTypes()));
        assertEquals("osten.oberg@example.net", osten.getEmails().get(0).getValue());
        assertEquals("Undersköterska", osten.getTitles().get(0).getValue());
        assertEquals(List.of(ORGANISATION, staff.unit()), osten.getOrganization().getValues());
        assertEquals(List.of(staff.group()), osten.getCategories().getValues());

        VCard asa = card(cards, "Åsa Åkesson");
        assertEquals(Set.of(staff.group(), staff.otherGroup()), Set.copyOf(asa.getCategories().getValues()));
        assertEquals(List.of(ORGANISATION), asa.getOrganization().getValues(), "no unit, only the organisation");
        VCard arla = card(cards, "Ärla Ärlig");
        assertTrue(arla.getTelephoneNumbers().isEmpty(), "Ärla has no mobile");
        assertEquals("arla@example.net", arla.getEmails().get(0).getValue());
        assertTrue(card(cards, "Zoe Zetterberg").getEmails().isEmpty());

        List<String> uids = uids(cards);
        assertEquals(5, Set.copyOf(uids).size(), "one UID per contact");
        assertTrue(uids.stream().allMatch(u -> u.matches("urn:uuid:[0-9a-f-]{36}")), uids::toString);
        assertEquals(uids, uids(cards(api(Map.of("group", staff.group())))), "the same contact keeps its UID");
        assertEquals(uids.get(4), uids(cards(api(Map.of("unit", staff.unit())))).get(1), "whichever list it comes in");
    }

    @Test
    void aSignedInLeaderDownloadsTheSameCardsFromTheWebUi() {
        Staff staff = staff("Hemtjänst " + unique());
        Map<String, String> leader = TestApi.signInToUi("kort-" + unique(), List.of(Roles.SENDER));
        List<VCard> fromApi = cards(api(Map.of("group", staff.group())));
        long before = auditTotal();
        List<VCard> fromWeb = cards(given().cookies(leader).queryParam("group", staff.group()).get("/app/contacts/print.vcf"));
        assertEquals(uids(fromApi), uids(fromWeb));
        assertEquals(fromApi.stream().map(Ezvcard::write).map(w -> w.go()).toList(),
                fromWeb.stream().map(Ezvcard::write).map(w -> w.go()).toList(), "one renderer for both");
        assertEquals(before + 1, auditTotal());
        assertTrue(((String) newestAudit().get("actor")).startsWith("kort-"));
        // The API's credentials are not a session, and the session is not the API's credentials.
        given().cookies(leader).queryParam("group", staff.group()).get("/api/contacts.vcf").then().statusCode(401);
    }

    @Test
    void hostileGroupNamesNeitherBreakTheHeaderNorTheCards() {
        for (String hostile : List.of("\"; filename=evil.exe\r\nX-Evil: 1 <script>", "Kris,ledning;Stab\\n\\Ö", "åäö!!!")) {
            Staff staff = staff(hostile + " " + unique());
            // As stored: the contact check folds the line break into a space.
            String group = TestApi.asAdmin().get("/api/contacts/" + staff.id("Östen Öberg")).then().extract().path("groups[0]");
            Response response = api(Map.of("group", group));
            List<VCard> cards = cards(response);
            assertEquals(SORTED, cards.stream().map(c -> c.getFormattedName().getValue()).toList(), hostile);
            assertEquals(List.of(group), card(cards, "Östen Öberg").getCategories().getValues(), "the group's name comes back whole");
            assertNull(response.header("X-Evil"));
        }
        Staff letters = staff("åäö!!! " + unique());
        api(Map.of("group", letters.group())).then().header("Content-Disposition", startsWith("attachment; filename=\"kontakter-aao-"));
        // Greek letters: unique, and nothing of them fits a plain file name.
        String greek = unique().chars().mapToObj(c -> String.valueOf((char) ('α' + c % 20))).collect(Collectors.joining());
        Staff none = staff("!!! " + greek);
        api(Map.of("group", none.group())).then().header("Content-Disposition", equalTo("attachment; filename=\"kontakter.vcf\""));
    }

    @Test
    void anUnknownGroupIsA404SayingSoAndNothingIsAudited() {
        long before = auditTotal();
        String missing = "Finns inte " + unique();
        api(Map.of("group", missing)).then().statusCode(404).contentType("application/json")
                .body("error", equalTo("Det finns ingen grupp som heter \"" + missing + "\" (stora och små bokstäver räknas)."
                        + " Det finns ingen att skriva ut eller spara; välj en grupp under Kontakter."));
        TestApi.as(Roles.SENDER).header("Accept-Language", "en").queryParam("group", missing).get("/api/contacts.vcf").then()
                .statusCode(404).body("error", startsWith("There is no group called \"" + missing + "\""));
        api(Map.of("grupp", "Hemtjänst")).then().statusCode(400).body("error", startsWith("Okänd parameter \"grupp\""));
        assertEquals(before, auditTotal());
    }

    @Test
    void everyRoleThatReadsContactsMayTakeThemAndNobodyElse() {
        Staff staff = staff("Hemtjänst " + unique());
        for (String role : List.of(Roles.ADMIN, Roles.CONTACTS, Roles.SENDER)) {
            RequestAs request = role.equals(Roles.ADMIN) ? TestApi::asAdmin : () -> TestApi.as(role);
            List<VCard> cards = cards(request.get().queryParam("group", staff.group()).get("/api/contacts.vcf"));
            assertEquals(5, cards.size(), role);
        }
        long before = auditTotal();
        given().queryParam("group", staff.group()).get("/api/contacts.vcf").then().statusCode(401).body("error", startsWith("Du behöver logga in"))
                .header("Content-Disposition", nullValue());
        TestApi.basic(Roles.SENDER, "wrong-password-123").queryParam("group", staff.group()).get("/api/contacts.vcf").then().statusCode(401);
        List<String> since = TestApi.asAdmin().get("/api/audit?size=" + (auditTotal() - before)).then().extract().path("entries.action");
        assertEquals(List.of("login.failed"), since, "the wrong password is logged; nothing was given out");
    }

    private interface RequestAs {
        io.restassured.specification.RequestSpecification get();
    }
}
