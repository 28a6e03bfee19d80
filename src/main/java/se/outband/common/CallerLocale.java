package se.outband.common;

import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

import io.quarkus.arc.Arc;

/** Bean Validation's messages come in the same language as every other answer to the request ({@link CallerLanguage}). */
@ApplicationScoped
@Priority(1)
public class CallerLocale implements LocaleResolver {

    @Override
    public Locale resolve(LocaleResolverContext context) {
        // Settings are validated before the container runs, and jobs run outside any request.
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return null;
        }
        return Locale.forLanguageTag(Arc.container().instance(CallerLanguage.class).get().get().tag());
    }
}
