package se.outband.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import se.outband.database.PostgresServer;

/**
 * Two instances' paces on one real PostgreSQL, each with its own {@link SharedBuckets} on the same
 * {@code rate_bucket} row: together they keep the rate in every second, and each draw (a transaction,
 * counted as a connection taken) serves a block of tokens, not one message.
 */
class BlockPacingOnPostgreSQLTest {

    private static final int RATE = 490;
    private static final int SENDERS = 20;

    private static PostgresServer server;
    private static final AtomicInteger transactions = new AtomicInteger();
    private static PGSimpleDataSource database;

    private final ConcurrentLinkedQueue<Long> released = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PostgresServer.available(), PostgresServer.MISSING);
        server = PostgresServer.start();
        database = new PGSimpleDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                transactions.incrementAndGet();
                return super.getConnection();
            }
        };
        database.setURL(server.url());
        database.setUser(PostgresServer.USER);
        database.setPassword(PostgresServer.PASSWORD);
        Flyway.configure().dataSource(server.url(), PostgresServer.USER, PostgresServer.PASSWORD).load().migrate();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoInstancesKeepTheRateTogetherWithADrawPerBlock() throws InterruptedException {
        int tokens = 2 * RATE;
        int block = (int) Math.round(RATE * SharedBuckets.BLOCK.toNanos() / 1e9);
        transactions.set(0);
        List<ExecutorService> instances = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            BlockPacer pace = SharedBuckets.onSharedDatabase(database).pace("sms test", RATE);
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            instances.add(senders);
            for (int i = 0; i < tokens / 2; i++) {
                senders.execute(() -> {
                    try {
                        pace.await(1);
                        released.add(System.nanoTime());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
        for (ExecutorService senders : instances) {
            senders.shutdown();
            assertTrue(senders.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(tokens, released.size());
        // A provider whose rate is 2 % above the pace (FailoverSmsGateway keeps 3 % below it): no second above that rate.
        int bound = (int) Math.ceil(RATE / 0.98);
        assertTrue(BusiestSecond.of(released) <= bound, BusiestSecond.of(released) + " tokens in one second, at a rate of " + RATE);
        assertTrue(transactions.get() >= tokens / block && transactions.get() <= 2 * tokens / block,
                transactions + " transactions for " + tokens + " tokens in blocks of " + block);
    }
}
