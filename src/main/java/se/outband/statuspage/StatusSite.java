package se.outband.statuspage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.common.Language;
import se.outband.common.OutbandConfig;
import se.outband.common.PhoneNumbers;
import se.outband.statuspage.SiteModel.Contact;
import se.outband.statuspage.SiteModel.IncidentBlock;
import se.outband.statuspage.SiteModel.Page;
import se.outband.statuspage.SiteModel.Statement;
import se.outband.statuspage.SiteModel.SystemRow;
import se.outband.statuspage.SiteModel.UpdateRow;
import se.outband.statuspage.SiteModel.Words;

/**
 * Renders the public status page as plain files — Swedish and English pages, incident pages, history,
 * Atom ({@link SiteFeed}), JSON ({@link StatusJson}, {@link StatuspageApi}), CAP alerts ({@link CapAlerts}) and the
 * printable poster — into a new folder, then swaps it in ({@link SiteFolders}), so a reader (Outband itself, or a static
 * host the folder is copied to) never sees a half-written site.
 */
@ApplicationScoped
public class StatusSite {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** Shown on the history page, given pages of their own, and in the feed: keeps every page small. */
    static final int RECENT = 50;
    /** Updates of an open incident shown on the front page; the rest are on its own page. */
    static final int UPDATES_ON_FRONT_PAGE = 3;
    private static final int VERSIONS_KEPT = 3;
    /** The same icon as the web UI's (/assets/favicon.svg). */
    private static final byte[] FAVICON = resource("META-INF/resources/assets/favicon.svg");
    /** The subscription form's only script: it says so when Outband cannot be reached (the form works without it). */
    private static final byte[] SUBSCRIBE_SCRIPT = resource("statuspage/subscribe.js");

    @CheckedTemplate(basePath = "statuspage")
    static class Templates {
        static native TemplateInstance index(Page page, List<SystemRow> systems, List<IncidentBlock> open);

        static native TemplateInstance incident(Page page, IncidentBlock incident);

        static native TemplateInstance history(Page page, List<IncidentBlock> resolved);

        static native TemplateInstance accessibility(Page page, Statement statement);
    }

    private final SiteFolders folders;
    private final OutbandConfig outband;
    private final StatusConfig config;
    private final StatusPageAddress address;
    private final StatusPoster poster;
    private final NoSuchPage noSuchPage;
    private final PhoneNumbers phones;
    private final SiteVersions versions;
    private final ObjectMapper json;
    private final Clock clock;
    /** The version of the status page in the current folder. */
    private volatile long shown = -1;

    StatusSite(SiteFolders folders, OutbandConfig outband, StatusConfig config, StatusPageAddress address, StatusPoster poster,
            NoSuchPage noSuchPage, SiteVersions versions, ObjectMapper json, Clock clock, PhoneNumbers phones) {
        this.folders = folders;
        this.outband = outband;
        this.config = config;
        this.address = address;
        this.poster = poster;
        this.noSuchPage = noSuchPage;
        this.phones = phones;
        this.versions = versions;
        this.json = json;
        this.clock = clock;
    }

    /** The folder readers see: the target of the {@code current} link. */
    public Path current() {
        return folders.current();
    }

    /** The version of the status page this instance shows ({@link SiteVersions}). */
    long shown() {
        return shown;
    }

