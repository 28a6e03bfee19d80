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

    /**
     * A system as a leader gives it; its shape is bounded here, what it means is the service's to check.
     * {@code nameEn} and {@code noteEn} are the optional English versions (like the note, left out means none).
     */
    public record SystemRequest(
            @Size(max = StatusPageService.MAX_NAME, message = "{request.text.too-long}") String name,
            @Size(max = StatusPageService.MAX_NAME, message = "{request.text.too-long}") String group,
            @Size(max = MAX_WORD, message = "{request.text.too-long}") String state,
            @Min(value = 1, message = "{status.priority.invalid}") Integer priority,
            @Size(max = StatusPageService.MAX_NOTE, message = "{request.text.too-long}") String note,
            @Size(max = StatusPageService.MAX_NAME, message = "{request.text.too-long}") String nameEn,
            @Size(max = StatusPageService.MAX_NOTE, message = "{request.text.too-long}") String noteEn) {

        /** A system without English versions, as the API took it before they existed. */
        public SystemRequest(String name, String group, String state, Integer priority, String note) {
            this(name, group, state, priority, note, null, null);
        }
    }

    public record SystemView(long id, String name, String group, SystemState state, int priority, String note, Instant updatedAt,
            String nameEn, String noteEn) {
        static SystemView of(MonitoredSystem s) {
            return new SystemView(s.id, s.name, s.groupName, s.state, s.priority, s.note, s.updatedAt, s.nameEn, s.noteEn);
        }
    }

    /**
     * {@code titleEn} and {@code textEn} are the optional English versions of the title and the first text;
     * {@code notifySubscribers} false keeps the incident from the subscribers, left out means they are told.
     */
    public record IncidentRequest(
            @Size(max = StatusPageService.MAX_TITLE, message = "{request.text.too-long}") String title,
            @Size(max = StatusPageService.MAX_TEXT, message = "{request.text.too-long}") String text,
            @Size(max = MAX_WORD, message = "{request.text.too-long}") String state,
            @Size(max = MAX_SYSTEMS, message = "{request.list.too-long}") List<Long> services,
            @Size(max = StatusPageService.MAX_TITLE, message = "{request.text.too-long}") String titleEn,
            @Size(max = StatusPageService.MAX_TEXT, message = "{request.text.too-long}") String textEn,
            Boolean notifySubscribers) {

        /** An incident in Swedish only. */
        public IncidentRequest(String title, String text, String state, List<Long> services) {
            this(title, text, state, services, null, null, null);
        }

        /** An incident subscribers are told about. */
        public IncidentRequest(String title, String text, String state, List<Long> services, String titleEn, String textEn) {
            this(title, text, state, services, titleEn, textEn, null);
        }
    }

    /**
     * {@code textEn} is the optional English version of the text; {@code notifySubscribers} false keeps the change from
     * the subscribers (a typo fixed), left out means they are told.
     */
    public record UpdateRequest(
            @Size(max = StatusPageService.MAX_TEXT, message = "{request.text.too-long}") String text,
            @Size(max = MAX_WORD, message = "{request.text.too-long}") String state,
            @Size(max = StatusPageService.MAX_TEXT, message = "{request.text.too-long}") String textEn,
            Boolean notifySubscribers) {

        /** An update in Swedish only. */
        public UpdateRequest(String text, String state) {
            this(text, state, null, null);
        }

        /** An update subscribers are told about. */
        public UpdateRequest(String text, String state, String textEn) {
            this(text, state, textEn, null);
        }
    }

    public record UpdateView(long id, String text, IncidentState state, Instant createdAt, String textEn) {
        static UpdateView of(IncidentUpdate u) {
            return new UpdateView(u.id, u.text, u.state, u.createdAt, u.textEn);
        }
    }

    /** An incident with its updates, newest first. */
    public record IncidentView(long id, String title, IncidentState state, List<Long> services, Instant createdAt,
            Instant updatedAt, Instant resolvedAt, List<UpdateView> updates, String titleEn) {
    }
}
