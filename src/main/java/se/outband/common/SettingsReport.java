package se.outband.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;

/**
 * Every problem in Outband's settings at once, each named the way an administrator sets it (the
 * environment variable, the property, the value, what it must be), so that one start shows all there
 * is to fix.
 *
 * <p>What each feature's mapping declares is where the rules live: a closed choice is an enum read by a
 * converter whose refusal is the sentence ({@link ConfigChoice#read}), ranges and patterns are Bean Validation
 * annotations whose messages are the sentences, and a {@link SettingsCheck} holds only the rules that
 * span several keys. Quarkus enforces the first two while it builds the mappings, but it cannot be the
 * one that reports them (measured on Quarkus 3.34.2 with SmallRye Config 3.16, starting the packaged jar
 * with {@code OUTBAND_MAIL_SMTP_STARTTLS=always OUTBAND_MAIL_MAX_CONCURRENCY=0 OUTBAND_SMS_RATE_PER_SECOND=0
 * OUTBAND_PUBLIC_URL=x}):
 * <ul>
 * <li>a value a converter refuses stops the whole mapping it belongs to: SmallRye then skips that
 * mapping's Bean Validation, so {@code max-concurrency=0} went unreported beside {@code starttls=always};</li>
 * <li>the start stops before any bean exists, so no rule spanning several keys is checked at all
 * ({@code public-url=x} went unreported);</li>
 * <li>what is reported names the property only ({@code outband.sms.rate-per-second it must be above 0}),
 * not the variable an administrator sets, nor the value.</li>
 * </ul>
 * So {@link #problems} reads the settings once more into mappings of its own: a refused closed choice
 * is reported and replaced by its default there, which lets every mapping be built, validated and
 * checked. Outband's main prints this report when Quarkus refuses to start, instead of Quarkus's words;
 * the same sentences refuse a start whose mappings converted and validated but whose keys disagree.
 *
 * <p>The simpler ways fall short for the same reason: a {@code ConfigValidator} of Outband's own is
 * called only for a mapping that converted, before any bean, and with no configuration to read a refused
 * value from; validating the mapping objects at StartupEvent never happens once Quarkus has refused a
 * value; a converter whose message is the sentence (used here) still stops its whole mapping.
 */
public final class SettingsReport {

    /** One feature's settings: its mapping, and the check of the rules that span its keys (or none). */
    public record Feature<T>(Class<T> mapping, Function<T, SettingsCheck> check) {

        public static <T> Feature<T> of(Class<T> mapping, Function<T, SettingsCheck> check) {
            return new Feature<>(mapping, check);
        }

        public static <T> Feature<T> of(Class<T> mapping) {
            return new Feature<>(mapping, config -> problems -> {
            });
        }
    }

    private SettingsReport() {
    }

    /** The text Outband stops with. */
    public static String text(List<String> problems) {
        return "Outband cannot start: fix these settings (in the environment file or as variables) and start again:\n  - "
                + String.join("\n  - ", problems);
    }

    /**
     * The problems of {@code settings} (any configuration: Quarkus's, or one a test builds), feature by
     * feature in the order given; within a feature, what spans several keys first, then values that are
     * none of their choices, then the constraints: the shape of a value before its size, by property.
     */
    public static List<String> problems(Config settings, List<Feature<?>> features) {
        List<Class<?>> mappings = features.stream().<Class<?>>map(Feature::mapping).toList();
        RefusedChoices refused = RefusedChoices.in(settings, mappings);

        SmallRyeConfig readable;
        try {
            readable = refused.replacedIn(settings, mappings);
        } catch (ConfigValidationException e) {
            // A value no converter of Outband's reads (a word where a number belongs): SmallRye's own words.
            List<String> problems = new ArrayList<>();
            mappings.forEach(mapping -> problems.addAll(refused.of(mapping)));
            for (int i = 0; i < e.getProblemCount(); i++) {
                problems.add(smallRyes(e.getProblem(i)));
            }
            return problems;
        }

        List<String> problems = new ArrayList<>();
        for (Feature<?> feature : features) {
            problems.addAll(check(readable, feature));
            problems.addAll(refused.of(feature.mapping()));
            problems.addAll(MappingConstraints.broken(readable.getConfigMapping(feature.mapping()), feature.mapping()));
        }
        return problems;
    }

    /**
     * Only the rules spanning several keys, on mappings that Quarkus built and validated: all there is left
     * to find once it has started. The same lines as {@link #problems} gives for the same settings.
     */
    public static List<String> crossKeyProblems(SmallRyeConfig mappings, List<Feature<?>> features) {
        return features.stream().flatMap(feature -> check(mappings, feature).stream()).toList();
    }

    private static <T> List<String> check(SmallRyeConfig readable, Feature<T> feature) {
        SettingsProblems problems = new SettingsProblems();
        feature.check().apply(readable.getConfigMapping(feature.mapping())).check(problems);
        return problems.list();
    }

    /** A problem SmallRye found, in its words but without the name of its exception. */
    public static String smallRyes(ConfigValidationException.Problem problem) {
        return problem.getMessage().replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }
}
