package se.outband.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import se.outband.TestApi;
import se.outband.access.Roles;

/** What a stressed leader tripped over in the new bulletin form, the contacts, the call list and the wording. */
@QuarkusTest
class LeaderFrictionTest {

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification signedIn(List<String> roles) {
        Map<String, String> cookies = TestApi.signInToUi("friktion-" + unique(), roles);
        return given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParam("csrf", cookies.get("outband-csrf"));
    }

    /** For pages fetched with GET: a form parameter there would be sent as a query parameter. */
    private static RequestSpecification reading(List<String> roles) {
        return given().cookies(TestApi.signInToUi("friktion-" + unique(), roles));
    }

    private static Document html(String page) {
        return Jsoup.parse(page);
    }

    @Test
    void aReadyTextKeepsTheChosenGroupsAndReplyOptionsAndEveryUnfilledPlaceholderIsNamedAtOnce() {
        String group = "Grupp " + unique();
        TestApi.replaceContacts("id,name,mobile,groups\nr1,Rut Redo,070-174 06 31," + group + "\n");
        String text = "Samling i [lokal] kl [tid], " + unique();
        String name = "Samling " + unique();
        assertEquals(303, signedIn(List.of(Roles.ADMIN)).formParams(Map.of("name", name, "text", text))
                .post("/app/templates").statusCode());
        Document form = html(reading(List.of(Roles.SENDER)).get("/app/bulletins/new").asString());
        Element button = form.select("#ready-texts button[name=template]").stream().filter(b -> b.text().equals(name)).findFirst()
                .orElseThrow();

        Document chosen = html(signedIn(List.of(Roles.SENDER)).formParams(Map.of("template", button.val(), "groups", group,
                "replyOptions", "JA NEJ", "text", "något annat", "channels", "sms")).post("/app/bulletins/use-template").asString());
        assertEquals(text, chosen.selectFirst("#text").text(), "the ready text replaces the text");
        assertTrue(chosen.selectFirst("input[name=groups][value=" + group + "]").hasAttr("checked"), "the group stays chosen");
        assertEquals("JA NEJ", chosen.selectFirst("#replyOptions").val(), "the reply options stay");
        assertTrue(chosen.selectFirst("input[name=channels][value=sms]").hasAttr("checked"));

        signedIn(List.of(Roles.SENDER)).formParams(Map.of("text", text, "groups", group)).post("/app/bulletins/preview").then()
                .statusCode(200).body(containsString("Fyll i [lokal], [tid] i texten innan du skickar: det är uppgifter"));
    }

    @Test
    void searchingAGroupsNameFindsItsMembers() {
        String group = "Räddning" + unique();
        TestApi.replaceContacts("id,name,mobile,groups\ng1,Gun Grupp,070-174 06 32," + group + "\ng2,Ulf Utanför,070-174 06 33,Annan\n");
        Document found = html(reading(List.of(Roles.SENDER)).get("/app/bulletins/people?find=" + group.toLowerCase()).asString());
        assertEquals(List.of("g1"), found.select("#found input[name=people]").eachAttr("value"));
    }

    @Test
    void aPersonIsAddedInTheUiAndCallButtonsUseOnlyStoredNumbers() {
        String id = "n" + unique();
        TestApi.replaceContacts("id,name,mobile\nkeep,Kvar Kvist,070-174 06 34\n");
        Document empty = html(reading(List.of(Roles.CONTACTS)).get("/app/contacts/new").asString());
        assertEquals("Lägg till person", empty.selectFirst("h1").text());
        assertTrue(empty.select("a[href^=tel:]").isEmpty());

        String refused = signedIn(List.of(Roles.CONTACTS)).formParams(Map.of("id", id, "name", "Nina Ny", "mobile", "70123456"))
                .post("/app/contacts/new").then().statusCode(200).extract().asString();
        assertTrue(refused.contains("inget giltigt telefonnummer"), refused);
        assertTrue(html(refused).select("a[href^=tel:], a[href^=sms:]").isEmpty(), "no call button for a number that was refused");
        assertEquals("70123456", html(refused).selectFirst("#mobile").val(), "what was typed stays to be corrected");
        TestApi.asAdmin().get("/api/contacts/" + id).then().statusCode(404);

        String location = signedIn(List.of(Roles.CONTACTS))
                .formParams(Map.of("id", id, "name", "Nina Ny", "mobile", "070-174 06 35", "groups", "Ny, Krisledning"))
                .post("/app/contacts/new").then().statusCode(303).extract().header("Location");
        assertTrue(location.endsWith("/app/contacts/" + id + "?saved=true"), location);
        TestApi.asAdmin().get("/api/contacts/" + id).then().statusCode(200).body("mobile", equalTo("+46701740635"))
                .body("groups.size()", equalTo(2));

        Document edited = html(signedIn(List.of(Roles.CONTACTS)).formParams(Map.of("name", "Nina Ny", "mobile", "70123456"))
                .post("/app/contacts/" + id).then().statusCode(200).extract().asString());
        assertEquals(List.of("tel:+46701740635"), edited.select("a[href^=tel:]").eachAttr("href"), "the stored number, not the typed");
    }

