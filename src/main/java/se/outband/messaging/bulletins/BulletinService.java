package se.outband.messaging.bulletins;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import se.outband.access.AuditLog;
import se.outband.common.Refused;
import se.outband.common.Text;
import se.outband.contacts.ContactService;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.DeliveriesQueued;
import se.outband.messaging.providers.email.MailGateway;
import se.outband.messaging.providers.sms.FailoverSmsGateway;
import se.outband.messaging.providers.sms.SmsConfig;
import se.outband.messaging.providers.sms.SmsSegments;
import se.outband.statuspage.StatusPageService;

/**
 * Turns a leader's request into a bulletin: snapshots the recipients and stores one delivery per
 * recipient and channel in one transaction, before any provider is called (the outbox).
 */
@ApplicationScoped
public class BulletinService {

    static final String DRILL_PREFIX = "ÖVNING: ";
    private static final Pattern OPTION = Pattern.compile("[\\p{L}\\p{N}]{1,20}");

    private final ContactService contacts;
    private final SmsConfig smsConfig;
    private final FailoverSmsGateway sms;
    private final MailGateway mail;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<DeliveriesQueued> queued;
    private final StatusPageService statusPage;
    private final AudienceStore audienceStore;
    private final ChannelPlanner planner;
    private final Escalations escalations;

    BulletinService(ContactService contacts, SmsConfig smsConfig, FailoverSmsGateway sms, MailGateway mail, AuditLog audit,
            Clock clock, Event<DeliveriesQueued> queued, StatusPageService statusPage, AudienceStore audienceStore,
            ChannelPlanner planner, Escalations escalations) {
        this.planner = planner;
        this.escalations = escalations;
        this.statusPage = statusPage;
        this.audienceStore = audienceStore;
        this.contacts = contacts;
        this.smsConfig = smsConfig;
        this.sms = sms;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.queued = queued;
    }

    @Transactional
    public BulletinPreview send(@Valid BulletinRequest request, boolean dryRun, String actor) {
        String text = request.text() == null ? "" : Text.clean(request.text()).strip();
        if (text.isEmpty()) {
            throw new Refused(new BulletinRefusal.TextMissing());
        }
        if (request.drill() && request.statusUpdate()) {
            throw new Refused(new BulletinRefusal.DrillNotOnStatusPage());
        }
        ChannelPolicy policy = ChannelPolicy.parse(request.channels());
        if (policy == null) {
            throw new Refused(new BulletinRefusal.ChannelsUnknown(request.channels()));
        }
        List<String> options = replyOptions(request.replyOptions());
        List<String> groups = clean(request.groups());
        List<String> ids = clean(request.contactIds());
        if (groups.isEmpty() && ids.isEmpty()) {
            throw new Refused(new BulletinRefusal.AudienceMissing());
        }
        ContactService.Audience audience = contacts.resolve(groups, ids);
        if (!audience.unknownGroups().isEmpty()) {
            throw new Refused(new BulletinRefusal.UnknownGroups(audience.unknownGroups()));
        }
        if (!audience.unknownIds().isEmpty()) {
            throw new Refused(new BulletinRefusal.UnknownContacts(audience.unknownIds()));
        }
        List<EscalationPlan> escalation = escalations.check(request.escalation(), options);

        String message = compose(text, request.drill(), options);
        if (message.length() > BulletinRequest.MAX_TEXT) {
            throw new Refused(new BulletinRefusal.MessageTooLong(message.length(), BulletinRequest.MAX_TEXT));
        }
        if (!options.isEmpty() && policy != ChannelPolicy.EMAIL && sms.oneWaySender().isPresent()) {
            throw new Refused(new BulletinRefusal.RepliesImpossible(sms.oneWaySender().get()));
        }
        SmsSegments.Count count = SmsSegments.count(message);
        List<PlannedRecipient> plan = audience.addressees().stream().map(c -> planner.plan(c, policy)).toList();
        int smsMessages = (int) plan.stream().filter(PlannedRecipient::bySms).count();
        int emailMessages = (int) plan.stream().filter(PlannedRecipient::byEmail).count();
        int calls = (int) plan.stream().filter(PlannedRecipient::byVoice).count();
        int unreachable = (int) plan.stream().filter(p -> !p.reachable()).count();
        if (unreachable == plan.size()) {
            throw new Refused(new BulletinRefusal.NobodyReachable(plan.size()));
        }

        Long id = null;
        if (!dryRun) {
            Bulletin bulletin = store(request, text, message, policy, options, groups, ids, plan, count, actor);
            id = bulletin.id;
            escalations.store(bulletin, escalation, actor);
            audit.record(actor, "bulletin.sent", "id=%d drill=%s channels=%s audience=[%s] recipients=%d sms=%d email=%d calls=%d text=%s"
                    .formatted(id, request.drill(), policy.value(), bulletin.audience, plan.size(), smsMessages, emailMessages, calls,
                            text));
            queued.fire(new DeliveriesQueued());
            if (request.statusUpdate()) {
                statusPage.postFromBulletin(text);
            }
        }
        // Priced at the provider sending now: it takes the whole bulletin unless it fails on the way.
        BigDecimal cost = smsConfig.pricePerSegment(sms.sending()).multiply(BigDecimal.valueOf((long) smsMessages * count.segments()));
        return new BulletinPreview(id, message, plan.size(), smsMessages, emailMessages, calls, unreachable, count.units(),
                count.segments(), count.encoding().name(), count.firstUcs2Character(), null, cost, smsConfig.currency(), request.drill(),
                null, dryRunChannels());
    }

