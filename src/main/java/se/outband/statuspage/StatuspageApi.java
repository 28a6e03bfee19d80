package se.outband.statuspage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The page in the shape of Statuspage's public API v2 ({@code api/v2/summary.json}, {@code status.json},
 * {@code components.json}, {@code incidents.json}), with its fields and words, so a client written for
 * Statuspage reads Outband's page as it is: string ids, ISO times, component groups as components with
 * {@code group: true}. Pure: a snapshot in, maps to write as JSON out.
 */
final class StatuspageApi {

    static final String PAGE_ID = "outband";

    /** What the API is built from, as the site's renderer read it in one transaction. */
    record Source(String name, String url, String timeZone, Instant now, List<MonitoredSystem> systems, List<Incident> open,
            List<Incident> resolved, Map<Long, List<IncidentUpdate>> updates) {
    }

    private StatuspageApi() {
    }

    /** Each file's path under the site and what it holds. */
    static Map<String, Map<String, Object>> files(Source source) {
        Map<String, Object> page = page(source);
        Map<String, Object> status = status(source.systems());
        List<Map<String, Object>> components = components(source);
        List<Map<String, Object>> incidents = Stream.concat(source.open().stream(), source.resolved().stream())
                .sorted(Comparator.comparing((Incident i) -> i.createdAt).thenComparing(i -> i.id).reversed())
                .limit(StatusSite.RECENT).map(i -> incident(i, source)).toList();
        Map<String, Map<String, Object>> files = new LinkedHashMap<>();
        files.put("api/v2/summary.json", object("page", page, "components", components, "incidents",
                source.open().stream().map(i -> incident(i, source)).toList(), "scheduled_maintenances", List.of(), "status", status));
        files.put("api/v2/status.json", object("page", page, "status", status));
        files.put("api/v2/components.json", object("page", page, "components", components));
        files.put("api/v2/incidents.json", object("page", page, "incidents", incidents));
        return files;
    }

    /** Statuspage's component words for Outband's states; an unknown state is not known to be working. */
    static String componentStatus(SystemState state) {
        return switch (state) {
            case OPERATIONAL -> "operational";
            case UNKNOWN, DEGRADED -> "degraded_performance";
            case RESTORING -> "partial_outage";
            case DOWN -> "major_outage";
        };
    }

    /** Statuspage's indicator and impact words for the worst state. */
    static String indicator(SystemState worst) {
        return switch (worst) {
            case OPERATIONAL -> "none";
            case UNKNOWN, DEGRADED -> "minor";
            case RESTORING -> "major";
            case DOWN -> "critical";
        };
    }

    private static Map<String, Object> page(Source source) {
        return object("id", PAGE_ID, "name", source.name(), "url", source.url(), "time_zone", source.timeZone(), "updated_at",
                source.now().toString());
    }

    private static Map<String, Object> status(List<MonitoredSystem> systems) {
        String indicator = indicator(SystemState.worst(systems.stream().map(s -> s.state).toList()));
        String description = switch (indicator) {
            case "none" -> "All Systems Operational";
            case "minor" -> "Minor Service Outage";
            case "major" -> "Partial System Outage";
            default -> "Major Service Outage";
        };
        return object("indicator", indicator, "description", description);
    }

