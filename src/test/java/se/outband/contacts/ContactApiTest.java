package se.outband.contacts;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.restassured.RestAssured.given;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.replaceContacts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.TestApi;
import se.outband.access.Roles;

@QuarkusTest
class ContactApiTest {

    @BeforeEach
    void baseline() {
        replaceContacts("""
                id,name,mobile,email,groups
                1,Anna Andersson,070-174 06 05,anna@example.net,Krisledning|HR
                2,Bertil Berg,070-174 06 06,,Hemtjänst|Krisledning
                3,Cecilia Carlsson,,cecilia@example.org,Hemtjänst
                """);
    }

    @Test
    void groupsListMemberCounts() {
        as(Roles.SENDER).get("/api/groups").then().statusCode(200)
                .body("find { it.name == 'Krisledning' }.members", equalTo(2))
                .body("find { it.name == 'Hemtjänst' }.members", equalTo(2))
                .body("find { it.name == 'HR' }.members", equalTo(1));
    }

    @Test
    void listingByGroupShowsEveryGroupOfEachMember() {
        as(Roles.SENDER).get("/api/contacts?group=Hemtjänst").then().statusCode(200)
                .body("id", containsInAnyOrder("2", "3"))
                .body("find { it.id == '2' }.groups", containsInAnyOrder("Hemtjänst", "Krisledning"));
        asAdmin().get("/api/contacts").then().body("", hasSize(3));
    }

    /**
     * Reading several people's numbers leaves who read which list and how many people were on it, through
     * the API and the web page alike (as call lists and vCards do). One person is a look-up, not a list; the
     * same reader reading the same list again is the same read.
     */
    @Test
    void readingSeveralPeoplesNumbersIsAuditedWithWhoWhatAndHowMany() {
        String reader = "lasare-" + UUID.randomUUID().toString().substring(0, 8);
        TestApi.ensureUser(reader, List.of(Roles.SENDER));
        long before = TestApi.auditTotal();
        for (int i = 0; i < 3; i++) {
            TestApi.basic(reader, TestApi.PASSWORD).get("/api/contacts?group=Hemtjänst").then().statusCode(200).body("", hasSize(2));
        }
        TestApi.basic(reader, TestApi.PASSWORD).get("/api/contacts/1").then().statusCode(200);
        TestApi.basic(reader, TestApi.PASSWORD).get("/api/contacts").then().statusCode(200).body("", hasSize(3));

        Map<String, String> browser = TestApi.signInToUi(reader, TestApi.PASSWORD);
        given().cookies(browser).get("/app/contacts?group=Krisledning").then().statusCode(200);
        given().cookies(browser).get("/app/contacts?group=Krisledning").then().statusCode(200);
        given().cookies(browser).get("/app/contacts?q=bertil").then().statusCode(200).body(containsString("Bertil Berg"));
        // Picking people for a bulletin: a search that finds several is a list too.
        given().cookies(browser).get("/app/bulletins/people?find=carlsson").then().statusCode(200);
        given().cookies(browser).get("/app/bulletins/people?find=a").then().statusCode(200).body(containsString("Anna Andersson"));

        assertEquals(List.of("contacts.searched search=a people=2", "contacts.listed group=Krisledning people=2",
                "login.succeeded web, from 127.0.0.1", "contacts.listed everyone people=3", "contacts.listed group=Hemtjänst people=2"),
                TestApi.auditBy(reader, before));
    }

    @Test
    void createGetUpdateDelete() {
        Map<String, Object> dora = Map.of("id", "4", "name", "  Dora   Dahl ", "mobile", "0701740608",
                "groups", List.of("Skola"), "language", "en");
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(dora).post("/api/contacts").then().statusCode(201)
                .body("id", equalTo("4"))
                .body("name", equalTo("Dora Dahl"))
                .body("mobile", equalTo("+46701740608"));
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(dora).post("/api/contacts").then().statusCode(409);

        as(Roles.CONTACTS).contentType(ContentType.JSON)
                .body(Map.of("name", "Dora Dahl", "email", "dora@kommun.example.se", "groups", List.of("Skola", "IT")))
                .put("/api/contacts/4").then().statusCode(200)
                .body("mobile", equalTo(null))
                .body("warnings[0]", containsString("kommun.example.se"));
        asAdmin().get("/api/contacts/4").then().body("groups", containsInAnyOrder("IT", "Skola"))
                .body("language", equalTo("sv"));

        as(Roles.CONTACTS).delete("/api/contacts/4").then().statusCode(204);
        asAdmin().get("/api/contacts/4").then().statusCode(404).body("error", containsString("4"));
        asAdmin().get("/api/audit?size=5").then()
                .body("entries.action", hasItem("contact.created"))
                .body("entries.action", hasItem("contact.updated"))
                .body("entries.action", hasItem("contact.deleted"));
    }

    @Test
    void invalidContactsAreRefusedFieldByFieldAndChangeNothing() {
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("id", "5", "mobile", "12", "email", "no"))
                .post("/api/contacts").then().statusCode(400)
                .body("details.field", containsInAnyOrder("name", "mobile", "email"));
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("name", "Anna Andersson", "mobile", "abc"))
                .put("/api/contacts/1").then().statusCode(400);
        asAdmin().get("/api/contacts/1").then().body("mobile", equalTo("+46701740605"));
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("id", "99", "name", "Anna Andersson", "mobile", "0701740605"))
                .put("/api/contacts/1").then().statusCode(400).body("error", containsString("99"));
    }

    @Test
    void hostileTextIsStoredAsTextNotMarkup() {
        String hostile = "<img src=x onerror=alert(1)>";
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("id", "6", "name", hostile, "mobile", "0701740609"))
                .post("/api/contacts").then().statusCode(201).contentType(ContentType.JSON);
        asAdmin().get("/api/contacts/6").then().body("name", equalTo(hostile));
    }
}
