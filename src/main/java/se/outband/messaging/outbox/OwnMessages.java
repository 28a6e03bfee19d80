package se.outband.messaging.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The messages of their own (a person's link, a code, an answer to a command) sent to a person's addresses, for the
 * person's export and erasure, and their deletion past retention. Their text is never kept once sent.
 */
@ApplicationScoped
public class OwnMessages {

    public record MessageRecord(String channel, String address, String state, int attempts, String provider, String errorCode,
            Instant createdAt, Instant reachedAt) {
    }

    @Transactional
    public List<MessageRecord> to(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        return Delivery.<Delivery>list("bulletinId is null and address in ?1 order by id", addresses).stream()
                .map(d -> new MessageRecord(d.channel.key(), d.address, d.state.name(), d.attempts, d.provider, d.errorCode,
                        d.createdAt, d.reachedAt)).toList();
    }

    /** Deletes them, in the caller's transaction: one not sent yet is not sent (a sender holding it finds it gone). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(Collection<String> addresses) {
        return addresses.isEmpty() ? 0 : (int) Delivery.delete("bulletinId is null and address in ?1", addresses);
    }

    /** Deletes those created before {@code before}, whatever became of them. */
    @Transactional
    public int deleteBefore(Instant before) {
        return (int) Delivery.delete("bulletinId is null and createdAt < ?1", before);
    }
}
