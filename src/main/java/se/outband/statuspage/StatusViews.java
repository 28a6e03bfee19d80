package se.outband.statuspage;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The status page's API shapes. */
public final class StatusViews {

    /** A state is one short word ("down", "resolved"). */
    static final int MAX_WORD = 40;
    /** More systems than any organisation lists on its status page. */
    static final int MAX_SYSTEMS = 1000;

    private StatusViews() {
    }

    /** A system as a leader gives it; its shape is bounded here, what it means is the service's to check. */
    public record SystemRequest(
            @Size(max = StatusPageService.MAX_NAME, message = "{request.text.too-long}") String name,
            @Size(max = StatusPageService.MAX_NAME, message = "{request.text.too-long}") String group,
            @Size(max = MAX_WORD, message = "{request.text.too-long}") String state,
            @Min(value = 1, message = "{status.priority.invalid}") Integer priority,
            @Size(max = StatusPageService.MAX_NOTE, message = "{request.text.too-long}") String note) {
    }

    public record SystemView(long id, String name, String group, SystemState state, int priority, String note, Instant updatedAt) {
        static SystemView of(MonitoredSystem s) {
            return new SystemView(s.id, s.name, s.groupName, s.state, s.priority, s.note, s.updatedAt);
        }
    }

    public record IncidentRequest(
            @Size(max = StatusPageService.MAX_TITLE, message = "{request.text.too-long}") String title,
            @Size(max = StatusPageService.MAX_TEXT, message = "{request.text.too-long}") String text,
            @Size(max = MAX_WORD, message = "{request.text.too-long}") String state,
            @Size(max = MAX_SYSTEMS, message = "{request.list.too-long}") List<Long> services) {
    }

    public record UpdateRequest(
            @Size(max = StatusPageService.MAX_TEXT, message = "{request.text.too-long}") String text,
            @Size(max = MAX_WORD, message = "{request.text.too-long}") String state) {
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
