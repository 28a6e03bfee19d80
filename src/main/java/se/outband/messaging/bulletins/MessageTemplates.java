package se.outband.messaging.bulletins;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import se.outband.access.AuditLog;
import se.outband.common.Refused;
import se.outband.common.Text;

/** The ready texts: read by leaders, changed by admins (audited). */
@ApplicationScoped
public class MessageTemplates {

    /** A detail to fill in, e.g. [datum]: brackets around a few words. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[^\\[\\]\\n]{1,40}\\]");
    static final int MAX_NAME = 100;

    public record TemplateView(long id, String name, String text) {
    }

    private final AuditLog audit;
    private final Clock clock;

    MessageTemplates(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<TemplateView> list() {
        return MessageTemplate.<MessageTemplate>findAll(Sort.by("name")).stream().map(MessageTemplates::view).toList();
    }

    @Transactional
    public Optional<TemplateView> find(long id) {
        return MessageTemplate.<MessageTemplate>findByIdOptional(id).map(MessageTemplates::view);
    }

    /** Creates a template when {@code id} is null, otherwise changes it. */
    @Transactional
    public TemplateView save(Long id, String name, String text, String actor) {
        String cleanName = name == null ? "" : Text.clean(name).strip();
        String cleanText = text == null ? "" : Text.clean(text).strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME || cleanText.isEmpty() || cleanText.length() > BulletinRequest.MAX_TEXT) {
            throw new Refused(new BulletinRefusal.TemplateInvalid(MAX_NAME, BulletinRequest.MAX_TEXT));
        }
        MessageTemplate template = id == null ? new MessageTemplate() : MessageTemplate.findById(id);
        if (template == null) {
            throw new Refused(new BulletinRefusal.TemplateNotFound(id));
        }
        template.name = cleanName;
        template.text = cleanText;
        template.updatedAt = clock.instant();
        template.updatedBy = actor;
        template.persist();
        audit.record(actor, id == null ? "template.created" : "template.changed", "id=%d name=%s".formatted(template.id, cleanName));
        return view(template);
    }

    @Transactional
    public void delete(long id, String actor) {
        MessageTemplate template = MessageTemplate.findById(id);
        if (template == null) {
            throw new Refused(new BulletinRefusal.TemplateNotFound(id));
        }
        audit.record(actor, "template.deleted", "id=%d name=%s".formatted(id, template.name));
        template.delete();
    }

    /**
     * Refuses a text that still holds a [placeholder] of a ready text: a detail only the leader knows, so
     * nothing is checked or sent with one left. Brackets a leader wrote themselves are theirs to keep.
     */
    @Transactional
    public void requireFilledIn(String text) {
        List<String> ready = MessageTemplate.<MessageTemplate>listAll().stream().map(t -> t.text).toList();
        Matcher placeholder = PLACEHOLDER.matcher(text == null ? "" : text);
        // All of them at once: refused one at a time, a text with three took three rounds.
        Set<String> unfilled = new LinkedHashSet<>();
        while (placeholder.find()) {
            String found = placeholder.group();
            if (ready.stream().anyMatch(t -> t.contains(found))) {
                unfilled.add(found);
            }
        }
        if (!unfilled.isEmpty()) {
            throw new Refused(new BulletinRefusal.PlaceholderUnfilled(List.copyOf(unfilled)));
        }
    }

    private static TemplateView view(MessageTemplate template) {
        return new TemplateView(template.id, template.name, template.text);
    }
}
