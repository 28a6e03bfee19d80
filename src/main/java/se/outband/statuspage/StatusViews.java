package se.outband.statuspage;

import java.time.Instant;
import java.util.List;

/** The status page's API shapes. */
public final class StatusViews {

    private StatusViews() {
    }

    public record SystemRequest(String name, String group, String state, Integer priority, String note) {
    }

    public record SystemView(long id, String name, String group, SystemState state, int priority, String note, Instant updatedAt) {
        static SystemView of(MonitoredSystem s) {
            return new SystemView(s.id, s.name, s.groupName, s.state, s.priority, s.note, s.updatedAt);
        }
    }

    public record IncidentRequest(String title, String text, String state, List<Long> services) {
    }

    public record UpdateRequest(String text, String state) {
    }

    public record UpdateView(long id, String text, IncidentState state, Instant createdAt) {
        static UpdateView of(IncidentUpdate u) {
            return new UpdateView(u.id, u.text, u.state, u.createdAt);
        }
    }

    /** An incident with its updates, newest first. */
    public record IncidentView(long id, String title, IncidentState state, List<Long> services, Instant createdAt,
            Instant updatedAt, Instant resolvedAt, List<UpdateView> updates) {
    }
}
