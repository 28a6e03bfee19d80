package se.outband.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import se.outband.PackagedJar;
import se.outband.database.InstancesOnPostgres;
import se.outband.database.PostgresServer;

/**
 * How close Outband comes to the provider's bound: the packaged service with the shipped JVM options sends
 * one bulletin to 20,000 people through the real Twilio SDK to a fake that answers after 50 ms, at bounds of
 * 500, 1,000 and 2,000 SMS a second, on H2, on PostgreSQL, and with two instances on PostgreSQL sharing the
 * highest bound. Every run has a fresh service, database and fake. Prints one table; fails if the fake saw
 * more than the bound in any second, or anyone was not asked for. Run with
 * {@code ./mvnw verify -Pceiling} (or with the others, -Pbenchmark); -Dbench.recipients, -Dbench.bounds,
 * -Dbench.databases (h2,postgresql), -Dbench.latency-ms and -Dbench.concurrency change the setting.
 */
@Tag("benchmark")
@Tag("ceiling")
class CeilingBenchmarkIT {

    private static final int RECIPIENTS = Integer.getInteger("bench.recipients", 20_000);
    private static final int LATENCY_MS = Integer.getInteger("bench.latency-ms", 50);
    private static final List<Integer> BOUNDS = Arrays.stream(System.getProperty("bench.bounds", "500,1000,2000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final List<String> DATABASES = List.of(System.getProperty("bench.databases", "h2,postgresql").split(","));
    /** Requests the fake's ceiling is measured with: more than any run's concurrency, fewer than a test JVM's client handles badly. */
    private static final int CEILING_IN_FLIGHT = 200;
    private static final Path WORK = Path.of("target", "ceiling-benchmark");
    /** Where a send loses most on two cores: its start, while the later recipients are still being stored. */
    private static final int FIRST_SECONDS = 3;

    private record Row(String setup, int bound, int concurrency, CeilingSend.Figures figures) {
    }

    @Test
    void closeToTheBound() throws Exception {
        Files.createDirectories(WORK);
        double fakeCeiling;
        try (BoundedTwilio twilio = new BoundedTwilio(LATENCY_MS, CEILING_IN_FLIGHT)) {
            fakeCeiling = twilio.ceiling(CEILING_IN_FLIGHT, 3);
        }
        List<Row> rows = new ArrayList<>();
        for (String database : DATABASES) {
            for (int bound : BOUNDS) {
                rows.add(database.equals("h2") ? onH2(bound) : onPostgres(bound, 1));
            }
            if (database.equals("postgresql") && PostgresServer.available()) {
                rows.add(onPostgres(BOUNDS.get(BOUNDS.size() - 1), 2));
            }
        }
        print(fakeCeiling, rows);
        for (Row row : rows) {
            assertTrue(row.figures().secondsAbove().isEmpty(), row.setup() + " at " + row.bound() + "/s exceeded the bound in seconds "
                    + row.figures().secondsAbove());
            assertEquals(RECIPIENTS, row.figures().reached(), row.setup() + " at " + row.bound() + "/s: everyone asked for");
        }
    }

    /** In flight at once: twice what the latency needs to meet the bound, so the bound is what holds the rate. */
    private static int concurrency(int bound) {
        return Integer.getInteger("bench.concurrency", (int) Math.ceil(2.0 * bound * LATENCY_MS / 1000));
    }

    private static Row onH2(int bound) throws Exception {
        int concurrency = concurrency(bound);
        try (BoundedTwilio twilio = new BoundedTwilio(LATENCY_MS, concurrency)) {
            int port = PackagedJar.freePort();
            Map<String, String> settings = new HashMap<>(PackagedService.settings());
            settings.putAll(twilio.settings(concurrency, bound));
            settings.put("quarkus.http.port", Integer.toString(port));
            settings.put("outband.public-url", "http://localhost:" + port);
            Process service = PackagedJar.start(port, Map.of(), settings, WORK.resolve("h2-" + bound + ".log"));
            try {
                return new Row("H2", bound, concurrency,
                        CeilingSend.measure(List.of(new CeilingSend.Service(service.pid(), port)), twilio, RECIPIENTS, bound));
            } finally {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Row onPostgres(int bound, int instances) throws Exception {
        int concurrency = concurrency(bound);
        try (BoundedTwilio twilio = new BoundedTwilio(LATENCY_MS, instances * concurrency)) {
            Map<String, String> settings = new HashMap<>(PackagedService.settings());
            settings.putAll(twilio.settings(concurrency, bound));
            try (InstancesOnPostgres postgres = new InstancesOnPostgres(WORK.resolve("postgresql-" + instances + "-" + bound), settings)) {
                List<CeilingSend.Service> services = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    InstancesOnPostgres.Instance instance = postgres.ready(postgres.launch(Character.toString('a' + i)));
                    services.add(new CeilingSend.Service(instance.process().pid(), instance.port()));
                }
                return new Row(instances == 1 ? "PostgreSQL" : "PostgreSQL ×" + instances, bound, concurrency,
                        CeilingSend.measure(services, twilio, RECIPIENTS, bound));
            }
        }
    }

    private static void print(double fakeCeiling, List<Row> rows) {
        System.out.printf("%n=== Ceiling benchmark: %,d recipients, fake Twilio answering in %d ms, JVM options %s ===%n", RECIPIENTS,
                LATENCY_MS, PackagedService.jvmOptions());
        System.out.printf("the fake's own ceiling: %,.0f messages/s (%d requests open at once from the test's JVM)%n", fakeCeiling, CEILING_IN_FLIGHT);
        System.out.printf("%-14s %6s %5s %8s %6s %17s %7s %8s %8s %8s %10s %9s %9s %10s %6s %5s%n", "setup", "bound", "conc", "msg/s", "ratio",
                "seconds 1/2/3", "from 4", "CPU ms", "fake ms", "RSS MB", "first SMS", "warm 1st", "all sent", "all stored", "over", "dupl");
        for (Row row : rows) {
            CeilingSend.Figures f = row.figures();
            System.out.printf("%-14s %6d %5d %8.0f %6.2f %17s %7.2f %8.2f %8.2f %8d %8d ms %6d ms %7.1f s %8.1f s %6d %5d%n", row.setup(), row.bound(),
                    row.concurrency(), f.rate(), f.rate() / row.bound(), f.firstSeconds(FIRST_SECONDS), f.rateAfter(FIRST_SECONDS) / row.bound(),
                    f.cpuMillisPerMessage(), f.fakeCpuMillisPerMessage(), f.peakRssMb(), f.firstSmsMillis(),
                    f.warmFirstSmsMillis(), f.allSentMillis() / 1000.0, f.allStoredMillis() / 1000.0, f.secondsAbove().size(),
                    f.duplicates());
        }
        System.out.println("ratio: msg/s, from the first SMS to the last, over the bound; seconds 1/2/3: arrivals in each of the first three"
                + " seconds after the first SMS; from 4: the mean of each later full second over the bound.");
        System.out.println("CPU ms: the services' process CPU time from the POST until every result is stored, per message; fake ms: the same of the test's JVM (the fake);"
                + " first SMS: after the first bulletin since the start; warm 1st: a second bulletin to 10 people after it;"
                + " over: seconds in which the fake saw more than the bound; dupl: numbers asked for twice.");
        System.out.println();
    }
}
