package se.outband.messaging.bulletins;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import se.outband.common.Refused;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;
import se.outband.messaging.providers.email.MailGateway;
import se.outband.messaging.providers.sms.FailoverSmsGateway;
import se.outband.messaging.providers.sms.SmsConfig;
import se.outband.messaging.providers.voice.CallGateway;

/** Read side of bulletins: listings, progress and deliveries. */
@ApplicationScoped
public class BulletinQueries {

    private static final EnumSet<DeliveryState> PENDING = EnumSet.of(DeliveryState.QUEUED, DeliveryState.SENDING, DeliveryState.SENT);

    private final SmsConfig smsConfig;
    private final FailoverSmsGateway sms;
    private final MailGateway mail;
    private final BulletinService bulletins;
    private final CallGateway calls;

    BulletinQueries(SmsConfig smsConfig, FailoverSmsGateway sms, MailGateway mail, BulletinService bulletins, CallGateway calls) {
        this.calls = calls;
        this.smsConfig = smsConfig;
        this.sms = sms;
        this.mail = mail;
        this.bulletins = bulletins;
    }

    @Transactional
    public List<BulletinSummary> list(int limit) {
        List<Bulletin> recent = Bulletin.<Bulletin>findAll(Sort.descending("id")).page(0, limit).list();
        List<BulletinSummary> summaries = new ArrayList<>(recent.size());
        for (Bulletin b : recent) {
            summaries.add(new BulletinSummary(b.id, b.createdAt, b.createdBy, b.text, b.drill, b.channels.value(),
                    b.recipientCount, reachedRecipients(b.id), failedRecipients(b.id), countsOf(b.id).pending()));
        }
        return summaries;
    }

    @Transactional
    public BulletinProgress progress(long id) {
        Bulletin b = find(id);
        EntityManager em = Bulletin.getEntityManager();
        Counts counts = countsOf(id);
        long reached = reachedRecipients(id);
        List<Instant> reachedTimes = em.createQuery("select min(d.reachedAt) from Delivery d where d.bulletinId = ?1"
                + " and d.state = ?2 group by d.recipientId", Instant.class)
                .setParameter(1, id).setParameter(2, DeliveryState.DELIVERED).getResultList()
                .stream().sorted().toList();
        long queuedSms = counts.of(Channel.SMS, DeliveryState.QUEUED) + counts.of(Channel.SMS, DeliveryState.SENDING);
        String lastError = em.createQuery("select d.lastError from Delivery d where d.bulletinId = ?1 and d.lastError is not null"
                + " order by d.updatedAt desc", String.class).setParameter(1, id).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        long fellBack = Delivery.count("bulletinId = ?1 and fallbackOf is not null", id);
        int percent = b.recipientCount == 0 ? 100 : (int) (reached * 100 / b.recipientCount);
        Long toComplete = queuedSms == 0 ? null
                : (long) Math.ceil(queuedSms * b.smsSegments / smsConfig.ratePerSecond());
        Map<String, Map<String, Long>> byProvider = smsByProvider(id);
        BigDecimal cost = BigDecimal.ZERO;
        long priced = 0;
        for (Map.Entry<String, Map<String, Long>> provider : byProvider.entrySet()) {
            long sent = provider.getValue().values().stream().mapToLong(Long::longValue).sum();
            cost = cost.add(smsConfig.pricePerSegment(provider.getKey()).multiply(BigDecimal.valueOf(sent * b.smsSegments)));
            priced += sent;
        }
        // Not yet sent: priced at the provider sending now.
        cost = cost.add(smsConfig.pricePerSegment(sms.sending()).multiply(BigDecimal.valueOf((counts.of(Channel.SMS) - priced) * b.smsSegments)));
        return new BulletinProgress(b.id, b.createdAt, b.createdBy, b.text, b.message, b.channels.value(), b.drill,
                b.replyOptionList(), b.audience, b.recipientCount, b.smsSegments, b.encoding.name(), cost,
                smsConfig.currency(), counts.byChannel(), reached, failedRecipients(id), counts.pending(), fellBack, percent,
                secondsToShare(b, reachedTimes, 50), secondsToShare(b, reachedTimes, 90), toComplete, lastError,
                Map.of("sms", sms.name(), "email", mail.name(), "voice", calls.name()), null, byProvider, sms.providers(),
                bulletins.dryRunChannels());
    }

