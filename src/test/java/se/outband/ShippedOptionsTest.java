package se.outband;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure the JVM options in pom.xml and the environment in {@link PackagedJar#SHIPPED_ENVIRONMENT}; the
 * Dockerfile and the systemd unit repeat both by hand. A figure in docs/benchmarks.md holds for a deployment only while
 * they agree.
 */
class ShippedOptionsTest {

    private static final Path[] DEPLOYMENTS = { Path.of("Dockerfile"), Path.of("deploy", "outband.service") };

    @Test
    void theDeploymentsRunWhatTheBenchmarksMeasure() throws IOException {
        Matcher options = Pattern.compile("<outband.jvm-options>([^<]+)</outband.jvm-options>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(options.find(), "pom.xml names outband.jvm-options");
        for (Path deployment : DEPLOYMENTS) {
            String text = Files.readString(deployment);
            assertTrue(text.contains(options.group(1).strip()), deployment + " runs the JVM options " + options.group(1));
            PackagedJar.SHIPPED_ENVIRONMENT.forEach((name, value) -> assertTrue(text.contains(name + "=" + value),
                    deployment + " sets " + name + "=" + value));
        }
    }
}
