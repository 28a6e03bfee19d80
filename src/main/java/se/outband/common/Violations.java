package se.outband.common;

import java.util.Comparator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

/** A request whose shape is wrong (Bean Validation on the request records), said in one answer. */
public final class Violations {

    private Violations() {
    }

    /** Every violation's sentence (already in the caller's language, {@link CallerLocale}), in a stable order. */
    public static String sentence(ConstraintViolationException e) {
        return String.join(" ", e.getConstraintViolations().stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .map(ConstraintViolation::getMessage).distinct().toList());
    }
}
