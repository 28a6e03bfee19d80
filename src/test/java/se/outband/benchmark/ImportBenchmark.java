package se.outband.benchmark;

import static se.outband.TestApi.asAdmin;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Prints how long importing a 20,000-row staff list takes through the HTTP API, and the heap it
 * needs. Run with {@code ./mvnw verify -Pbenchmark}; it asserts nothing about time on purpose.
 */
@QuarkusTest
@Tag("benchmark")
class ImportBenchmark {

    private static final int ROWS = 20_000;
    private static final int RUNS = 5;
    private static final String[] GROUPS = {"Krisledning", "HR", "Hemtjänst", "Skola", "IT", "Kommunikation", "Lön"};

    @TestHTTPResource("/api/contacts/import")
    URI importUri;

    private final HttpClient client = HttpClient.newHttpClient();
    private String token;

    @Test
    void import20000Rows() throws Exception {
        // A bearer token, as an HR system's export script would use: no bcrypt check in the timing.
        token = asAdmin().contentType("application/json").body(Map.of("name", "import-benchmark", "roles", List.of("contacts")))
                .post("/api/tokens").then().statusCode(201).extract().path("token");
        byte[] csv = generate();
        List<Long> fresh = new ArrayList<>();
        List<Long> again = new ArrayList<>();
        long peakHeap = 0;
        for (int run = 0; run < RUNS; run++) {
            timeImport("id,name,mobile\nx,Tom lista,0701740605\n".getBytes(StandardCharsets.UTF_8), "?mode=replace");
            System.gc();
            resetPeaks();
            fresh.add(timeImport(csv, "?mode=replace"));
            peakHeap = Math.max(peakHeap, peakHeapBytes());
            again.add(timeImport(csv, "?mode=merge"));
        }
        System.gc();
        long retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("%n=== Import benchmark: %,d rows (%,d KB CSV), median of %d ===%n", ROWS, csv.length / 1024, RUNS);
        System.out.printf("fresh import (all created)    : %,d ms  (runs %s)%n", median(fresh), fresh);
        System.out.printf("re-import (all unchanged)     : %,d ms  (runs %s)%n", median(again), again);
        System.out.printf("peak heap during fresh import : %,d MB%n", peakHeap / (1024 * 1024));
        System.out.printf("heap used after GC            : %,d MB  (max heap %,d MB)%n%n",
                retained / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private long timeImport(byte[] csv, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(importUri + query))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    private static byte[] generate() {
        StringBuilder csv = new StringBuilder("anstnr;namn;mobil;epost;grupper;språk;titel;enhet\n");
        for (int i = 0; i < ROWS; i++) {
            // The fiction range has 95 numbers; the rest are valid Swedish mobile numbers (070-2xx xx xx).
            String mobile = "070-2" + String.format("%06d", i);
            csv.append(100000 + i).append(";Person ").append(i).append(" Exempelsson;")
                    .append(mobile).append(";person").append(i).append("@example.net;")
                    .append(GROUPS[i % GROUPS.length]).append('|').append(GROUPS[(i / 7) % GROUPS.length])
                    .append(";sv;Handläggare;Enhet ").append(i % 50).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
