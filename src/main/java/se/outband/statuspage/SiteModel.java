package se.outband.statuspage;

import java.util.List;

import io.quarkus.qute.RawString;

/** What the status page templates show, already in the page's language and time zone. */
public final class SiteModel {

    private SiteModel() {
    }

    /**
     * Page-level facts; the paths are relative so the folder works on any host and from disk, except
     * {@code signIn}: the leaders' sign-in on Outband itself, wherever a copy of the page is published.
     */
    public record Page(String lang, String toLanguageRoot, String toSiteRoot, String otherLanguage, String updatedAt,
            String organisation, String worstState, Contact contact, String signIn) {
    }

    public record Contact(String hotline, String sms, String address) {
        static Contact of(StatusConfig.Contact config) {
            return new Contact(config.hotline().orElse(null), config.sms().orElse(null), config.address().orElse(null));
        }

        public boolean any() {
            return hotline != null || sms != null || address != null;
        }
    }

    /** The printed poster: {@code url} is where the public reads the page, {@code qr} the same address as an inline SVG. */
    public record Poster(String organisation, String url, RawString qr, Contact contact) {
    }

    public record SystemRow(String name, String group, String state, int priority, List<String> note) {
    }

    public record UpdateRow(String state, String at, List<String> text) {
    }

    /** {@code href} is relative to the language root, e.g. "incidents/5.html". */
    public record IncidentBlock(long id, String title, String state, String opened, String resolved, List<String> affected,
            List<UpdateRow> updates, int moreUpdates, String href) {
    }
}
