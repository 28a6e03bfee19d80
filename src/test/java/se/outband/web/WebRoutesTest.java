package se.outband.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import se.outband.TestApi;
import se.outband.access.Roles;

/**
 * Every page and form of the web UI, found from the code itself (so a new page is covered without
 * editing this test), refuses an anonymous visitor and every form refuses a post without the CSRF token.
 */
@QuarkusTest
class WebRoutesTest {

    /** Give up after 15 seconds (a slow CI machine): a malformed path must be answered, never hang. */
    private static final RestAssuredConfig PROMPT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 15000).setParam("http.connection.timeout", 15000));

    record Route(String method, String path) {
    }

    static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (JavaClass type : se.outband.ArchitectureTest.OUTBAND) {
            Class<?> page = type.reflect();
            Path root = page.getAnnotation(Path.class);
            if (root == null || !root.value().startsWith("/app")) {
                continue;
            }
            for (Method method : page.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = (root.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/")
                            .replaceAll("\\{[^}]+}", "1");
                    routes.add(new Route(verb, path.length() > 1 && path.endsWith("/") && sub != null ? path.substring(0, path.length() - 1) : path));
                }
            }
        }
        return routes;
    }

    @Test
    void everyPageAndFormRefusesAnAnonymousVisitor() {
        List<Route> routes = routes();
        assertTrue(routes.size() >= 25, () -> "found only " + routes);
        assertTrue(routes.contains(new Route("POST", "/app/bulletins/send")), () -> routes.toString());
        List<String> open = new ArrayList<>();
        for (Route route : routes) {
            Response answer = given().config(PROMPT).redirects().follow(false).formParams(Map.of("csrf", "x", "text", "x"))
                    .request(route.method(), route.path());
            boolean toLogin = answer.statusCode() == 302 && answer.header("Location").endsWith("/login");
            if (!toLogin) {
                open.add(route + " -> " + answer.statusCode());
            }
        }
        assertEquals(List.of(), open, "routes answering an anonymous visitor");
    }

    @Test
    void everyFormRefusesAPostWithoutTheCsrfTokenEvenFromAnAdmin() {
        Map<String, String> admin = TestApi.signInToUi("routes-admin", List.of(Roles.ADMIN));
        List<String> accepted = new ArrayList<>();
        for (Route route : routes()) {
            if (!route.method().equals("POST")) {
                continue;
            }
            int withoutToken = status(() -> given().config(PROMPT).redirects().follow(false).cookies(admin)
                    .formParams(Map.of("text", "x")).post(route.path()));
            int wrongToken = status(() -> given().config(PROMPT).redirects().follow(false).cookies(admin)
                    .formParams(Map.of("csrf", "forged")).post(route.path()));
            int crossSite = status(() -> given().config(PROMPT).redirects().follow(false).cookies(admin)
                    .header("Sec-Fetch-Site", "cross-site").formParams(Map.of("csrf", admin.get("outband-csrf"))).post(route.path()));
            if (withoutToken != 403 || wrongToken != 403 || crossSite != 403) {
                accepted.add(route + " -> " + withoutToken + "/" + wrongToken + "/" + crossSite);
            }
        }
        assertEquals(List.of(), accepted, "forms taking a post without a valid CSRF token");
    }

    /** The status, or -1 when no answer came within the timeout. */
    private static int status(java.util.function.Supplier<Response> request) {
        try {
            return request.get().statusCode();
        } catch (Exception e) {
            // REST Assured throws the socket's timeout as it is, unchecked by the compiler.
            if (e instanceof java.net.SocketTimeoutException || e.getCause() instanceof java.net.SocketTimeoutException) {
                return -1;
            }
            throw e;
        }
    }

    @Test
    void theSignInFormItselfNeedsTheTokenSoAnotherSiteCannotSignABrowserIn() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", "admin", "password", TestApi.ADMIN_PASSWORD)).post("/login")
                .then().statusCode(403).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        String csrf = TestApi.csrfFromLoginPage();
        given().redirects().follow(false).cookie("outband-csrf", csrf).header("Sec-Fetch-Site", "cross-site")
                .formParams(Map.of("csrf", csrf, "username", "admin", "password", TestApi.ADMIN_PASSWORD)).post("/login")
                .then().statusCode(403);
        given().redirects().follow(false).cookie("outband-csrf", csrf).header("Origin", "https://evil.example")
                .formParams(Map.of("csrf", csrf, "username", "admin", "password", TestApi.ADMIN_PASSWORD)).post("/login")
                .then().statusCode(403);
    }

    @Test
    void pathParameterAndEncodingVariantsNeverOpenAPageAndNeverHang() {
        Map<String, String> contactsOnly = TestApi.signInToUi("variants-contacts", List.of(Roles.CONTACTS));
        for (String variant : List.of("/app;", "/app/;x", "/app;jsessionid=1/", "/app/admin;x", "/app/admin;x/", "/app/%2e%2e/app/",
                "/app/..;/admin", "/app%2fadmin", "/APP/", "/app/admin%3Bx", "/app/bulletins/new;x", "/app/%00", "/app/admin%00",
                "/app/%5cadmin", "/status/index.html%00", "/app/%252e%252e/admin")) {
            Response anonymous = given().config(PROMPT).redirects().follow(false).urlEncodingEnabled(false).get(variant);
            assertFalse(anonymous.statusCode() == 200, variant + " answered 200 without signing in");
            anonymous.then().body(not(containsString("Läget just nu")));
            int status = anonymous.statusCode();
            assertTrue(status == 400 || status == 401 || status == 404 || status == 302, variant + " -> " + status);

            Response signedIn = given().config(PROMPT).redirects().follow(false).urlEncodingEnabled(false).cookies(contactsOnly).get(variant);
            assertFalse(signedIn.statusCode() == 200 && signedIn.asString().contains("Administration</h1>"),
                    variant + " opened the administration page for a user without the admin role");
        }
    }

    @Test
    void pagesCarryTheBrowserProtectionsAndPersonalDataIsNotCached() {
        Map<String, String> cookies = TestApi.signInToUi("headers-sender", List.of(Roles.SENDER));
        for (String page : List.of("/app/", "/app/bulletins/new", "/app/account")) {
            Response answer = given().cookies(cookies).get(page);
            assertEquals(200, answer.statusCode(), page);
            String policy = answer.header("Content-Security-Policy");
            assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'")
                    && !policy.contains("unsafe-inline"), page + ": " + policy);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), page);
            assertEquals("same-origin", answer.header("Referrer-Policy"), page);
            assertEquals("no-store", answer.header("Cache-Control"), page);
            assertFalse(answer.asString().contains("<script>") || answer.asString().contains("<style>"), page + " has inline code");
        }
        Response login = given().get("/login");
        assertEquals("no-store", login.header("Cache-Control"));
        assertTrue(login.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        // The tests run with outband.public-url on https, as behind the TLS proxy: every cookie is Secure.
        assertTrue(login.headers().getValues("Set-Cookie").stream().allMatch(c -> c.contains("Secure") && c.contains("SameSite=Strict")),
                () -> login.headers().getValues("Set-Cookie").toString());
        Response signIn = TestApi.postSignIn(login.getCookie("outband-csrf"), "headers-sender", TestApi.PASSWORD);
        assertTrue(signIn.header("Set-Cookie").contains("Secure") && signIn.header("Set-Cookie").contains("HttpOnly"),
                signIn.header("Set-Cookie"));
    }

    @Test
    void hostileHeadersAndRedirectTargetsGetAPlainAnswerNeverA500() {
        // A malformed Accept-Language is the client's error (the framework answers 400), never a 500.
        given().header("Accept-Language", "sv;q=x").get("/login").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        given().header("Accept-Language", "en;q=2").get("/login").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        given().header("Accept-Language", ";;;").get("/api/contacts").then().statusCode(401);
        for (String back : List.of("/app/%0d%0aSet-Cookie:x=y", "/app/%00", "/app/%e2%80%a8", "/app/../..//evil.example",
                "//evil.example", "https://evil.example/app/", "/app/contacts?q=%3Cscript%3E")) {
            given().redirects().follow(false).urlEncodingEnabled(false).get("/language?to=en&back=" + back).then()
                    .statusCode(303).header("Location", "/app/");
        }
        given().redirects().follow(false).get("/language?to=en&back=/app/contacts").then().header("Location", "/app/contacts");
        // Redirects are relative: a forged Host header cannot send the browser elsewhere.
        String csrf = TestApi.csrfFromLoginPage();
        given().redirects().follow(false).header("Host", "evil.example").cookie("outband-csrf", csrf)
                .formParams(Map.of("csrf", csrf, "username", "nobody-here", "password", "x")).post("/login")
                .then().header("Location", org.hamcrest.Matchers.nullValue());
        Map<String, String> cookies = TestApi.signInToUi("redirect-sender", List.of(Roles.SENDER));
        given().redirects().follow(false).header("Host", "evil.example").cookies(cookies)
                .formParams(Map.of("csrf", cookies.get("outband-csrf"))).post("/app/logout")
                .then().statusCode(303).header("Location", "/login");
        // Even a refused address carries the browser protections.
        given().urlEncodingEnabled(false).get("/app;x").then().statusCode(400).header("X-Content-Type-Options", "nosniff");
    }
}
