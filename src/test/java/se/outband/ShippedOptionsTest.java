package se.outband;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure the packaged jar with pom.xml's JVM options and the environment failsafe hands it; the
 * Dockerfile and the systemd unit repeat both by hand. A figure in docs/benchmarks.md holds for a deployment only while
 * they agree.
 */
class ShippedOptionsTest {

    private static final Path[] DEPLOYMENTS = { Path.of("Dockerfile"), Path.of("deploy", "outband.service") };

    @Test
    void theDeploymentsRunWhatTheBenchmarksMeasure() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher options = Pattern.compile("<outband.jvm-options>([^<]+)</outband.jvm-options>").matcher(pom);
        assertTrue(options.find(), "pom.xml names outband.jvm-options");
        Map<String, String> environment = environment(pom);
        assertFalse(environment.isEmpty(), "pom.xml gives failsafe environment variables");
        for (Path deployment : DEPLOYMENTS) {
            String text = Files.readString(deployment);
            assertTrue(text.contains(options.group(1).strip()), deployment + " runs the JVM options " + options.group(1));
            environment.forEach((name, value) -> assertTrue(text.contains(name + "=" + value), deployment + " sets " + name + "=" + value));
        }
    }

    /** The variables in failsafe's {@code <environmentVariables>}, the environment of the packaged jar the tests start. */
    private static Map<String, String> environment(String pom) {
        Matcher block = Pattern.compile("<environmentVariables>(.*?)</environmentVariables>", Pattern.DOTALL).matcher(pom);
        Map<String, String> environment = new LinkedHashMap<>();
        if (block.find()) {
            Matcher variable = Pattern.compile("<([A-Z_]+)>([^<]*)</\\1>").matcher(block.group(1));
            while (variable.find()) {
                environment.put(variable.group(1), variable.group(2));
            }
        }
        return environment;
    }
}
