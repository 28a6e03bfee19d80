package se.outband.statuspage;

import java.util.List;
import java.util.regex.Pattern;

import io.quarkus.qute.RawString;
import se.outband.common.Language;
import se.outband.common.PhoneNumbers;

/** What the status page templates show, already in the page's language and time zone. */
public final class SiteModel {

    private SiteModel() {
    }

    /**
     * Page-level facts; the paths are relative so the folder works on any host and from disk, except
     * {@code signIn}: the leaders' sign-in on Outband itself, wherever a copy of the page is published.
     */
    public record Page(String lang, String toLanguageRoot, String toSiteRoot, String otherLanguage, String updatedAt,
            String organisation, String worstState, Contact contact, String signIn, String subscribe) {
    }

    /**
     * The "how to reach us" block; {@code hotlineTel} and {@code smsTel} are the numbers in E.164 for
     * {@code tel:} and {@code sms:} links, null when the setting is not a number a phone can dial.
     */
    public record Contact(String hotline, String sms, String address, String hotlineTel, String smsTel) {
        static Contact of(StatusConfig.Contact config, PhoneNumbers phones) {
            String hotline = config.hotline().orElse(null);
            String sms = config.sms().orElse(null);
            return new Contact(hotline, sms, config.address().orElse(null), dialable(hotline, phones), dialable(sms, phones));
        }

        private static String dialable(String number, PhoneNumbers phones) {
            return number == null ? null : phones.parse(number).e164();
        }

        public boolean any() {
            return hotline != null || sms != null || address != null;
        }
    }

    /**
     * A leader's text in the page's language, or on an English page the Swedish original when no English
     * version was given: then {@code lang} is "sv", so that screen readers read it with a Swedish voice and
     * the page does not claim Swedish words are English (WCAG 3.1.2).
     */
    public record Words(String text, String lang) {

        static Words of(String swedish, String english, Language language) {
            if (swedish == null) {
                return null;
            }
            if (language == Language.SV) {
                return new Words(swedish, null);
            }
            return english != null ? new Words(english, null) : new Words(swedish, Language.SV.tag());
        }

        public List<String> lines() {
            return StatusSite.lines(text);
        }

        /** {@code  lang="sv"} for the element holding the words, or nothing when they are in the page's language. */
        public RawString langAttribute() {
            return new RawString(lang == null ? "" : " lang=\"" + lang + "\"");
        }
    }

    /**
     * What the accessibility statement says besides its fixed text: the address it is about, and where to
     * report a problem ({@code contactHref} a mailto: or web link, null when the setting is neither).
     */
    public record Statement(String url, String contact, String contactHref) {
        static Statement of(String url, String contact) {
            if (contact == null || contact.isBlank()) {
                return new Statement(url, null, null);
            }
            String text = contact.strip();
            String href = EMAIL.matcher(text).matches() ? "mailto:" + text
                    : text.startsWith("https://") || text.startsWith("http://") ? text : null;
            return new Statement(url, text, href);
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    /** The printed poster: {@code url} is where the public reads the page, {@code qr} the same address as an inline SVG. */
    public record Poster(String organisation, String url, RawString qr, Contact contact) {
    }

    public record SystemRow(Words name, Words group, String state, int priority, Words note) {
    }

    public record UpdateRow(String state, String at, Words text) {
    }

    /** {@code href} is relative to the language root, e.g. "incidents/5.html". */
    public record IncidentBlock(long id, Words title, String state, String opened, String resolved, List<Words> affected,
            List<UpdateRow> updates, int moreUpdates, String href) {
    }
}
