package se.outband.common;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithName;

/**
 * The properties of a {@code @ConfigMapping} interface by the names SmallRye reads them under, so that
 * what reads or documents a mapping's keys cannot name them differently from Quarkus: the method's name
 * in kebab case unless {@code @WithName} gives another, below the names of the groups it sits in.
 */
public final class MappingProperties {

    /** One property by its full name, with the method of the mapping or group that declares it. */
    record Property(String key, Method method) {

        /** {@code @WithConverter} on the value, or on what an Optional, List or Set holds. */
        Optional<WithConverter> converter() {
            return MappingProperties.converter(method.getAnnotatedReturnType());
        }

        /** A List or Set, or an Optional of one: written as values separated by commas. */
        boolean holdsMany() {
            return MappingProperties.holdsMany(method.getGenericReturnType());
        }

        /** A nested interface of a mapping, whose properties sit below this one's name. */
        boolean isGroup() {
            Class<?> type = method.getReturnType();
            return type.isInterface() && !type.getName().startsWith("java.");
        }
    }

    private MappingProperties() {
    }

    /** The full name of every value a mapping reads, its groups' too: {@code outband.sms.46elks.webhook-secret}. */
    public static List<String> keys(Class<?> mapping) {
        return values(mapping).stream().map(Property::key).toList();
    }

    static String prefix(Class<?> mapping) {
        return mapping.getAnnotation(ConfigMapping.class).prefix();
    }

    /** Every value a mapping reads, its groups' too; not the groups themselves. */
    static List<Property> values(Class<?> mapping) {
        List<Property> values = new ArrayList<>();
        addValues(mapping, prefix(mapping), values);
        return values;
    }

    private static void addValues(Class<?> group, String prefix, List<Property> values) {
        for (Property property : declared(group, prefix)) {
            if (property.isGroup()) {
                addValues(property.method().getReturnType(), property.key(), values);
            } else {
                values.add(property);
            }
        }
    }

    /** The properties a mapping or group declares itself, values and groups alike, named below {@code prefix}. */
    static List<Property> declared(Class<?> group, String prefix) {
        List<Property> declared = new ArrayList<>();
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            declared.add(new Property(prefix + "." + (name != null ? name.value() : kebab(method.getName())), method));
        }
        return declared;
    }

    /** SmallRye's default naming: {@code ratePerSecond} is {@code rate-per-second}. */
    private static String kebab(String name) {
        StringBuilder kebab = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString().toLowerCase(Locale.ROOT);
    }

    private static Optional<WithConverter> converter(AnnotatedType type) {
        WithConverter converter = type.getAnnotation(WithConverter.class);
        if (converter != null) {
            return Optional.of(converter);
        }
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                Optional<WithConverter> inner = converter(argument);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean holdsMany(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return Collection.class.isAssignableFrom(raw)
                    || raw == Optional.class && holdsMany(parameterized.getActualTypeArguments()[0]);
        }
        return false;
    }
}
