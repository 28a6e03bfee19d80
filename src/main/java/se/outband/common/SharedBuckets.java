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

    private final ProxyManager<Long> shared;

    @Inject
    SharedBuckets(Database database, DataSource dataSource) {
        this(database.embedded() ? null
                : Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource).table("rate_bucket").idColumn("id").stateColumn("state")
                        .build());
    }

    private SharedBuckets(ProxyManager<Long> shared) {
        this.shared = shared;
    }

    /** Buckets in this process's memory only, as on the embedded database: for one instance alone, with no database at all. */
    public static SharedBuckets inMemory() {
        return new SharedBuckets((ProxyManager<Long>) null);
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
}
