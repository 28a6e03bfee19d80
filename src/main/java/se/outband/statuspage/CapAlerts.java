package se.outband.statuspage;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.outband.common.Language;
import se.outband.common.Text;
import se.outband.statuspage.CapXml.Alert;
import se.outband.statuspage.CapXml.IndexEntry;
import se.outband.statuspage.CapXml.Info;

/**
 * The status page for alerting systems: one CAP 1.2 alert per incident update ({@code cap/<identifier>.xml})
 * and an Atom index of them ({@code cap.xml}). An incident's first update is its {@code Alert}, later ones are
 * {@code Update}s and a resolution is a {@code Cancel}, each referencing every earlier alert of the incident.
 * Every field is read from what is stored with the update, so an alert is the same on every render.
 * Pure: a snapshot in, files out.
 */
final class CapAlerts {

    /** CAP forbids "Z": the offset is always written out, here Swedish time's. */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    /** A headline, as CAP recommends, short enough for a pager or a phone's notification. */
    private static final int HEADLINE = 160;

    /** What the alerts are built from: the incidents on the site and every update of each. */
    record Source(String organisation, String url, String hotline, Instant now, List<Incident> incidents,
            Map<Long, List<IncidentUpdate>> updates) {
    }

    private CapAlerts() {
    }

    /** Each file's path under the site and its text. */
    static Map<String, String> files(Source source) {
        String sender = sender(source.url());
        List<Planned> alerts = new ArrayList<>();
        Set<Planned> current = new LinkedHashSet<>();
        for (Incident incident : source.incidents()) {
            List<Planned> ofIncident = plan(incident, source.updates().getOrDefault(incident.id, List.of()), sender);
            alerts.addAll(ofIncident);
            if (incident.state != IncidentState.RESOLVED && !ofIncident.isEmpty()) {
                current.add(ofIncident.get(ofIncident.size() - 1));
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Planned alert : alerts) {
            files.put("cap/" + alert.identifier() + ".xml", CapXml.alert(alert(alert, sender, source)));
        }
        files.put("cap.xml", index(alerts, current, source));
        return files;
    }

    /**
     * Who sends the alerts, as CAP wants it: unique, no spaces or commas: the host of the status page's public
     * address (outband.status.public-url), which the organisation owns.
     */
    static String sender(String url) {
        String host = URI.create(url).getHost();
        return host == null || host.isBlank() ? "outband" : host;
    }

    /** An update's alert and where it stands in its incident's history. */
    private record Planned(Incident incident, IncidentUpdate update, String identifier, String sent, String msgType,
            List<String> references) {
    }

    private static List<Planned> plan(Incident incident, List<IncidentUpdate> updates, String sender) {
        List<IncidentUpdate> oldestFirst = updates.stream()
                .sorted(Comparator.comparing((IncidentUpdate u) -> u.createdAt).thenComparing(u -> u.id)).toList();
        List<Planned> planned = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        for (IncidentUpdate update : oldestFirst) {
            String identifier = "outband-incident-" + incident.id + "-update-" + update.id;
            String sent = CAP_TIME.format(update.createdAt.truncatedTo(ChronoUnit.SECONDS).atZone(StatusSite.STOCKHOLM));
            String msgType = planned.isEmpty() ? "Alert" : update.state == IncidentState.RESOLVED ? "Cancel" : "Update";
            planned.add(new Planned(incident, update, identifier, sent, msgType, List.copyOf(earlier)));
            earlier.add(sender + "," + identifier + "," + sent);
        }
        return planned;
    }

    private static Alert alert(Planned alert, String sender, Source source) {
        IncidentUpdate update = alert.update();
        List<Info> infos = new ArrayList<>();
        infos.add(info(Language.SV, alert, alert.incident().title, update.text, source));
        if (update.textEn != null) {
            // Only a title written in English heads the English block: the Swedish one there would claim to be English.
            infos.add(info(Language.EN, alert, alert.incident().titleEn, update.textEn, source));
        }
        return new Alert(alert.identifier(), sender, alert.sent(), "Actual", alert.msgType(), "Public", alert.references(),
                "outband-incident-" + alert.incident().id, infos);
    }

    private static Info info(Language language, Planned alert, String headline, String description, Source source) {
        StatusPageMessages words = language.messages(StatusPageMessages.class);
        IncidentUpdate update = alert.update();
        boolean resolved = update.state == IncidentState.RESOLVED;
        String page = source.url() + (language == Language.SV ? "" : "en/") + "incidents/" + alert.incident().id + ".html";
        return new Info(language == Language.SV ? "sv-SE" : "en-US", "Infra", words.capEvent(), resolved ? "AllClear" : "Monitor",
                resolved ? "Past" : "Immediate", severity(update), "Observed", source.organisation(), Text.clip(headline, HEADLINE),
                description, page, source.hotline() == null ? null : words.hotline() + ": " + source.hotline(), source.organisation());
    }

    /**
     * How bad it was when the update was posted, from the worst state of the incident's systems then: down is a
     * significant threat (care, payroll and the switchboard stop), a system being restored a possible one, a
     * degraded or unknown one a minimal one. A resolved incident is no longer a threat; one naming no system,
     * or posted before Outband kept the state, is of unknown severity.
     */
    static String severity(IncidentUpdate update) {
        if (update.state == IncidentState.RESOLVED) {
            return "Minor";
        }
        if (update.impact == null) {
            return "Unknown";
        }
        return switch (update.impact) {
            case DOWN -> "Severe";
            case RESTORING -> "Moderate";
            case OPERATIONAL, UNKNOWN, DEGRADED -> "Minor";
        };
    }

    /**
     * The index: the newest alerts, as many as the feed has entries, and the latest alert of every open
     * incident however old, so a reader always finds what is in effect. Older alerts are reached by references.
     */
    private static String index(List<Planned> alerts, Set<Planned> current, Source source) {
        Comparator<Planned> newestFirst = Comparator.comparing((Planned p) -> p.update().createdAt).thenComparing(p -> p.update().id)
                .reversed();
        Set<Planned> listed = new LinkedHashSet<>(alerts.stream().sorted(newestFirst).limit(StatusSite.RECENT).toList());
        listed.addAll(current);
        List<IndexEntry> entries = listed.stream().sorted(newestFirst).map(p -> new IndexEntry(source.url() + "cap/" + p.identifier() + ".xml",
                p.incident().title, rfc3339(p.update().createdAt), p.msgType(), p.update().text)).toList();
        String updated = entries.isEmpty() ? rfc3339(source.now()) : entries.get(0).updated();
        return CapXml.index(source.url() + "cap.xml", Language.SV.messages(StatusPageMessages.class).capIndexTitle(source.organisation()),
                source.organisation(), source.url(), updated, entries);
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
