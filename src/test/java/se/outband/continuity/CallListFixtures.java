package se.outband.continuity;

import static se.outband.TestApi.asAdmin;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** People of a test's own, made through the API, and the audit log's counter to compare before and after. */
final class CallListFixtures {

    /** Names that no other test uses, in Swedish name order: å, ä and ö come after z. */
    static final List<String> SORTED = List.of("Adam Andersson", "Zoe Zetterberg", "Åsa Åkesson", "Ärla Ärlig", "Östen Öberg");

    /** One test's people: a group, a unit and a second group, all named uniquely. */
    record Staff(String suffix, String group, String otherGroup, String unit) {
        /** "a1b2c3d4-osten.oberg": the organisation's own id, as an HR export would give it. */
        String id(String name) {
            return suffix + "-" + Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                    .replace(' ', '.');
        }
    }

    private CallListFixtures() {
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The five of {@link #SORTED} in the group (created in another order), Åsa also in the other group,
     * Adam and Östen in the unit, Ärla with email only; and Bertil only in the other group.
     */
    static Staff staff(String group) {
        String suffix = unique();
        Staff staff = new Staff(suffix, group, "Krisledning " + suffix, "Enhet Norr " + suffix);
        contact(staff, "Östen Öberg", "070-174 06 51", "osten.oberg@example.net", List.of(group), "Undersköterska", staff.unit());
        contact(staff, "Ärla Ärlig", null, "arla@example.net", List.of(group), null, null);
        contact(staff, "Zoe Zetterberg", "070-174 06 52", null, List.of(group), "Sjuksköterska", null);
        contact(staff, "Åsa Åkesson", "+46 70 174 06 53", "asa@example.net", List.of(group, staff.otherGroup()), "Enhetschef", null);
        contact(staff, "Adam Andersson", "0701740654", null, List.of(group), null, staff.unit());
        contact(staff, "Bertil Borg", "070-174 06 55", null, List.of(staff.otherGroup()), null, null);
        return staff;
    }

    static void contact(Staff staff, String name, String mobile, String email, List<String> groups, String title, String unit) {
        Map<String, Object> body = new HashMap<>(Map.of("id", staff.id(name), "name", name, "groups", groups));
        if (mobile != null) {
            body.put("mobile", mobile);
        }
        if (email != null) {
            body.put("email", email);
        }
        if (title != null) {
            body.put("title", title);
        }
        if (unit != null) {
            body.put("unit", unit);
        }
        asAdmin().contentType(ContentType.JSON).body(body).post("/api/contacts").then().statusCode(201);
    }

    static long auditTotal() {
        return asAdmin().get("/api/audit?size=1").then().statusCode(200).extract().<Number>path("total").longValue();
    }

    /** The newest audit entry: {actor, action, details}. */
    static Map<String, Object> newestAudit() {
        JsonPath page = asAdmin().get("/api/audit?size=1").then().statusCode(200).extract().jsonPath();
        return page.getMap("entries[0]");
    }
}