    /** The channels that only pretend to send ("dry run" wherever it shows); none when both send for real. */
    List<Channel> dryRunChannels() {
        List<Channel> dry = new ArrayList<>();
        if (sms.dryRun()) {
            dry.add(Channel.SMS);
        }
        if (mail.dryRun()) {
            dry.add(Channel.EMAIL);
        }
        return dry;
    }

    private Bulletin store(BulletinRequest request, String text, String message, ChannelPolicy policy, List<String> options,
            List<String> groups, List<String> ids, List<PlannedRecipient> plan, SmsSegments.Count count, String actor) {
        Instant now = clock.instant();
        Bulletin bulletin = new Bulletin();
        bulletin.text = text;
        bulletin.message = message;
        bulletin.channels = policy;
        bulletin.drill = request.drill();
        bulletin.replyOptions = options.isEmpty() ? null : String.join(",", options);
        bulletin.audience = audienceText(groups, ids);
        bulletin.recipientCount = plan.size();
        bulletin.smsSegments = count.segments();
        bulletin.encoding = count.encoding();
        bulletin.createdAt = now;
        bulletin.createdBy = actor;
        bulletin.persist();
        // The recipients refer to the bulletin row: it must be written before they are.
        Bulletin.flush();
        try {
            audienceStore.store(bulletin, plan);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the recipients of bulletin " + bulletin.id, e);
        }
        return bulletin;
    }

    /** The text as recipients get it: marked as an exercise, and ending with how to answer. */
    static String compose(String text, boolean drill, List<String> options) {
        StringBuilder message = new StringBuilder(drill ? DRILL_PREFIX : "").append(text);
        if (!options.isEmpty()) {
            message.append("\nSvara: ");
            for (int i = 0; i < options.size(); i++) {
                message.append(i == 0 ? "" : ", ").append(i + 1).append(' ').append(options.get(i));
            }
        }
        return message.toString();
    }

    private static List<String> replyOptions(List<String> raw) {
        Set<String> options = new LinkedHashSet<>();
        for (String option : raw) {
            String clean = option == null ? "" : option.strip().toUpperCase(Locale.ROOT);
            if (!OPTION.matcher(clean).matches()) {
                throw new Refused(new BulletinRefusal.ReplyOptionInvalid(String.valueOf(option)));
            }
            options.add(clean);
        }
        return List.copyOf(options);
    }

    private static List<String> clean(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    private static String audienceText(List<String> groups, List<String> ids) {
        List<String> parts = new ArrayList<>();
        if (!groups.isEmpty()) {
            parts.add("groups: " + String.join(", ", groups));
        }
        if (!ids.isEmpty()) {
            parts.add("contacts: " + (ids.size() <= 20 ? String.join(", ", ids) : ids.size() + " chosen"));
        }
        String audience = String.join("; ", parts);
        // Dozens of chosen groups could outgrow the column; the recipients themselves are all stored.
        return Text.clip(audience, 4000);
    }
}