    /** Renders everything as the database has it now and swaps it in; returns the new folder. */
    public synchronized Path render() {
        Snapshot snapshot = QuarkusTransaction.requiringNew().call(() -> Snapshot.read(versions.current()));
        Instant now = clock.instant();
        StatuspageApi.Source source = new StatuspageApi.Source(config.organisation(), address.url(), STOCKHOLM.getId(), now,
                snapshot.systems, snapshot.open, snapshot.resolved, snapshot.updates);
        try {
            Path dir = folders.newVersion();
            for (Language language : Language.values()) {
                writePages(dir, language, snapshot, now);
                write(dir.resolve(language == Language.SV ? "feed.atom" : "en/feed.atom"), SiteFeed.render(language, source));
            }
            write(dir.resolve("status.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(StatusJson.of(source)));
            Files.createDirectories(dir.resolve("api/v2"));
            for (Map.Entry<String, Map<String, Object>> file : StatuspageApi.files(source).entrySet()) {
                write(dir.resolve(file.getKey()), json.writeValueAsString(file.getValue()));
            }
            Files.createDirectories(dir.resolve("cap"));
            for (Map.Entry<String, String> file : CapAlerts.files(new CapAlerts.Source(config.organisation(), address.url(),
                    config.contact().hotline().orElse(null), now, snapshot.withPages(), snapshot.updates)).entrySet()) {
                write(dir.resolve(file.getKey()), file.getValue());
            }
            write(dir.resolve("poster.html"), poster.render());
            // The site's own icon, so that a copy on another host needs nothing from Outband.
            Files.write(dir.resolve("favicon.svg"), FAVICON);
            Files.write(dir.resolve("subscribe.js"), SUBSCRIBE_SCRIPT);
            // What static hosts (and Outband) show for an address the site does not have.
            write(dir.resolve("404.html"), noSuchPage.html());
            folders.swapIn(dir);
            shown = snapshot.version();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the status page under " + folders.current().getParent(), e);
        }
    }

    /**
     * The front page as the database shows it inside the caller's transaction: a change not yet
     * committed (and perhaps never to be) can be looked at before anyone else sees it.
     */
    public String previewIndex(Language language) {
        return index(language, Snapshot.read(versions.current()), clock.instant());
    }

    private String index(Language language, Snapshot snapshot, Instant now) {
        Formatter format = new Formatter(language);
        List<SystemRow> systems = snapshot.systems.stream()
                .map(s -> new SystemRow(Words.of(s.name, s.nameEn, language), Words.of(s.groupName, null, language), s.state.value(),
                        s.priority, Words.of(s.note, s.noteEn, language)))
                .toList();
        List<IncidentBlock> open = snapshot.open.stream().map(i -> block(i, snapshot, format, UPDATES_ON_FRONT_PAGE)).toList();
        return Templates.index(page(language, "index.html", format.time(now), snapshot), systems, open)
                .setLocale(Locale.forLanguageTag(language.tag())).render();
    }

    private void writePages(Path dir, Language language, Snapshot snapshot, Instant now) throws IOException {
        Path langRoot = language == Language.SV ? dir : dir.resolve("en");
        Files.createDirectories(langRoot.resolve("incidents"));
        Locale locale = Locale.forLanguageTag(language.tag());
        Formatter format = new Formatter(language);
        List<IncidentBlock> resolved = snapshot.resolved.stream().map(i -> block(i, snapshot, format, Integer.MAX_VALUE)).toList();
        String updated = format.time(now);
        write(langRoot.resolve("index.html"), index(language, snapshot, now));
        write(langRoot.resolve("history.html"),
                Templates.history(page(language, "history.html", updated, snapshot), resolved).setLocale(locale).render());
        for (Incident incident : snapshot.withPages()) {
            String path = "incidents/" + incident.id + ".html";
            write(langRoot.resolve(path), Templates.incident(page(language, path, updated, snapshot),
                    block(incident, snapshot, format, Integer.MAX_VALUE)).setLocale(locale).render());
        }
        write(langRoot.resolve("accessibility.html"), Templates.accessibility(page(language, "accessibility.html", updated, snapshot),
                Statement.of(address.url(), config.accessibilityContact().orElse(null))).setLocale(locale).render());
    }

    private Page page(Language language, String path, String updated, Snapshot snapshot) {
        String toLanguageRoot = "../".repeat((int) path.chars().filter(c -> c == '/').count());
        String toSiteRoot = toLanguageRoot + (language == Language.EN ? "../" : "");
        String other = toSiteRoot + (language == Language.EN ? "" : "en/") + path;
        return new Page(language.tag(), toLanguageRoot, toSiteRoot, other, updated, config.organisation(),
                snapshot.worst().value(), Contact.of(config.contact(), phones), outband.link("/app/"),
                outband.link("/subscribe"));
    }

    private static IncidentBlock block(Incident incident, Snapshot snapshot, Formatter format, int maxUpdates) {
        List<IncidentUpdate> updates = snapshot.updates.getOrDefault(incident.id, List.of());
        List<UpdateRow> rows = updates.stream().limit(maxUpdates)
                .map(u -> new UpdateRow(u.state.value(), format.time(u.createdAt), Words.of(u.text, u.textEn, format.language)))
                .toList();
        List<Words> affected = incident.serviceIds.stream().map(snapshot.systemsById::get)
                .filter(system -> system != null).map(system -> Words.of(system.name, system.nameEn, format.language))
                .sorted(Comparator.comparing(Words::text)).toList();
        return new IncidentBlock(incident.id, Words.of(incident.title, incident.titleEn, format.language), incident.state.value(),
                format.time(incident.createdAt),
                incident.resolvedAt == null ? null : format.time(incident.resolvedAt), affected, rows,
                Math.max(0, updates.size() - rows.size()), "incidents/" + incident.id + ".html");
    }

    private static byte[] resource(String name) {
        try (java.io.InputStream in = StatusSite.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }

    /** Times as people in Sweden read them, in the page's language. */
    private static final class Formatter {
        private final DateTimeFormatter pattern;
        private final Language language;

        Formatter(Language language) {
            this.language = language;
            this.pattern = language == Language.SV
                    ? DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv"))
                    : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'Swedish time'", Locale.ENGLISH);
        }

        String time(Instant instant) {
            return pattern.format(instant.atZone(STOCKHOLM));
        }
    }

    /** Everything a render needs, read in one transaction with the version it is. */
    private record Snapshot(long version, List<MonitoredSystem> systems, Map<Long, MonitoredSystem> systemsById, List<Incident> open,
            List<Incident> resolved, Map<Long, List<IncidentUpdate>> updates) {

        static Snapshot read(long version) {
            List<MonitoredSystem> systems = MonitoredSystem.<MonitoredSystem>findAll(Sort.by("priority").and("name")).list();
            List<Incident> incidents = Incident.<Incident>find("select distinct i from Incident i left join fetch i.serviceIds",
                    Sort.descending("createdAt", "id")).list();
            List<Incident> open = incidents.stream().filter(i -> i.state != IncidentState.RESOLVED).toList();
            List<Incident> resolved = incidents.stream().filter(i -> i.state == IncidentState.RESOLVED).limit(RECENT).toList();
            Map<Long, List<IncidentUpdate>> updates = IncidentUpdate.<IncidentUpdate>findAll(Sort.descending("createdAt", "id"))
                    .stream().collect(Collectors.groupingBy(u -> u.incidentId, LinkedHashMap::new, Collectors.toList()));
            return new Snapshot(version, systems, systems.stream().collect(Collectors.toMap(s -> s.id, Function.identity())), open,
                    resolved, updates);
        }

        SystemState worst() {
            return SystemState.worst(systems.stream().map(s -> s.state).toList());
        }

        List<Incident> withPages() {
            return Stream.concat(open.stream(), resolved.stream()).toList();
        }
    }
}
