package se.outband.statuspage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.access.Roles;

/** A client written for Statuspage's public API v2 reads Outband's page: its files, fields and words. */
@QuarkusTest
class StatuspageApiTest {

    private static final Set<String> COMPONENT_WORDS = Set.of("operational", "degraded_performance", "partial_outage", "major_outage");

    @Inject
    StatusSite site;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void emptyStatusPage() {
        StatusPageFixtures.clear();
        site.render();
    }

    @Test
    void summaryStatusComponentsAndIncidentsHaveStatuspagesShape() throws Exception {
        long mail = system("E-post", "down", 1, "Vård");
        long phone = system("Telefoni", "restoring", 2, "Vård");
        long web = system("Webben", "unknown", 3, null);
        long id = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("title", "IT-angrepp", "text", "E-post ligger nere.", "services", List.of(mail, phone)))
                .post("/api/status/incidents").then().statusCode(201).extract().<Number>path("id").longValue();
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("text", "Vi återställer.", "state", "monitoring"))
                .post("/api/status/incidents/" + id + "/updates").then().statusCode(201);
        long old = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("title", "Gammalt", "text", "Över.", "state", "resolved"))
                .post("/api/status/incidents").then().statusCode(201).extract().<Number>path("id").longValue();

        JsonNode summary = read("summary.json");
        assertEquals("outband", summary.at("/page/id").asText());
        assertEquals("https://outband.test/status/", summary.at("/page/url").asText());
        Instant.parse(summary.at("/page/updated_at").asText());
        assertEquals("critical", summary.at("/status/indicator").asText());
        assertEquals("Major Service Outage", summary.at("/status/description").asText());
        assertTrue(summary.at("/scheduled_maintenances").isArray());

        JsonNode components = summary.at("/components");
        assertEquals(4, components.size(), "three systems and their one group");
        for (JsonNode component : components) {
            assertTrue(component.get("id").isTextual(), component.toString());
            assertTrue(COMPONENT_WORDS.contains(component.get("status").asText()), component.toString());
            assertTrue(component.get("group").isBoolean(), component.toString());
            Instant.parse(component.get("updated_at").asText());
        }
        assertEquals(List.of(Long.toString(mail), Long.toString(phone), Long.toString(web)),
                List.of(components.get(0).get("id").asText(), components.get(1).get("id").asText(), components.get(2).get("id").asText()));
        assertEquals("major_outage", components.get(0).get("status").asText());
        assertEquals("partial_outage", components.get(1).get("status").asText());
        assertEquals("degraded_performance", components.get(2).get("status").asText());
        JsonNode group = components.get(3);
        assertTrue(group.get("group").asBoolean());
        assertEquals("Vård", group.get("name").asText());
        assertEquals("major_outage", group.get("status").asText(), "a group is as bad as its worst member");
        assertEquals(List.of(Long.toString(mail), Long.toString(phone)), List.of(group.at("/components/0").asText(), group.at("/components/1").asText()));
        assertEquals(group.get("id").asText(), components.get(0).get("group_id").asText());
        assertTrue(components.get(2).get("group_id").isNull());

        assertEquals(1, summary.at("/incidents").size(), "the summary lists unresolved incidents");
        JsonNode incident = summary.at("/incidents/0");
        assertEquals(Long.toString(id), incident.get("id").asText());
        assertEquals("monitoring", incident.get("status").asText());
        assertEquals("critical", incident.get("impact").asText());
        assertEquals("https://outband.test/status/incidents/" + id + ".html", incident.get("shortlink").asText());
        Instant.parse(incident.get("monitoring_at").asText());
        assertTrue(incident.get("resolved_at").isNull());
        assertEquals("E-post", incident.at("/components/0/name").asText(), "components, not ids");
        assertEquals("major_outage", incident.at("/components/0/status").asText());
        JsonNode updates = incident.get("incident_updates");
        assertEquals(2, updates.size());
        assertEquals("Vi återställer.", updates.get(0).get("body").asText(), "newest first");
        assertEquals(Long.toString(id), updates.get(0).get("incident_id").asText());
        assertTrue(updates.get(1).get("id").isTextual());
        assertEquals("major_outage", updates.get(1).at("/affected_components/0/new_status").asText());
        assertEquals(Long.toString(mail), updates.get(1).at("/affected_components/0/code").asText());

        JsonNode status = read("status.json");
        assertEquals(Set.of("page", "status"), fields(status));
        assertEquals(summary.at("/status"), status.at("/status"));
        assertEquals(summary.at("/components"), read("components.json").at("/components"));
        JsonNode incidents = read("incidents.json").at("/incidents");
        assertEquals(List.of(Long.toString(old), Long.toString(id)), List.of(incidents.get(0).get("id").asText(), incidents.get(1).get("id").asText()),
                "resolved ones too, newest first");
        assertEquals("none", incidents.get(0).get("impact").asText(), "an incident naming no system has no impact");
        assertEquals("resolved", incidents.get(0).get("status").asText());
        Instant.parse(incidents.get(0).get("resolved_at").asText());

        given().get("/status/status.json").then().statusCode(200).body(containsString("\"resolved_incidents\""));
    }

    private JsonNode read(String file) throws Exception {
        return json.readTree(given().get("/status/api/v2/" + file).then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static long system(String name, String state, int priority, String group) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "state", state, "priority", priority));
        if (group != null) {
            body.put("group", group);
        }
        return as(Roles.SENDER).contentType(ContentType.JSON).body(body).post("/api/status/services").then().statusCode(201).extract()
                .<Number>path("id").longValue();
    }
}
