package se.outband.statuspage;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import io.quarkus.panache.common.Sort;
import se.outband.access.AuditLog;
import se.outband.common.Refused;
import se.outband.common.Text;
import se.outband.statuspage.StatusViews.IncidentRequest;
import se.outband.statuspage.StatusViews.IncidentView;
import se.outband.statuspage.StatusViews.SystemRequest;
import se.outband.statuspage.StatusViews.SystemView;
import se.outband.statuspage.StatusViews.UpdateRequest;
import se.outband.statuspage.StatusViews.UpdateView;

/** Changes to the status page: every one is audited and makes the site render again. */
@ApplicationScoped
public class StatusPageService {

    static final int MAX_NAME = 200;
    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 4000;
    static final int MAX_NOTE = 2000;

    private final AuditLog audit;
    private final Clock clock;
    private final Event<StatusChanged> changed;
    private final SiteVersions versions;
    private final Event<IncidentPosted> posted;

    StatusPageService(AuditLog audit, Clock clock, Event<StatusChanged> changed, SiteVersions versions, Event<IncidentPosted> posted) {
        this.versions = versions;
        this.posted = posted;
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
    }

    @Transactional
    public List<SystemView> systems() {
        return MonitoredSystem.<MonitoredSystem>findAll(Sort.by("priority").and("name")).stream().map(SystemView::of).toList();
    }

    @Transactional
    public SystemView createSystem(@Valid SystemRequest request) {
        MonitoredSystem system = new MonitoredSystem();
        apply(system, request, true);
        system.persist();
        audit.record("status.system-created", describe(system));
        changed.fire(new StatusChanged());
        return SystemView.of(system);
    }

    @Transactional
    public SystemView updateSystem(long id, @Valid SystemRequest request) {
        MonitoredSystem system = MonitoredSystem.findById(id);
        if (system == null) {
            throw new Refused(new StatusRefusal.SystemNotFound(id, false));
        }
        apply(system, request, false);
        audit.record("status.system-changed", describe(system));
        changed.fire(new StatusChanged());
        return SystemView.of(system);
    }

    /** Removes a system from the page and from the incidents that named it (the incidents stay). */
    @Transactional
    public void deleteSystem(long id) {
        MonitoredSystem system = MonitoredSystem.findById(id);
        if (system == null) {
            throw new Refused(new StatusRefusal.SystemNotFound(id, false));
        }
        Incident.<Incident>list("?1 member of serviceIds", id).forEach(incident -> incident.serviceIds.remove(id));
        audit.record("status.system-deleted", describe(system));
        system.delete();
        changed.fire(new StatusChanged());
    }

    @Transactional
    public List<IncidentView> incidents() {
        List<Incident> incidents = Incident.<Incident>findAll(Sort.descending("createdAt", "id")).list();
        Map<Long, List<UpdateView>> updates = IncidentUpdate.<IncidentUpdate>findAll(Sort.descending("createdAt", "id"))
                .stream().collect(Collectors.groupingBy(u -> u.incidentId, Collectors.mapping(UpdateView::of, Collectors.toList())));
        return incidents.stream().map(i -> view(i, updates.getOrDefault(i.id, List.of()))).toList();
    }

    @Transactional
    public IncidentView openIncident(@Valid IncidentRequest request) {
        String title = required(request.title(), new StatusRefusal.TitleMissing());
        String text = required(request.text(), new StatusRefusal.TextMissing());
        IncidentState state = request.state() == null ? IncidentState.INVESTIGATING : incidentState(request.state());
        List<Long> services = request.services() == null ? List.of() : request.services();
        for (Long id : services) {
            if (id == null || MonitoredSystem.findById(id) == null) {
                throw new Refused(new StatusRefusal.SystemNotFound(id == null ? 0 : id, true));
            }
        }
        Instant now = clock.instant();
        Incident incident = new Incident();
        incident.title = title;
        incident.titleEn = optional(request.titleEn());
        incident.state = state;
        incident.serviceIds = new HashSet<>(services);
        incident.createdAt = now;
        incident.updatedAt = now;
        incident.resolvedAt = state == IncidentState.RESOLVED ? now : null;
        incident.persist();
        IncidentUpdate first = addUpdate(incident, text, optional(request.textEn()), state, now);
        audit.record("status.incident-opened", "id=%d state=%s title=%s".formatted(incident.id, state.value(), title)
                + english("title_en", incident.titleEn) + english("text_en", first.textEn) + quiet(request.notifySubscribers()));
        tell(incident, first, IncidentPosted.Kind.OPENED, request.notifySubscribers());
        changed.fire(new StatusChanged());
        return view(incident, List.of(UpdateView.of(first)));
    }

