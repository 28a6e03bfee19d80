package se.outband.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The packaged service as the benchmarks start it: its own data folder, a known admin password,
 * and a way to read its process's peak resident memory.
 */
public class PackagedService implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_PASSWORD = "bench-admin-password";

    /** Settings for a fresh service; benchmarks add their own. */
    public static Map<String, String> settings() {
        return Map.of(
                "outband.data-dir", "./target/benchmark-data/" + System.nanoTime(),
                "outband.bootstrap.admin-password", ADMIN_PASSWORD,
                "quarkus.log.category.\"se.outband\".level", "WARN");
    }

    @Override
    public Map<String, String> start() {
        return settings();
    }

    @Override
    public void stop() {
        // Nothing to stop: the data folder stays under target/ for a look afterwards.
    }

    /** The launched service: this JVM's child running quarkus-run.jar. */
    public static long pid() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("service process not found")).pid();
    }

    /** The most resident memory the process has had so far (VmHWM), in MB. */
    public static long peakRssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmHWM for process " + pid);
    }

    /** The JVM options the service was started with (the shipped ones in the benchmark profile). */
    public static String jvmOptions() {
        return System.getProperty("quarkus.test.arg-line", "(defaults)");
    }
}
