package se.outband.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.HibernateValidator;

import se.outband.common.MappingProperties.Property;

/**
 * The Bean Validation constraints a built mapping breaks, each named the way an administrator sets it.
 * The mapping is validated here rather than by Quarkus because Quarkus skips a mapping's validation
 * once one of its values was refused (see {@link SettingsReport}).
 */
final class MappingConstraints {

    /** Pattern-like constraints say what a value must look like: reported before how large it may be. */
    private static final Set<Class<? extends Annotation>> SHAPES = Set.of(Pattern.class, WebAddress.class);

    /** The messages are the sentences themselves: nothing to interpolate, so no expression language needed. */
    private static final MessageInterpolator AS_WRITTEN = new MessageInterpolator() {
        @Override
        public String interpolate(String template, Context context) {
            return template;
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return template;
        }
    };

    /** Built when this class is first used, i.e. the first time a report is made: most starts never need it. */
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .providerResolver(() -> List.of(new HibernateValidator()))
            .configure()
            .messageInterpolator(AS_WRITTEN)
            .buildValidatorFactory()
            .getValidator();

    private MappingConstraints() {
    }

    /** What {@code built}, the object SmallRye made of {@code mapping}, breaks: the shape of a value before its size, by property. */
    static List<String> broken(Object built, Class<?> mapping) {
        List<Found> found = new ArrayList<>();
        validate(built, mapping, MappingProperties.prefix(mapping), found);
        found.sort(Comparator.comparing((Found f) -> !SHAPES.contains(f.constraint())).thenComparing(Found::property));
        return found.stream().map(Found::text).toList();
    }

    private record Found(String property, Class<? extends Annotation> constraint, String text) {
    }

    private static void validate(Object group, Class<?> type, String prefix, List<Found> found) {
        for (Property property : MappingProperties.declared(type, prefix)) {
            Method method = property.method();
            Object value = invoke(method, group);
            for (ConstraintViolation<Object> violation : VALIDATOR.forExecutables().validateReturnValue(group, method, value)) {
                Object invalid = violation.getInvalidValue();
                Object shown = method.isAnnotationPresent(Secret.class) ? "(" + String.valueOf(invalid).length() + " characters)" : invalid;
                SettingsProblems problem = new SettingsProblems();
                problem.wrong(property.key(), shown, violation.getMessage());
                found.add(new Found(property.key(), violation.getConstraintDescriptor().getAnnotation().annotationType(), problem.list().get(0)));
            }
            if (property.isGroup()) {
                validate(value, method.getReturnType(), property.key(), found);
            }
        }
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + method, e.getCause());
        }
    }
}
