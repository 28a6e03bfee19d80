package se.outband.statuspage;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.common.Language;
import se.outband.statuspage.SiteModel.Words;

/** The status page's Atom feed in one language, beside that language's pages: its links lead to them. */
final class SiteFeed {

    @CheckedTemplate(basePath = "statuspage")
    static class Templates {
        static native TemplateInstance feed(String lang, String pageUrl, String title, String updated, List<FeedEntry> entries);
    }

    /**
     * One update as an Atom entry, times in RFC 3339. The incident's state is a category labelled in the
     * feed's language, not part of the title: title and text are each in one language, marked with
     * {@code xml:lang} when they are the Swedish original in the English feed.
     */
    public record FeedEntry(String id, Words title, String link, String updated, String state, String stateLabel, Words text) {
    }

    private SiteFeed() {
    }

    /** The newest updates of the incidents the site shows, newest first. */
    static String render(Language language, StatuspageApi.Source source) {
        String pageUrl = source.url() + (language == Language.SV ? "" : "en/");
        StatusPageMessages words = language.messages(StatusPageMessages.class);
        List<FeedEntry> entries = new ArrayList<>();
        Map<Long, Incident> incidents = Stream.concat(source.open().stream(), source.resolved().stream())
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        source.updates().values().stream().flatMap(List::stream)
                .filter(u -> incidents.containsKey(u.incidentId))
                .sorted(Comparator.comparing((IncidentUpdate u) -> u.createdAt).thenComparing(u -> u.id).reversed())
                .limit(StatusSite.RECENT)
                .forEach(u -> {
                    Incident incident = incidents.get(u.incidentId);
                    String link = pageUrl + "incidents/" + incident.id + ".html";
                    entries.add(new FeedEntry(link + "#update-" + u.id, Words.of(incident.title, incident.titleEn, language), link,
                            rfc3339(u.createdAt), u.state.value(), words.incidentState(u.state.value()),
                            Words.of(u.text, u.textEn, language)));
                });
        String updated = entries.isEmpty() ? rfc3339(source.now()) : entries.get(0).updated();
        return Templates.feed(language.tag(), pageUrl, source.name(), updated, entries).render();
    }

    /** Whole seconds: feed readers misread nanosecond fractions. */
    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
