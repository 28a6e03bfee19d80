package se.outband.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import io.smallrye.config.WithName;
import se.outband.OutbandSettings;

/** The report and the documentation name a key as Quarkus reads it, or they would speak of keys nobody sets. */
class MappingPropertiesTest {

    @ConfigMapping(prefix = "example")
    interface Example {

        int maxConcurrency();

        String voice();

        @WithName("46elks")
        Elks elks();

        default int twice() {
            return 2 * maxConcurrency();
        }

        interface Elks {

            Optional<String> apiUrl();
        }
    }

    @Test
    void methodNamesBecomeKebabCaseUnlessNamedBelowTheirGroups() {
        assertEquals(Set.of("example.max-concurrency", "example.voice", "example.46elks.api-url"),
                Set.copyOf(MappingProperties.keys(Example.class)));
    }

    /** SmallRye also lists a list's indexed spelling ({@code providers[*]}): the same key, written one value at a time. */
    @Test
    void everyMappingHasTheKeysSmallRyeReads() {
        for (SettingsReport.Feature<?> feature : OutbandSettings.FEATURES) {
            Set<String> smallRyes = ConfigMappings.getProperties(ConfigClass.configClass(feature.mapping())).keySet().stream()
                    .filter(key -> !key.endsWith("[*]")).collect(Collectors.toSet());
            assertEquals(smallRyes, Set.copyOf(MappingProperties.keys(feature.mapping())), feature.mapping().getName());
        }
    }
}
