package se.outband.benchmark;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;

/**
 * Imports a 100,000-row staff list into the packaged service (its own process, the shipped JVM
 * settings), then imports it again unchanged and once more with every row changed, and prints the
 * time of each and the service's peak resident memory. Run with {@code ./mvnw verify -Pbenchmark}.
 * It asserts what each import did, never how fast.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedService.class)
@Tag("benchmark")
class ImportBenchmarkIT {

    private static final int ROWS = 100_000;
    private static final String[] GROUPS = {"Krisledning", "HR", "Hemtjänst", "Skola", "IT", "Kommunikation", "Lön"};

    @Test
    void import100000Rows() throws Exception {
        long pid = PackagedService.pid();
        long rssAtStart = PackagedService.peakRssMb(pid);
        byte[] csv = generate("Handläggare");
        byte[] changed = generate("Samordnare");

        long fresh = timeImport(csv, "replace", ROWS, 0, 0);
        long rssAfterFresh = PackagedService.peakRssMb(pid);
        long again = timeImport(csv, "merge", 0, 0, ROWS);
        long replaced = timeImport(changed, "replace", 0, ROWS, 0);
        long peak = PackagedService.peakRssMb(pid);

        System.out.printf("%n=== Import benchmark: %,d rows (%,d KB CSV), packaged service ===%n", ROWS, csv.length / 1024);
        System.out.printf("import into an empty list     : %,d ms%n", fresh);
        System.out.printf("re-import, nothing changed    : %,d ms%n", again);
        System.out.printf("re-import, every row changed  : %,d ms%n", replaced);
        System.out.printf("peak RSS of the service       : %,d MB (%,d MB at start, %,d MB after the first import)%n",
                peak, rssAtStart, rssAfterFresh);
        System.out.printf("JVM options of the service    : %s%n%n", PackagedService.jvmOptions());
    }

    private static long timeImport(byte[] csv, String mode, int created, int updated, int unchanged) {
        long start = System.nanoTime();
        JsonPath report = given().auth().preemptive().basic("admin", PackagedService.ADMIN_PASSWORD)
                .contentType("text/csv").body(csv)
                .post("/api/contacts/import?mode=" + mode)
                .then().statusCode(200).extract().jsonPath();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(created, report.getInt("created"), "created");
        assertEquals(updated, report.getInt("updated"), "updated");
        assertEquals(unchanged, report.getInt("unchanged"), "unchanged");
        return millis;
    }

    private static byte[] generate(String title) {
        StringBuilder csv = new StringBuilder("anstnr;namn;mobil;epost;grupper;språk;titel;enhet\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(100000 + i).append(";Person ").append(i).append(" Exempelsson;")
                    .append("070-2").append(String.format("%06d", i)).append(";person").append(i).append("@example.net;")
                    .append(GROUPS[i % GROUPS.length]).append('|').append(GROUPS[(i / 7) % GROUPS.length])
                    .append(";sv;").append(title).append(";Enhet ").append(i % 50).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
