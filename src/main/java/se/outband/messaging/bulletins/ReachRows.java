package se.outband.messaging.bulletins;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import se.outband.contacts.ContactService;
import se.outband.contacts.Placement;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.DeliveryState;

/**
 * Reads what became of each recipient of a bulletin from the rows the outbox keeps: three queries
 * (recipients, deliveries, replies) and the contacts' units and groups, whatever the bulletin's size.
 */
@ApplicationScoped
class ReachRows {

    /** One delivery row as the report needs it; rows come in the order they were queued. */
    record Attempt(Channel channel, DeliveryState state, String provider, String errorCode, Instant reachedAt, boolean fallback) {
    }

    private final ContactService contacts;

    ReachRows(ContactService contacts) {
        this.contacts = contacts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<RecipientReach> of(long bulletinId) {
        EntityManager em = Bulletin.getEntityManager();
        Map<Long, String[]> recipients = new LinkedHashMap<>();
        em.createQuery("select r.id, r.contactId, r.name from Recipient r where r.bulletinId = ?1 order by r.name, r.contactId",
                Object[].class).setParameter(1, bulletinId).getResultStream()
                .forEach(row -> recipients.put((Long) row[0], new String[] {(String) row[1], (String) row[2]}));
        Map<Long, List<Attempt>> attempts = new HashMap<>();
        em.createQuery("select d.recipientId, d.channel, d.state, d.provider, d.errorCode, coalesce(d.reachedAt, d.updatedAt),"
                + " d.fallbackOf from Delivery d where d.bulletinId = ?1 order by d.id", Object[].class)
                .setParameter(1, bulletinId).getResultStream()
                .forEach(row -> attempts.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(new Attempt((Channel) row[1],
                        (DeliveryState) row[2], (String) row[3], (String) row[4], (Instant) row[5], row[6] != null)));
        Map<Long, List<Reply>> replies = new HashMap<>();
        Reply.<Reply>list("bulletinId = ?1 order by receivedAt, id", bulletinId)
                .forEach(reply -> replies.computeIfAbsent(reply.recipientId, k -> new ArrayList<>()).add(reply));
        Map<String, Placement> placements = contacts.placements(recipients.values().stream().map(r -> r[0]).toList());

        List<RecipientReach> reach = new ArrayList<>(recipients.size());
        recipients.forEach((id, person) -> reach.add(reachOf(person[0], person[1],
                placements.getOrDefault(person[0], Placement.UNKNOWN), attempts.getOrDefault(id, List.of()),
                replies.getOrDefault(id, List.of()))));
        return reach;
    }

    static RecipientReach reachOf(String contactId, String name, Placement placement, List<Attempt> attempts, List<Reply> replies) {
        Attempt reaching = attempts.stream().filter(a -> a.state() == DeliveryState.DELIVERED)
                .min((a, b) -> a.reachedAt().compareTo(b.reachedAt())).orElse(null);
        Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        RecipientReach.Outcome outcome;
        if (reaching != null) {
            outcome = RecipientReach.Outcome.REACHED;
        } else if (last == null) {
            outcome = RecipientReach.Outcome.NOT_TRIED;
        } else if (attempts.stream().allMatch(a -> a.state().isFinal())) {
            outcome = RecipientReach.Outcome.FAILED;
        } else {
            outcome = RecipientReach.Outcome.UNDER_WAY;
        }
        Attempt shown = reaching != null ? reaching : last;
        String failureCode = outcome == RecipientReach.Outcome.FAILED ? last.errorCode() : null;
        Reply latest = replies.isEmpty() ? null : replies.get(replies.size() - 1);
        return new RecipientReach(contactId, name, placement.unit(), placement.groups(),
                attempts.stream().map(Attempt::channel).distinct().toList(), shown == null ? null : shown.provider(), outcome,
                reaching == null ? null : reaching.channel(), failureCode, reaching == null ? null : reaching.reachedAt(),
                latest != null, latest == null ? null : latest.answer, replies.isEmpty() ? null : replies.get(0).receivedAt);
    }
}
