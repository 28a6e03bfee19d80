package se.outband.common;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.qute.i18n.Localized;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.qute.i18n.MessageBundles;

/** Swedish first, English second: the language a request is answered in. */
public enum Language {
    SV, EN;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** English only when the caller prefers it over Swedish; everything else is answered in Swedish. */
    public static Language of(HttpHeaders headers) {
        if (headers == null) {
            return SV;
        }
        try {
            return of(headers.getAcceptableLanguages());
        } catch (RuntimeException unreadable) {
            // A malformed Accept-Language ("sv;q=x") must not turn an answer, or an error page, into a 500.
            return SV;
        }
    }

    /** From Accept-Language, parsed: best first. */
    public static Language of(List<Locale> acceptable) {
        return preferred(acceptable.stream().map(Locale::getLanguage).toList());
    }

    public static Language of(RoutingContext context) {
        try {
            return preferred(context.acceptableLanguages().stream().map(LanguageHeader::tag).toList());
        } catch (RuntimeException unreadable) {
            return SV;
        }
    }

    /** The first of Swedish or English among language tags in the caller's order of preference. */
    static Language preferred(List<String> tags) {
        for (String tag : tags) {
            if (tag == null) {
                continue;
            }
            String language = tag.toLowerCase(Locale.ROOT);
            if (language.startsWith("sv")) {
                return SV;
            }
            if (language.startsWith("en")) {
                return EN;
            }
        }
        return SV;
    }

    /** Parses a stored or typed language ("sv", "en", "svenska", "English"); null when not recognised. */
    public static Language parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "sv", "se", "svenska", "swedish" -> SV;
            case "en", "engelska", "english" -> EN;
            default -> null;
        };
    }

    public <T> T messages(Class<T> bundle) {
        return MessageBundles.get(bundle, Localized.Literal.of(tag()));
    }
}
