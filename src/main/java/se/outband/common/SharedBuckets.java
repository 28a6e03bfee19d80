package se.outband.common;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Rate limits that hold for every instance together: a provider allows so many messages a second to
 * Outband's account, not to each of its instances. On a shared database a bucket's state is a row of
 * {@code rate_bucket}, taken under a PostgreSQL advisory lock for each draw (Bucket4j); on the embedded
 * database there is one instance, and the bucket lives in memory.
 */
@Singleton
public class SharedBuckets {

    /**
     * How much of a shared rate one draw reserves for one instance. A draw on PostgreSQL costs about a
     * millisecond under the row's lock (two instances queued at about 1,200 draws a second): at 25 ms a block,
     * all instances together draw about 40 times a second whatever the rate, 49 tokens a draw at 2,000 a
     * second. What a block costs: its tokens that nobody sends when a bulletin ends or an instance dies are
     * lost to the others, at most 25 ms of sending each time; and the first message of a block waits for
     * nothing more than it would alone.
     */
    static final Duration BLOCK = Duration.ofMillis(25);

    private final ProxyManager<Long> shared;

    @Inject
    SharedBuckets(Database database, DataSource dataSource) {
        this(database.embedded() ? null : inRows(dataSource));
    }

    /** One instance's buckets on a shared PostgreSQL: several made on one database share their buckets, as instances do. */
    static SharedBuckets onSharedDatabase(DataSource dataSource) {
        return new SharedBuckets(inRows(dataSource));
    }

    private static ProxyManager<Long> inRows(DataSource dataSource) {
        return Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource).table("rate_bucket").idColumn("id").stateColumn("state").build();
    }

    private SharedBuckets(ProxyManager<Long> shared) {
        this.shared = shared;
    }

    /** Buckets in this process's memory only, as on the embedded database: for one instance alone, with no database at all. */
    public static SharedBuckets inMemory() {
        return new SharedBuckets((ProxyManager<Long>) null);
    }

    /**
     * An even pace of {@code rate} tokens a second for every instance together, with no burst after a pause.
     * On the embedded database there is one instance and the bucket is in memory, where a draw costs next to
     * nothing: one draw per message, as before.
     */
    public BlockPacer pace(String name, double rate) {
        int block = shared == null ? 1 : (int) Math.max(1, Math.round(rate * BLOCK.toNanos() / 1e9));
        return new BlockPacer(perSecond(name, rate, 1), rate, block);
    }

    /**
     * {@code rate} tokens a second, of which up to {@code burst} may be taken at once after a pause. On a
     * shared database the limits are part of the bucket's identity, so a changed rate setting starts a
     * bucket of its own instead of living on in the old one's row.
     */
    public Bucket perSecond(String name, double rate, long burst) {
        Bandwidth limit = Bandwidth.builder().capacity(burst).refillGreedy(burst, Duration.ofNanos((long) (burst / rate * 1e9))).build();
        if (shared == null) {
            return Bucket.builder().addLimit(limit).build();
        }
        BucketConfiguration limits = BucketConfiguration.builder().addLimit(limit).build();
        long key = UUID.nameUUIDFromBytes((name + " " + limits).getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return shared.builder().build(key, () -> limits);
    }

    /** A token's time in a bucket of {@link #perSecond} with a burst of one, to the nanosecond, as the bucket counts it. */
    static long nanosPerToken(double rate) {
        return (long) (1 / rate * 1e9);
    }
}
