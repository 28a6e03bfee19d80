package se.outband.statuspage;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Test-only: empties the status page between tests; the API deliberately has no way to delete incidents. */
public final class StatusPageFixtures {

    private StatusPageFixtures() {
    }

    public static long incidents() {
        return QuarkusTransaction.requiringNew().call(() -> Incident.count());
    }

    public static void clear() {
        QuarkusTransaction.requiringNew().run(() -> {
            IncidentUpdate.deleteAll();
            Incident.<Incident>listAll().forEach(Incident::delete);
            Incident.flush();
            MonitoredSystem.deleteAll();
        });
    }
}