    /** The systems in restoration order, each group as a component of its own listing its members' ids. */
    private static List<Map<String, Object>> components(Source source) {
        Map<String, List<MonitoredSystem>> groups = source.systems().stream().filter(s -> s.groupName != null)
                .collect(Collectors.groupingBy(s -> s.groupName, LinkedHashMap::new, Collectors.toList()));
        List<Map<String, Object>> components = new ArrayList<>();
        int position = 0;
        for (MonitoredSystem system : source.systems()) {
            Map<String, Object> component = component(Long.toString(system.id), system.name, componentStatus(system.state),
                    system.updatedAt, ++position, system.note);
            component.put("group_id", system.groupName == null ? null : groupId(system.groupName));
            component.put("group", false);
            components.add(component);
        }
        for (Map.Entry<String, List<MonitoredSystem>> group : groups.entrySet()) {
            List<MonitoredSystem> members = group.getValue();
            Instant updated = members.stream().map(s -> s.updatedAt).max(Comparator.naturalOrder()).orElse(source.now());
            Map<String, Object> component = component(groupId(group.getKey()), group.getKey(),
                    componentStatus(SystemState.worst(members.stream().map(s -> s.state).toList())), updated, ++position, null);
            component.put("group_id", null);
            component.put("group", true);
            component.put("components", members.stream().map(s -> Long.toString(s.id)).toList());
            components.add(component);
        }
        return components;
    }

    private static Map<String, Object> component(String id, String name, String status, Instant updated, int position, String description) {
        Map<String, Object> component = object("id", id, "name", name, "status", status, "created_at", updated.toString(), "updated_at",
                updated.toString(), "position", position, "description", description, "showcase", true, "start_date", null,
                "page_id", PAGE_ID, "only_show_if_degraded", false);
        return component;
    }

    /** A group's id: its name made safe for an id, the same on every render as long as the name stays. */
    static String groupId(String name) {
        return "group-" + name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    }

    private static Map<String, Object> incident(Incident incident, Source source) {
        List<MonitoredSystem> affected = source.systems().stream().filter(s -> incident.serviceIds.contains(s.id)).toList();
        SystemState worst = SystemState.worst(affected.stream().map(s -> s.state).toList());
        List<IncidentUpdate> updates = source.updates().getOrDefault(incident.id, List.of());
        Instant monitoring = updates.stream().filter(u -> u.state == IncidentState.MONITORING).map(u -> u.createdAt)
                .max(Comparator.naturalOrder()).orElse(null);
        long first = updates.stream().map(u -> u.id).min(Comparator.naturalOrder()).orElse(-1L);
        return object("id", Long.toString(incident.id), "name", incident.title, "status", incident.state.value(),
                "created_at", incident.createdAt.toString(), "updated_at", incident.updatedAt.toString(),
                "monitoring_at", monitoring == null ? null : monitoring.toString(),
                "resolved_at", incident.resolvedAt == null ? null : incident.resolvedAt.toString(),
                "impact", affected.isEmpty() ? "none" : indicator(worst),
                "shortlink", source.url() + "incidents/" + incident.id + ".html",
                "started_at", incident.createdAt.toString(), "page_id", PAGE_ID,
                "incident_updates", updates.stream().map(u -> update(u, u.id == first ? affected : List.of())).toList(),
                "components", affected.stream().map(s -> {
                    Map<String, Object> component = component(Long.toString(s.id), s.name, componentStatus(s.state), s.updatedAt, 0, s.note);
                    component.remove("position");
                    return component;
                }).toList());
    }

    /**
     * One update, newest first as Statuspage lists them. Outband keeps no history of a system's states, so the
     * opening update names the incident's systems with the state they have now as both old and new.
     */
    private static Map<String, Object> update(IncidentUpdate update, List<MonitoredSystem> affected) {
        String at = update.createdAt.toString();
        return object("id", Long.toString(update.id), "status", update.state.value(), "body", update.text,
                "incident_id", Long.toString(update.incidentId), "created_at", at, "updated_at", at, "display_at", at,
                "affected_components", affected.isEmpty() ? null : affected.stream().map(s -> object("code", Long.toString(s.id),
                        "name", s.name, "old_status", componentStatus(s.state), "new_status", componentStatus(s.state))).toList(),
                "deliver_notifications", true, "custom_tweet", null, "tweet_id", null);
    }

    /** An ordered JSON object from name, value pairs; values may be null, unlike in Map.of. */
    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            object.put((String) pairs[i], pairs[i + 1]);
        }
        return object;
    }
}