    @Test
    void theContactListSaysWhatItsCountsCountAndWhenASearchFindsNobody() {
        TestApi.replaceContacts("id,name,mobile\nc1,Cilla Count,070-174 06 36\nc2,Carl Count,070-174 06 37\n");
        RequestSpecification reader = reading(List.of(Roles.CONTACTS));
        assertEquals("Visar 2 av 2 personer", html(reader.get("/app/contacts").asString()).selectFirst("#contacts-count").text());
        Document none = html(reading(List.of(Roles.CONTACTS)).get("/app/contacts?q=zzzingen").asString());
        assertEquals("0 träffar", none.selectFirst("#contacts-count").text());
        assertTrue(none.selectFirst("#no-contacts").text().startsWith("Ingen träff på ”zzzingen”."), none.selectFirst("#no-contacts").text());
        assertTrue(none.select("table").isEmpty(), "no bare table headings");
    }

    @Test
    void anImportWithExcelHeadersIsToldWhichColumnsItFoundAndWhichAreAccepted() {
        Map<String, String> cookies = TestApi.signInToUi("importor-" + unique(), List.of(Roles.CONTACTS));
        String page = given().cookies(cookies).header("Sec-Fetch-Site", "same-origin").multiPart("csrf", cookies.get("outband-csrf"))
                .multiPart("file", "personal.csv", "Förnamn;Efternamn;Mobil\nAnna;Andersson;070-174 06 05\n".getBytes(), "text/csv")
                .post("/app/contacts/import/preview").then().statusCode(200).extract().asString();
        String error = html(page).selectFirst(".error").text();
        assertTrue(error.startsWith("Rubrikraden saknar kolumnerna anstnr (eller id), namn (eller name)."), error);
        assertTrue(error.contains("Rubrikerna i filen är: ”Förnamn”, ”Efternamn”, ”Mobil”."), error);
        assertTrue(error.contains("Rubriker som godtas: anstnr (eller id), namn (eller name), mobil, epost, grupper"), error);
    }

    @Test
    void afterImportingThePageSpeaksOfWhatWasDone() {
        TestApi.replaceContacts("id,name,mobile\nold,Olle Gammal,070-174 06 38\n");
        Map<String, String> cookies = TestApi.signInToUi("importor-" + unique(), List.of(Roles.CONTACTS));
        String preview = given().cookies(cookies).header("Sec-Fetch-Site", "same-origin").multiPart("csrf", cookies.get("outband-csrf"))
                .multiPart("replace", "true")
                .multiPart("file", "personal.csv", "id,name,mobile\nnew,Nils Ny,070-174 06 39\nbad,,070\n".getBytes(), "text/csv")
                .post("/app/contacts/import/preview").then().statusCode(200).extract().asString();
        assertEquals("Läggs till (1)", html(preview).select("h2").stream().filter(h -> h.text().startsWith("Läggs")).findFirst()
                .map(Element::text).orElse(null));
        assertNotNull(html(preview).selectFirst("#rejected.problems"), "the error table wraps by words on a phone");
        assertTrue(html(preview).select("h2").eachText().contains("Rader med fel"));
    }

    @Test
    void theCallListIsSortedBySurnameAndHasAPrintButton() {
        String group = "Ring" + unique();
        TestApi.replaceContacts("id,name,mobile,groups\ns1,Bo Ödman,070-174 06 41," + group + "\ns2,Örjan Berg,070-174 06 42," + group
                + "\ns3,Anna Berg,070-174 06 43," + group + "\n");
        Document list = html(reading(List.of(Roles.SENDER)).get("/app/contacts/print?group=" + group).asString());
        assertEquals(List.of("Anna Berg", "Örjan Berg", "Bo Ödman"), list.select(".call-list tbody .name").eachText());
        assertNotNull(list.selectFirst("button#print[hidden]"), "shown by its script; without one the browser's Print prints");
    }

    @Test
    void theWordsSayWhatIsTrueAndExplainTheSwedishRecipientsSee() {
        String admin = reading(List.of(Roles.ADMIN)).get("/app/admin").asString();
        assertFalse(admin.contains("låser"), "accounts are never locked");
        Map<String, String> cookies = TestApi.signInToUi("english-" + unique(), List.of(Roles.SENDER));
        String english = given().cookies(cookies).cookie("outband-lang", "en").get("/app/bulletins/new").asString();
        assertTrue(english.contains("Swedish for &quot;EXERCISE:&quot;") || english.contains("Swedish for \"EXERCISE:\""), "ÖVNING explained");
        assertTrue(english.contains("meaning &quot;Reply:&quot;") || english.contains("meaning \"Reply:\""), "Svara explained");
        reading(List.of(Roles.ADMIN)).get("/app/admin").then().body(not(containsString("unlocks")));
    }
}
