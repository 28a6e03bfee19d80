package se.outband.statuspage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outband's own {@code status.json}, kept as it was for those who read it; Statuspage's clients read
 * {@code api/v2/} ({@link StatuspageApi}). Pure: the snapshot the API is built from in, a map to write as JSON out.
 */
final class StatusJson {

    private StatusJson() {
    }

    static Map<String, Object> of(StatuspageApi.Source source) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("name", source.name());
        page.put("url", source.url());
        page.put("time_zone", source.timeZone());
        page.put("updated_at", source.now().toString());
        SystemState worst = SystemState.worst(source.systems().stream().map(s -> s.state).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("page", page);
        summary.put("status", Map.of("indicator", StatuspageApi.indicator(worst), "state", worst.value()));
        summary.put("components", source.systems().stream().map(s -> {
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
        summary.put("incidents", source.open().stream().map(i -> incident(i, source)).toList());
        summary.put("resolved_incidents", source.resolved().stream().map(i -> incident(i, source)).toList());
        return summary;
    }

    private static Map<String, Object> incident(Incident incident, StatuspageApi.Source source) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id);
        json.put("name", incident.title);
        json.put("status", incident.state.value());
        json.put("created_at", incident.createdAt.toString());
        json.put("updated_at", incident.updatedAt.toString());
        json.put("resolved_at", incident.resolvedAt == null ? null : incident.resolvedAt.toString());
        json.put("components", incident.serviceIds.stream().sorted().toList());
        json.put("incident_updates", source.updates().getOrDefault(incident.id, List.of()).stream().map(u -> Map.of(
                "id", u.id, "status", u.state.value(), "body", u.text, "created_at", u.createdAt.toString())).toList());
        return json;
    }
}
