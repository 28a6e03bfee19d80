package se.outband;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Requests as the test users; users are created through the real API the first time they are needed. */
public final class TestApi {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "a-long-test-password";

    private TestApi() {
    }

    public static RequestSpecification asAdmin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    /** HTTP Basic in UTF-8, as browsers send it (REST Assured's own encodes Latin-1, which loses å, ä, ö). */
    public static RequestSpecification basic(String username, String password) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return given().header("Authorization", "Basic " + credentials);
    }

    /** A user named after its role, holding only that role. */
    public static RequestSpecification as(String role) {
        ensureUser(role, List.of(role));
        return basic(role, PASSWORD);
    }

    public static void ensureUser(String username, List<String> roles) {
        int status = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", roles))
                .post("/api/users").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create test user " + username + ": HTTP " + status);
        }
    }

    /**
     * Signs in through the web UI's login form as a browser would, and returns the cookies it then
     * holds: the session and the CSRF token.
     */
    public static Map<String, String> signInToUi(String username, List<String> roles) {
        ensureUser(username, roles);
        return signInToUi(username, PASSWORD);
    }

    /** The sign-in form's answer: 303 to the start page (or to the code step) with the session cookie. */
    public static Response postSignIn(String csrf, String username, String password) {
        return given().redirects().follow(false).cookie("outband-csrf", csrf).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrf", csrf, "username", username, "password", password)).post("/login");
    }

    /** The CSRF token a browser gets with the sign-in page. */
    public static String csrfFromLoginPage() {
        return given().get("/login").then().statusCode(200).extract().cookie("outband-csrf");
    }

    /** Signs in an existing user with a password (no second factor) and returns the session and CSRF cookies. */
    public static Map<String, String> signInToUi(String username, String password) {
        String csrf = csrfFromLoginPage();
        Response login = postSignIn(csrf, username, password);
        if (login.statusCode() != 303 || !login.header("Location").endsWith("/app/")) {
            throw new IllegalStateException("Sign-in as " + username + " answered HTTP " + login.statusCode());
        }
        String session = login.getCookie("outband-session");
        Response start = given().cookie("outband-session", session).get("/app/");
        if (start.statusCode() != 200) {
            throw new IllegalStateException("The start page answered HTTP " + start.statusCode() + " after signing in");
        }
        return Map.of("outband-session", session, "outband-csrf", csrf);
    }

    /**
     * A client address of its own, as the trusted proxy in front of Outband reports it in
     * X-Forwarded-For: tests that fail sign-ins on purpose hold back only that address.
     */
    public static String newAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** Replaces the whole contact list, so a test starts from exactly the people it names. */
    public static void replaceContacts(String csv) {
        asAdmin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=replace")
                .then().statusCode(200);
    }

    /** How many entries the audit log holds. */
    public static long auditTotal() {
        return asAdmin().get("/api/audit?size=1").then().statusCode(200).extract().<Number>path("total").longValue();
    }

    /** The audit entries of {@code actor} since the log held {@code before} entries, newest first, each as "action details". */
    public static List<String> auditBy(String actor, long before) {
        List<Map<String, Object>> since = asAdmin().get("/api/audit?size=" + Math.max(1, auditTotal() - before)).then().statusCode(200)
                .extract().jsonPath().getList("entries");
        return since.stream().filter(e -> actor.equals(e.get("actor"))).map(e -> e.get("action") + " " + e.get("details")).toList();
    }
}