    /** SMS sent or refused per provider and state, e.g. {"46elks": {"DELIVERED": 30}}; messages not yet sent have none. */
    private static Map<String, Map<String, Long>> smsByProvider(long id) {
        Map<String, Map<String, Long>> byProvider = new TreeMap<>();
        for (Object[] row : Bulletin.getEntityManager().createQuery("select d.provider, d.state, count(d) from Delivery d"
                + " where d.bulletinId = ?1 and d.channel = ?2 and d.provider is not null group by d.provider, d.state", Object[].class)
                .setParameter(1, id).setParameter(2, Channel.SMS).getResultList()) {
            byProvider.computeIfAbsent((String) row[0], p -> new TreeMap<>()).put(((DeliveryState) row[1]).name(), (Long) row[2]);
        }
        return byProvider;
    }

    /** What the leader wrote, to start a follow-up from. */
    @Transactional
    public String text(long id) {
        return find(id).text;
    }

    /** What a follow-up to a bulletin starts from: the same text, reply options, channels and drill flag. */
    public record FollowUp(String text, List<String> replyOptions, String channels, boolean drill) {
    }

    @Transactional
    public FollowUp followUp(long id) {
        Bulletin bulletin = find(id);
        return new FollowUp(bulletin.text, bulletin.replyOptionList(), bulletin.channels.value(), bulletin.drill);
    }

    @Transactional
    public List<DeliveryView> deliveries(long id) {
        find(id);
        return Bulletin.getEntityManager().createQuery("select new se.outband.messaging.bulletins.DeliveryView(d.id, r.contactId, r.name,"
                + " lower(cast(d.channel as String)), d.address, cast(d.state as String), d.attempts, d.provider, d.providerId, d.errorCode,"
                + " d.lastError, d.fallbackOf, d.updatedAt) from Delivery d, Recipient r where r.id = d.recipientId"
                + " and d.bulletinId = ?1 order by r.name, d.id", DeliveryView.class)
                .setParameter(1, id).getResultList();
    }

    /** What the call of a voice delivery reads; empty for anything else (a signed request for a row a restore replaced). */
    @Transactional
    public Optional<CallScript> callScript(long deliveryId) {
        return Delivery.call(deliveryId).map(call -> Bulletin.<Bulletin>findById(call.bulletinId))
                .map(bulletin -> new CallScript(bulletin.text, bulletin.drill, bulletin.replyOptionList()));
    }

    /** How each channel's provider is doing, for the leaders' start page. */
    public record ChannelHealth(String channel, String provider, Instant lastSuccess, Instant lastErrorAt, String lastError,
            List<FailoverSmsGateway.ProviderView> providers) {
    }

