package se.outband.messaging;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.MessagingTestSupport.CONTACTS;
import static se.outband.messaging.MessagingTestSupport.awaitDeliveries;
import static se.outband.messaging.MessagingTestSupport.inState;
import static se.outband.messaging.MessagingTestSupport.sendOk;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import se.outband.access.Roles;

/** The embedded defaults: nothing leaves the machine, everything says so, and the demo still shows progress. */
@QuarkusTest
@TestProfile(DryRunGatewaysTest.EmbeddedDefaults.class)
class DryRunGatewaysTest {

    public static class EmbeddedDefaults implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outband.sms.provider", "dry-run", "outband.mail.provider", "dry-run");
        }
    }

    @Test
    void dryRunMarksEverythingDeliveredAndSaysItWasADryRun() {
        replaceContacts(CONTACTS);
        long id = sendOk(Map.of("text", "Provkörning", "groups", List.of("HR", "Krisledning")));
        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("DELIVERED"));
        assertEquals(4, deliveries.size());
        assertTrue(deliveries.stream().allMatch(d -> String.valueOf(d.get("providerId")).startsWith("dry-run-")), deliveries::toString);
        as(Roles.SENDER).get("/api/bulletins/" + id).then()
                .body("percentReached", equalTo(100))
                .body("providers.sms", equalTo("dry-run"))
                .body("providers.email", equalTo("dry-run"))
                .body("dryRunNotice", containsString("Provkörning"));
    }
}
