package se.outband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** What the production build starts with: no example staff, nothing fictional copied to a server. */
class ProductionConfigTest {

    private static SmallRyeConfig config(String profile) throws IOException {
        URL properties = ProductionConfigTest.class.getResource("/application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile).withSources(new PropertiesConfigSource(properties)).build();
    }

    @Test
    void theProductionProfileLoadsNoExampleContacts() throws IOException {
        assertEquals(Optional.empty(), config("prod").getOptionalValue("outband.contacts.seed-file", String.class));
        assertEquals(Optional.of("contacts/example.csv"), config("dev").getOptionalValue("outband.contacts.seed-file", String.class),
                "only live-reload development loads them");
    }

    @Test
    void thePackageCarriesNoStaffList() throws IOException {
        assertNull(ProductionConfigTest.class.getResource("/contacts/example.csv"));
        try (Stream<Path> files = Files.walk(Path.of("target", "classes"))) {
            assertTrue(files.noneMatch(file -> file.toString().endsWith(".csv")), "no CSV file among the packaged classes and resources");
        }
    }
}
