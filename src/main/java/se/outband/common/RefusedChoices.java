package se.outband.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import se.outband.common.MappingProperties.Property;

/**
 * The closed choices that settings write and their converters refuse, each with the converter's
 * sentence, and the settings with those replaced by what the mapping reads without them: a refused
 * value would otherwise stop its whole mapping, and all the mapping's other problems with it.
 */
final class RefusedChoices {

    private final Map<Class<?>, List<String>> problems = new HashMap<>();
    private final Map<String, String> replacements = new HashMap<>();

    private RefusedChoices() {
    }

    /** Reads every closed choice of the mappings as {@code settings} write it. */
    static RefusedChoices in(Config settings, List<Class<?>> mappings) {
        RefusedChoices refused = new RefusedChoices();
        for (Class<?> mapping : mappings) {
            SettingsProblems problems = new SettingsProblems();
            MappingProperties.values(mapping).forEach(property -> refused.read(settings, property, problems));
            refused.problems.put(mapping, problems.list());
        }
        return refused;
    }

    /** The refused choices of one mapping, as problems. */
    List<String> of(Class<?> mapping) {
        return problems.get(mapping);
    }

    /**
     * The settings as written, with refused choices replaced, in mappings of the report's own.
     *
     * @throws ConfigValidationException for a value no converter of Outband's reads (a word where a number belongs)
     */
    SmallRyeConfig replacedIn(Config settings, List<Class<?>> mappings) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(replacements, "refused choices replaced by their defaults", Integer.MAX_VALUE))
                .withSources(new SettingsView(settings))
                // Quarkus reads durations such as "1h" too, not only ISO-8601.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withValidateUnknown(false);
        mappings.forEach(builder::withMapping);
        return builder.build();
    }

    /** A closed choice as written, refused with its converter's sentence and replaced by what the mapping reads without it. */
    private void read(Config settings, Property property, SettingsProblems problems) {
        Optional<WithConverter> withConverter = property.converter();
        String written = settings.getConfigValue(property.key()).getValue();
        if (withConverter.isEmpty() || written == null || written.isBlank()) {
            return;
        }
        Converter<?> converter = instance(withConverter.get().value());
        boolean list = property.holdsMany();
        List<String> read = new ArrayList<>();
        boolean refused = false;
        for (String value : list ? written.split(",") : new String[] {written}) {
            if (value.isBlank()) {
                continue;
            }
            try {
                converter.convert(value);
                read.add(value.strip());
            } catch (IllegalArgumentException e) {
                problems.wrong(property.key(), value.strip(), e.getMessage());
                refused = true;
            }
        }
        if (refused) {
            WithDefault fallback = property.method().getAnnotation(WithDefault.class);
            replacements.put(property.key(), list ? String.join(",", read) : fallback == null ? "" : fallback.value());
        }
    }

    private static Converter<?> instance(Class<? extends Converter<?>> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName(), e);
        }
    }

    /** The settings as the given configuration resolves them (profiles, expressions, variables). */
    private static final class SettingsView implements ConfigSource {

        private final Config settings;

        SettingsView(Config settings) {
            this.settings = settings;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.copyOf(StreamSupport.stream(settings.getPropertyNames().spliterator(), false).toList());
        }

        @Override
        public String getValue(String name) {
            return settings.getConfigValue(name).getValue();
        }

        @Override
        public String getName() {
            return "the settings";
        }

        @Override
        public int getOrdinal() {
            return 100;
        }
    }
}
