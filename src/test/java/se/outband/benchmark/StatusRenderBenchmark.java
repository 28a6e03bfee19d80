package se.outband.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.statuspage.Incident;
import se.outband.statuspage.IncidentState;
import se.outband.statuspage.IncidentUpdate;
import se.outband.statuspage.MonitoredSystem;
import se.outband.statuspage.StatusPageFixtures;
import se.outband.statuspage.StatusSite;
import se.outband.statuspage.SystemState;

/**
 * Prints how long rendering the whole status site takes with 50 systems and 200 incidents with 1,000
 * updates, and what each page weighs. Run with {@code ./mvnw verify -Pbenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class StatusRenderBenchmark {

    private static final int SYSTEMS = 50;
    private static final int INCIDENTS = 200;
    private static final int UPDATES_PER_INCIDENT = 5;
    private static final int OPEN = 10;
    private static final int RUNS = 20;

    @Inject
    StatusSite site;

    @Test
    void render() throws IOException {
        fill();
        for (int i = 0; i < 5; i++) {
            site.render();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            site.render();
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        Path dir = site.current().toRealPath();
        System.out.printf("%n=== Status page render: %d systems, %d incidents (%d open), %d updates ===%n",
                SYSTEMS, INCIDENTS, OPEN, INCIDENTS * UPDATES_PER_INCIDENT);
        System.out.printf("render, all files (median of %d) : %.1f ms (fastest %.1f, slowest %.1f)%n", RUNS,
                micros.get(RUNS / 2) / 1000.0, micros.get(0) / 1000.0, micros.get(RUNS - 1) / 1000.0);
        for (String page : List.of("index.html", "en/index.html", "history.html", "feed.atom", "status.json")) {
            System.out.printf("%-32s : %,d bytes%n", page, Files.size(dir.resolve(page)));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            Path largest = all.stream().filter(p -> p.toString().endsWith(".html"))
                    .max(Comparator.comparingLong(StatusRenderBenchmark::size)).orElseThrow();
            System.out.printf("largest HTML page                : %s, %,d bytes%n", dir.relativize(largest), size(largest));
            System.out.printf("files written per render         : %d%n%n", all.size());
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fill() {
        StatusPageFixtures.clear();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            List<Long> ids = new ArrayList<>();
            SystemState[] states = SystemState.values();
            for (int i = 0; i < SYSTEMS; i++) {
                MonitoredSystem system = new MonitoredSystem();
                system.name = "System " + i + " (verksamhetssystem)";
                system.groupName = "Grupp " + (i % 6);
                system.state = states[i % states.length];
                system.priority = i + 1;
                system.note = i % 3 == 0 ? "Återställs efter infrastruktur och administratörskonton." : null;
                system.updatedAt = now;
                system.persist();
                ids.add(system.id);
            }
            for (int i = 0; i < INCIDENTS; i++) {
                Incident incident = new Incident();
                incident.title = "Händelse " + i + ": störning i e-post och telefoni";
                incident.state = i < OPEN ? IncidentState.IDENTIFIED : IncidentState.RESOLVED;
                incident.serviceIds = new HashSet<>(Set.of(ids.get(i % SYSTEMS), ids.get((i + 7) % SYSTEMS)));
                incident.createdAt = now.minus(INCIDENTS - i, ChronoUnit.HOURS);
                incident.updatedAt = incident.createdAt;
                incident.resolvedAt = i < OPEN ? null : incident.createdAt.plus(1, ChronoUnit.HOURS);
                incident.persist();
                for (int u = 0; u < UPDATES_PER_INCIDENT; u++) {
                    IncidentUpdate update = new IncidentUpdate();
                    update.incidentId = incident.id;
                    update.text = "Uppdatering " + u + ": vi arbetar med att återställa systemen i publicerad ordning.";
                    update.state = u == UPDATES_PER_INCIDENT - 1 ? incident.state : IncidentState.INVESTIGATING;
                    update.createdAt = incident.createdAt.plus(u * 10L, ChronoUnit.MINUTES);
                    update.persist();
                }
            }
        });
    }
}
