package se.outband.messaging.bulletins;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * What bulletins hold about one person (the recipient rows, their deliveries and replies), for the person's export
 * and erasure; and the deletion of every bulletin's rows past their retention.
 *
 * <p>An erased person's rows stay, emptied of everything that names them (name, number, address, reply text,
 * provider ids): a bulletin's progress, reach report and tally count rows, and an old bulletin must keep saying how
 * many it reached. Their contact id becomes {@code erased:<row id>}, which no contact can have (ids take no colon).
 */
@ApplicationScoped
public class PersonalRecords {

    /** What an erased person's name becomes in the rows kept for the counts. */
    public static final String ERASED_NAME = "–";

    public record DeliveryRecord(String channel, String address, String state, int attempts, String provider, String errorCode,
            Instant createdAt, Instant reachedAt) {
    }

    public record ReplyRecord(Instant receivedAt, String fromNumber, String body, String answer, boolean simulated) {
    }

    /** One bulletin sent to the person: as they were then, what it said, how it went and what they answered. */
    public record BulletinRecord(long bulletinId, Instant sentAt, String text, boolean drill, String name, String mobile,
            String email, List<DeliveryRecord> deliveries, List<ReplyRecord> replies) {
    }

    /** How many rows an erasure emptied. */
    public record Erased(int recipients, int deliveries, int replies) {
    }

    /** How many rows the retention deleted. */
    public record Deleted(int bulletins, int deliveries, int replies) {
    }

    private final EntityManager em;

    PersonalRecords(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<BulletinRecord> of(String contactId) {
        List<Recipient> recipients = Recipient.list("contactId = ?1 order by id", contactId);
        return recipients.stream().map(r -> {
            Bulletin bulletin = Bulletin.findById(r.bulletinId);
            List<DeliveryRecord> deliveries = Delivery.<Delivery>list("recipientId = ?1 order by id", r.id).stream()
                    .map(d -> new DeliveryRecord(d.channel.key(), d.address, d.state.name(), d.attempts, d.provider, d.errorCode,
                            d.createdAt, d.reachedAt)).toList();
            List<ReplyRecord> replies = Reply.<Reply>list("recipientId = ?1 order by receivedAt", r.id).stream()
                    .map(reply -> new ReplyRecord(reply.receivedAt, reply.fromNumber, reply.body, reply.answer, reply.simulated)).toList();
            return new BulletinRecord(r.bulletinId, bulletin.createdAt, bulletin.message, bulletin.drill, r.name, r.mobile, r.email,
                    deliveries, replies);
        }).toList();
    }

    /**
     * Empties the person's rows of everything that names them, in the caller's transaction. A delivery not yet sent
     * is not sent: it fails as erased.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Erased erase(String contactId) {
        List<Long> recipients = em.createQuery("select r.id from Recipient r where r.contactId = ?1", Long.class)
                .setParameter(1, contactId).getResultList();
        if (recipients.isEmpty()) {
            return new Erased(0, 0, 0);
        }
        em.createQuery("update Delivery d set d.state = ?1, d.errorCode = 'erased', d.nextAttemptAt = d.createdAt"
                + " where d.recipientId in ?2 and d.state in ?3")
                .setParameter(1, DeliveryState.FAILED).setParameter(2, recipients)
                .setParameter(3, List.of(DeliveryState.QUEUED, DeliveryState.SENDING)).executeUpdate();
        int deliveries = em.createQuery("update Delivery d set d.address = '', d.providerId = null, d.lastError = null, d.body = null"
                + " where d.recipientId in ?1").setParameter(1, recipients).executeUpdate();
        int replies = em.createNativeQuery("update reply set contact_id = concat('erased:', cast(recipient_id as varchar(20))),"
                + " name = ?1, from_number = '', body = '', message_sid = concat('erased:', cast(id as varchar(20)))"
                + " where recipient_id in (?2)").setParameter(1, ERASED_NAME).setParameter(2, recipients).executeUpdate();
        int rows = em.createNativeQuery("update recipient set contact_id = concat('erased:', cast(id as varchar(20))), name = ?1,"
                + " mobile = null, email = null where id in (?2)").setParameter(1, ERASED_NAME).setParameter(2, recipients)
                .executeUpdate();
        return new Erased(rows, deliveries, replies);
    }

    /**
     * Deletes the recipient, delivery and reply rows of every bulletin sent before {@code before}, a bulletin per
     * transaction (a big one's rows are not all locked at once, and what is done stays done). The bulletin itself
     * (its text, when and by whom, how many it was sent to) stays.
     */
    public Deleted deleteBefore(Instant before) {
        List<Long> old = QuarkusTransaction.requiringNew().call(() -> ((List<?>) em.createNativeQuery("select b.id from bulletin b"
                + " where b.created_at < ?1 and exists (select 1 from recipient r where r.bulletin_id = b.id)")
                .setParameter(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).getResultList())
                .stream().map(id -> ((Number) id).longValue()).collect(Collectors.toList()));
        int deliveries = 0;
        int replies = 0;
        for (long bulletin : old) {
            int[] counts = QuarkusTransaction.requiringNew().call(() -> new int[] {
                em.createNativeQuery("delete from reply where bulletin_id = ?1").setParameter(1, bulletin).executeUpdate(),
                em.createNativeQuery("delete from delivery where bulletin_id = ?1").setParameter(1, bulletin).executeUpdate(),
                em.createNativeQuery("delete from recipient where bulletin_id = ?1").setParameter(1, bulletin).executeUpdate() });
            replies += counts[0];
            deliveries += counts[1];
        }
        return new Deleted(old.size(), deliveries, replies);
    }
}