    @Transactional
    public UpdateView postUpdate(long incidentId, @Valid UpdateRequest request) {
        Incident incident = Incident.findById(incidentId);
        if (incident == null) {
            throw new Refused(new StatusRefusal.IncidentNotFound(incidentId));
        }
        String text = required(request.text(), new StatusRefusal.TextMissing());
        IncidentState state = request.state() == null ? incident.state : incidentState(request.state());
        boolean resolving = state == IncidentState.RESOLVED && incident.state != IncidentState.RESOLVED;
        Instant now = clock.instant();
        incident.state = state;
        incident.updatedAt = now;
        incident.resolvedAt = state == IncidentState.RESOLVED ? now : null;
        IncidentUpdate update = addUpdate(incident, text, optional(request.textEn()), state, now);
        audit.record("status.incident-updated", "id=%d state=%s text=%s".formatted(incident.id, state.value(), text)
                + english("text_en", update.textEn) + quiet(request.notifySubscribers()));
        tell(incident, update, resolving ? IncidentPosted.Kind.RESOLVED : IncidentPosted.Kind.UPDATED, request.notifySubscribers());
        changed.fire(new StatusChanged());
        return UpdateView.of(update);
    }

    /**
     * A bulletin also told on the status page: an update to the newest open incident, or a new incident
     * titled with the bulletin's first line when none is open.
     */
    @Transactional
    public void postFromBulletin(String text) {
        versions.waitForOtherChanges();
        Incident open = Incident.<Incident>find("state <> ?1", Sort.descending("createdAt", "id"), IncidentState.RESOLVED)
                .firstResult();
        String clipped = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        if (open != null) {
            postUpdate(open.id, new UpdateRequest(clipped, null));
        } else {
            String firstLine = clipped.lines().findFirst().orElse(clipped).strip();
            String title = Text.clip(firstLine, 120);
            openIncident(new IncidentRequest(title, clipped, null, List.of()));
        }
    }

    private void tell(Incident incident, IncidentUpdate update, IncidentPosted.Kind kind, Boolean notify) {
        posted.fire(new IncidentPosted(incident.id, update.id, kind, update.state, incident.title, incident.titleEn, update.text,
                update.textEn, !Boolean.FALSE.equals(notify)));
    }

    /** Said in the audit entry when the leader chose not to tell subscribers. */
    private static String quiet(Boolean notify) {
        return Boolean.FALSE.equals(notify) ? " notify=false" : "";
    }

    private static IncidentUpdate addUpdate(Incident incident, String text, String textEn, IncidentState state, Instant now) {
        IncidentUpdate update = new IncidentUpdate();
        update.incidentId = incident.id;
        update.text = text;
        update.textEn = textEn;
        update.state = state;
        update.createdAt = now;
        update.impact = impact(incident);
        update.persist();
        return update;
    }

    /** The incident's systems' worst state as it is now: what a CAP alert for this update reports as its severity. */
    private static SystemState impact(Incident incident) {
        if (incident.serviceIds.isEmpty()) {
            return null;
        }
        return SystemState.worst(MonitoredSystem.<MonitoredSystem>list("id in ?1", incident.serviceIds).stream().map(s -> s.state).toList());
    }

    private void apply(MonitoredSystem system, SystemRequest request, boolean creating) {
        if (request == null) {
            throw new Refused(new StatusRefusal.BodyMissing());
        }
        system.name = required(request.name(), new StatusRefusal.NameMissing());
        system.groupName = optional(request.group());
        SystemState state = request.state() == null && creating ? SystemState.UNKNOWN
                : request.state() == null ? system.state : SystemState.parse(request.state());
        if (state == null) {
            throw new Refused(new StatusRefusal.SystemStateUnknown(request.state()));
        }
        system.state = state;
        system.priority = request.priority() != null ? request.priority() : creating ? nextPriority() : system.priority;
        system.note = optional(request.note());
        system.nameEn = optional(request.nameEn());
        system.noteEn = optional(request.noteEn());
        system.updatedAt = clock.instant();
    }

    private static int nextPriority() {
        Integer max = MonitoredSystem.getEntityManager().createQuery("select max(s.priority) from MonitoredSystem s", Integer.class)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private static IncidentState incidentState(String value) {
        IncidentState state = IncidentState.parse(value);
        if (state == null) {
            throw new Refused(new StatusRefusal.IncidentStateUnknown(value));
        }
        return state;
    }

    private static String required(String value, StatusRefusal missing) {
        String text = optional(value);
        if (text == null) {
            throw new Refused(missing);
        }
        return text;
    }

    private static String optional(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = Text.clean(value).strip();
        if (text.isEmpty()) {
            return null;
        }
        return text;
    }

    private static IncidentView view(Incident incident, List<UpdateView> updates) {
        return new IncidentView(incident.id, incident.title, incident.state, incident.serviceIds.stream().sorted().toList(),
                incident.createdAt, incident.updatedAt, incident.resolvedAt, updates, incident.titleEn);
    }

    private static String describe(MonitoredSystem system) {
        return "id=%d name=%s state=%s priority=%d note=%s".formatted(system.id, system.name, system.state.value(),
                system.priority, system.note) + english("name_en", system.nameEn) + english("note_en", system.noteEn);
    }

    /** An English version in the audit entry, when there is one. */
    private static String english(String field, String value) {
        return value == null ? "" : " " + field + "=" + value;
    }
}