    @Transactional
    public List<ChannelHealth> providerHealth() {
        EntityManager em = Bulletin.getEntityManager();
        List<ChannelHealth> health = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            if (channel == Channel.VOICE && !calls.available()) {
                continue;
            }
            Instant success = em.createQuery("select max(d.updatedAt) from Delivery d where d.channel = ?1 and d.state in ?2",
                    Instant.class).setParameter(1, channel)
                    .setParameter(2, EnumSet.of(DeliveryState.SENT, DeliveryState.DELIVERED)).getSingleResult();
            Object[] error = em.createQuery("select d.updatedAt, d.lastError from Delivery d where d.channel = ?1"
                    + " and d.lastError is not null order by d.updatedAt desc", Object[].class)
                    .setParameter(1, channel).setMaxResults(1).getResultStream().findFirst().orElse(new Object[2]);
            String provider = switch (channel) {
                case SMS -> sms.name();
                case EMAIL -> mail.name();
                case VOICE -> calls.name();
            };
            health.add(new ChannelHealth(channel.key(), provider, success, (Instant) error[0], (String) error[1],
                    channel == Channel.SMS ? sms.providers() : List.of()));
        }
        return health;
    }

    /** The people not reached on any channel (nothing delivered yet), to send to again. */
    @Transactional
    public List<RecipientContact> unreached(long id) {
        return Bulletin.getEntityManager().createQuery(RecipientContact.OF_BULLETIN
                + " and not exists (select d from Delivery d where d.recipientId = r.id and d.state = ?2) order by r.name, r.contactId",
                RecipientContact.class).setParameter(1, id).setParameter(2, DeliveryState.DELIVERED).getResultList();
    }

    static Bulletin find(long id) {
        Bulletin bulletin = Bulletin.findById(id);
        if (bulletin == null) {
            throw new Refused(new BulletinRefusal.BulletinNotFound(id));
        }
        return bulletin;
    }

    /** How many deliveries of a bulletin are in each channel and state: one query that the figures are read from. */
    private record Counts(Map<Channel, Map<DeliveryState, Long>> counts) {

        long of(Channel channel, DeliveryState state) {
            return counts.getOrDefault(channel, Map.of()).getOrDefault(state, 0L);
        }

        long of(Channel channel) {
            return counts.getOrDefault(channel, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }

        long pending() {
            return counts.keySet().stream().mapToLong(c -> PENDING.stream().mapToLong(s -> of(c, s)).sum()).sum();
        }

        /** For JSON: {"sms": {"DELIVERED": 40, "QUEUED": 2}}. */
        Map<String, Map<String, Long>> byChannel() {
            Map<String, Map<String, Long>> json = new TreeMap<>();
            counts.forEach((channel, states) -> states.forEach((state, n) ->
                    json.computeIfAbsent(channel.key(), k -> new TreeMap<>()).put(state.name(), n)));
            return json;
        }
    }

    private static Counts countsOf(long id) {
        Map<Channel, Map<DeliveryState, Long>> counts = new EnumMap<>(Channel.class);
        for (Object[] row : Bulletin.getEntityManager().createQuery("select d.channel, d.state, count(d) from Delivery d"
                + " where d.bulletinId = ?1 group by d.channel, d.state", Object[].class).setParameter(1, id).getResultList()) {
            counts.computeIfAbsent((Channel) row[0], k -> new EnumMap<>(DeliveryState.class))
                    .put((DeliveryState) row[1], (Long) row[2]);
        }
        return new Counts(counts);
    }

    /** People reached on at least one channel. */
    private static long reachedRecipients(long id) {
        return Bulletin.getEntityManager().createQuery("select count(distinct d.recipientId) from Delivery d"
                + " where d.bulletinId = ?1 and d.state = ?2", Long.class)
                .setParameter(1, id).setParameter(2, DeliveryState.DELIVERED).getSingleResult();
    }

    /** People whose every delivery failed and who have nothing still under way. */
    private static long failedRecipients(long id) {
        return Bulletin.getEntityManager().createQuery("select count(distinct d.recipientId) from Delivery d"
                + " where d.bulletinId = ?1 and d.state in ?2 and not exists (select o from Delivery o"
                + " where o.recipientId = d.recipientId and o.state not in ?2)", Long.class)
                .setParameter(1, id).setParameter(2, EnumSet.of(DeliveryState.FAILED, DeliveryState.UNDELIVERED))
                .getSingleResult();
    }

    private static Long secondsToShare(Bulletin b, List<Instant> reachedTimes, int percent) {
        int needed = (int) Math.ceil(b.recipientCount * percent / 100.0);
        if (needed == 0 || reachedTimes.size() < needed) {
            return null;
        }
        return Duration.between(b.createdAt, reachedTimes.get(needed - 1)).toSeconds();
    }
}
