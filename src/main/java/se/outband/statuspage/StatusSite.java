package se.outband.statuspage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

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
 * Atom, JSON, CAP alerts and the printable poster — into a new folder, then swaps the {@code current} link to it in
 * one atomic rename, so a reader (Outband itself, or a static host the folder is copied to) never sees a half-written site.
 */
@ApplicationScoped
public class StatusSite {

    private static final Logger LOG = Logger.getLogger(StatusSite.class);
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

        static native TemplateInstance feed(String lang, String pageUrl, String title, String updated, List<FeedEntry> entries);
    }

    /**
     * One update as an Atom entry, times in RFC 3339. The incident's state is a category labelled in the
     * feed's language, not part of the title: title and text are each in one language, marked with
     * {@code xml:lang} when they are the Swedish original in the English feed.
     */
    public record FeedEntry(String id, Words title, String link, String updated, String state, String stateLabel, Words text) {
    }

    private final Path root;
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

    StatusSite(OutbandConfig outband, StatusConfig config, StatusPageAddress address, StatusPoster poster, NoSuchPage noSuchPage,
            SiteVersions versions, ObjectMapper json, Clock clock, PhoneNumbers phones) {
        this.root = outband.dataFolder("status-site");
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
        return root.resolve("current");
    }

    /** The version of the status page this instance shows ({@link SiteVersions}). */
    long shown() {
        return shown;
    }

    /** Renders everything as the database has it now and swaps it in; returns the new folder. */
    public synchronized Path render() {
        Snapshot snapshot = QuarkusTransaction.requiringNew().call(() -> Snapshot.read(versions.current()));
        Instant now = clock.instant();
        try {
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root, "site-");
            // Temp folders are private by default; a web server copying or serving it runs as another user.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (Language language : Language.values()) {
                writePages(dir, language, snapshot, now);
            }
            write(dir.resolve("status.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(summary(snapshot, now)));
            Files.createDirectories(dir.resolve("api/v2"));
            for (Map.Entry<String, Map<String, Object>> file : StatuspageApi.files(new StatuspageApi.Source(config.organisation(),
                    address.url(), STOCKHOLM.getId(), now, snapshot.systems, snapshot.open, snapshot.resolved, snapshot.updates)).entrySet()) {
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
            swapIn(dir);
            shown = snapshot.version();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the status page under " + root, e);
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
        write(langRoot.resolve("feed.atom"), feed(language, snapshot, now));
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

    /** The feed in one language, beside that language's pages; its links lead to them. */
    private String feed(Language language, Snapshot snapshot, Instant now) {
        String pageUrl = address.url() + (language == Language.SV ? "" : "en/");
        StatusPageMessages words = language.messages(StatusPageMessages.class);
        List<FeedEntry> entries = new ArrayList<>();
        Map<Long, Incident> incidents = Stream.concat(snapshot.open.stream(), snapshot.resolved.stream())
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        snapshot.updates.values().stream().flatMap(List::stream)
                .filter(u -> incidents.containsKey(u.incidentId))
                .sorted(Comparator.comparing((IncidentUpdate u) -> u.createdAt).thenComparing(u -> u.id).reversed())
                .limit(RECENT)
                .forEach(u -> {
                    Incident incident = incidents.get(u.incidentId);
                    String link = pageUrl + "incidents/" + incident.id + ".html";
                    entries.add(new FeedEntry(link + "#update-" + u.id, Words.of(incident.title, incident.titleEn, language), link,
                            rfc3339(u.createdAt), u.state.value(), words.incidentState(u.state.value()),
                            Words.of(u.text, u.textEn, language)));
                });
        String updated = entries.isEmpty() ? rfc3339(now) : entries.get(0).updated();
        return Templates.feed(language.tag(), pageUrl, config.organisation(), updated, entries).render();
    }

    /** Whole seconds: feed readers misread nanosecond fractions. */
    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Outband's own summary, kept as it was for those who read it; Statuspage's clients read api/v2/ ({@link StatuspageApi}). */
    private Map<String, Object> summary(Snapshot snapshot, Instant now) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("name", config.organisation());
        page.put("url", address.url());
        page.put("time_zone", STOCKHOLM.getId());
        page.put("updated_at", now.toString());
        SystemState worst = snapshot.worst();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("page", page);
        summary.put("status", Map.of("indicator", StatuspageApi.indicator(worst), "state", worst.value()));
        summary.put("components", snapshot.systems.stream().map(s -> {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("id", s.id);
            component.put("name", s.name);
            component.put("group", s.groupName);
            component.put("status", s.state.value());
            component.put("position", s.priority);
            component.put("description", s.note);
            component.put("updated_at", s.updatedAt.toString());
            return component;
        }).toList());
        summary.put("incidents", snapshot.open.stream().map(i -> incidentJson(i, snapshot)).toList());
        summary.put("resolved_incidents", snapshot.resolved.stream().map(i -> incidentJson(i, snapshot)).toList());
        return summary;
    }

    private static Map<String, Object> incidentJson(Incident incident, Snapshot snapshot) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id);
        json.put("name", incident.title);
        json.put("status", incident.state.value());
        json.put("created_at", incident.createdAt.toString());
        json.put("updated_at", incident.updatedAt.toString());
        json.put("resolved_at", incident.resolvedAt == null ? null : incident.resolvedAt.toString());
        json.put("components", incident.serviceIds.stream().sorted().toList());
        json.put("incident_updates", snapshot.updates.getOrDefault(incident.id, List.of()).stream().map(u -> Map.of(
                "id", u.id, "status", u.state.value(), "body", u.text, "created_at", u.createdAt.toString())).toList());
        return json;
    }

    private void swapIn(Path dir) throws IOException {
        Path link = current();
        Path next = root.resolve("current.next");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, dir.getFileName());
        Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> versions = Files.list(root)) {
            List<Path> old = versions.filter(p -> p.getFileName().toString().startsWith("site-") && !p.equals(dir))
                    .sorted(Comparator.comparing(StatusSite::modified).reversed())
                    .skip(VERSIONS_KEPT - 1L)
                    .toList();
            old.forEach(StatusSite::deleteQuietly);
        }
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("Old status page folder %s not removed: %s", dir, e.getMessage());
        }
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

    /**
     * A folder of the current site that has a page (its index.html), as its path inside the site ("en",
     * "en/incidents"); empty for anything else. A folder without a page is an address with nothing to see.
     */
    Optional<String> folder(String relative) {
        Path base = current();
        Path folder = base.resolve(relative).normalize();
        return folder.startsWith(base) && !folder.equals(base) && Files.isRegularFile(folder.resolve("index.html"))
                ? Optional.of(base.relativize(folder).toString())
                : Optional.empty();
    }

    /** A file of the current site, "" or a folder meaning its index.html; empty outside the site or when missing. */
    Optional<Path> file(String relative) {
        Path base = current();
        Path file = base.resolve(relative).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return file.startsWith(base) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
