package se.outband.messaging.bulletins;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * A drill to 3,000 people, sent through the real outbox to the fake Twilio, whose delivery rows are then
 * given a realistic spread of delivery reports (most within minutes, a long tail, some unreachable phones and
 * wrong numbers, a second provider taking over, email for some whose SMS failed) and replies. The report's
 * figures are recomputed here from the rows themselves.
 */
@QuarkusTest
class ReachReportTest {

    private static final int PEOPLE = 1000;

    @AfterEach
    void reset() {
        FakeProviders.reset();
    }

    private static void people(String prefix, int count) {
        StringBuilder csv = new StringBuilder("id,name,mobile,groups,unit\n");
        for (int i = 0; i < count; i++) {
            csv.append(prefix).append(i).append(",Person ").append(i).append(",070-6").append(String.format("%06d", i))
                    .append(',').append(prefix).append(i % 2 == 0 ? "-jämn" : "-udda").append(',').append("Enhet ").append(i % 3)
                    .append('\n');
        }
        TestApi.asAdmin().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=merge").then().statusCode(200);
    }

    private static long unsent(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.count("bulletinId = ?1 and state in ?2", id,
                List.of(DeliveryState.QUEUED, DeliveryState.SENDING)));
    }

    @Test
    void aDrillToThreeThousandIsReportedAsItsDeliveryRowsSay() throws java.io.IOException {
        String prefix = "r" + UUID.randomUUID().toString().substring(0, 6);
        people(prefix, PEOPLE);
        long id = MessagingTestSupport.sendOk(Map.of("text", "Övning: svara JA om du kan komma", "groups",
                List.of(prefix + "-jämn", prefix + "-udda"), "drill", true, "replyOptions", List.of("JA", "NEJ")));
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> unsent(id) == 0);
        System.out.printf("%d SMS handed to the fake Twilio in %d ms%n", PEOPLE, (System.nanoTime() - started) / 1_000_000);
        Instant sentAt = spreadReports(id);

        long asked = System.nanoTime();
        JsonPath report = as(Roles.SENDER).get("/api/bulletins/" + id + "/report").then().statusCode(200).extract().jsonPath();
        System.out.printf("The report of %d recipients answered in %d ms%n", PEOPLE, (System.nanoTime() - asked) / 1_000_000);
        asked = System.nanoTime();
        as(Roles.SENDER).get("/api/bulletins/" + id + "/report").then().statusCode(200);
        System.out.printf("and in %d ms when asked again%n", (System.nanoTime() - asked) / 1_000_000);
        System.out.println("Reach of the drill: reachedWithin=" + report.getMap("reachedWithin") + " timeTo=" + report.getMap("timeTo")
                + " failures=" + report.getList("failures") + " failovers=" + report.getMap("failovers")
                + " replies=" + report.getMap("replies"));

        Rows rows = rows(id);
        assertTrue(report.getBoolean("drill"));
        assertEquals(PEOPLE, report.getInt("recipients"));
        List<Instant> reached = new ArrayList<>(rows.firstReached.values());
        reached.sort(null);
        assertEquals(reached.size(), report.getLong("reached"));
        for (int minutes : List.of(1, 5, 15, 60)) {
            Instant limit = sentAt.plus(Duration.ofMinutes(minutes));
            long within = reached.stream().filter(t -> !t.isAfter(limit)).count();
            assertEquals(within, report.getLong("reachedWithin." + minutes + "m.reached"), "reached within " + minutes + " min");
            assertEquals(Math.round(within * 1000.0 / PEOPLE) / 10.0, report.getDouble("reachedWithin." + minutes + "m.percent"), 0.001);
        }
        for (int percent : List.of(50, 90, 99)) {
            int needed = (int) Math.ceil(PEOPLE * percent / 100.0);
            Long expected = reached.size() < needed ? null : Duration.between(sentAt, reached.get(needed - 1)).toSeconds();
            Object actual = report.get("timeTo.'" + percent + "'");
            assertEquals(expected, actual == null ? null : ((Number) actual).longValue(), "time to " + percent + " %");
        }
        assertTrue(report.getLong("timeTo.'50'") < report.getLong("timeTo.'90'"), "the spread is not flat");
        assertTrue(report.get("timeTo.'99'") == null, "more than 1 % were never reached, so 99 % never was");

        Map<String, Integer> failures = new HashMap<>();
        for (Map<String, Object> failure : report.<Map<String, Object>>getList("failures")) {
            failures.put(failure.get("channel") + "/" + failure.get("code"), ((Number) failure.get("deliveries")).intValue());
        }
        assertEquals(rows.failuresByCode, failures);
        String words = report.getList("failures").toString();
        assertTrue(words.contains("Telefonen var inte nåbar (avstängd eller utan täckning)"), words);
        assertTrue(words.contains("Numret finns inte"), words);

        assertEquals(rows.elks, report.getLong("failovers.toProvider.46elks"));
        assertEquals(rows.emailFallbacks, report.getLong("failovers.toChannel.email"));

        assertEquals(rows.answers.get("JA"), report.getLong("replies.tally.JA"));
        assertEquals(rows.answers.get("NEJ"), report.getLong("replies.tally.NEJ"));
        assertEquals((long) rows.answeredAt.size(), report.getLong("replies.answered"));
        List<Long> answerSeconds = rows.answeredAt.stream().map(t -> Duration.between(sentAt, t).toSeconds()).sorted().toList();
        assertEquals(answerSeconds.get((answerSeconds.size() - 1) / 2), report.getLong("replies.medianSecondsToAnswer"));

        assertEquals(PEOPLE - reached.size(), report.getList("neverReached").size());
        long evenReached15 = rows.firstReached.entrySet().stream()
                .filter(e -> Integer.parseInt(e.getKey().substring(prefix.length())) % 2 == 0)
                .filter(e -> !e.getValue().isAfter(sentAt.plus(Duration.ofMinutes(15)))).count();
        Map<String, Object> even = report.<Map<String, Object>>getList("byGroup").stream()
                .filter(g -> g.get("name").equals(prefix + "-jämn")).findFirst().orElseThrow();
        assertEquals(PEOPLE / 2, ((Number) even.get("recipients")).intValue());
        assertEquals(evenReached15, ((Number) even.get("reachedWithin15m")).longValue());
        assertEquals(3, report.getList("byUnit").size());
        assertEquals(reached.size(), report.<Map<String, Object>>getList("byChannel").stream()
                .mapToLong(c -> ((Number) c.get("reached")).longValue()).sum(), "each person is reached by one channel");
        List<Map<String, Object>> curve = report.getList("curve");
        assertEquals(reached.size(), ((Number) curve.get(curve.size() - 1).get("reached")).longValue());

        String csv = as(Roles.SENDER).get("/api/bulletins/" + id + "/report.csv").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.substring(1))).getRecords();
        assertEquals(PEOPLE, records.size());
        assertEquals(reached.size(), records.stream().filter(r -> !r.get("reachedAt").isEmpty()).count());
        assertEquals(rows.answeredAt.size(), records.stream().filter(r -> !r.get("answeredAt").isEmpty()).count());
    }

    /** What the rows say, read apart from the report's own queries. */
    private record Rows(Map<String, Instant> firstReached, Map<String, Integer> failuresByCode, long elks, long emailFallbacks,
            Map<String, Long> answers, List<Instant> answeredAt) {
    }

    private static Rows rows(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Instant> firstReached = new HashMap<>();
            Map<Long, String> contactOf = new HashMap<>();
            Recipient.<Recipient>list("bulletinId", id).forEach(r -> contactOf.put(r.id, r.contactId));
            Map<String, Integer> failures = new HashMap<>();
            long elks = 0;
            long email = 0;
            for (Delivery d : Delivery.<Delivery>list("bulletinId", id)) {
                if (d.state == DeliveryState.DELIVERED) {
                    firstReached.merge(contactOf.get(d.recipientId), d.reachedAt, (a, b) -> a.isBefore(b) ? a : b);
                }
                if (d.state == DeliveryState.FAILED || d.state == DeliveryState.UNDELIVERED) {
                    failures.merge(d.channel.key() + "/" + d.errorCode, 1, Integer::sum);
                }
                elks += "46elks".equals(d.provider) ? 1 : 0;
                email += d.fallbackOf != null && d.channel == Channel.EMAIL ? 1 : 0;
            }
            Map<String, Long> answers = new HashMap<>();
            List<Instant> answeredAt = new ArrayList<>();
            for (Reply reply : Reply.<Reply>list("bulletinId", id)) {
                answers.merge(reply.answer, 1L, Long::sum);
                answeredAt.add(reply.receivedAt);
            }
            return new Rows(firstReached, failures, elks, email, answers, answeredAt);
        });
    }

    /**
     * Gives the rows the reports a real drill gets: delays log-normal around a minute with a tail of hours,
     * 2 % unreachable phones (30003), 1 % wrong numbers (21211), 0.5 % never reported, a tenth sent by the
     * second provider, an email that reached half of those whose SMS failed, and replies from 60 % of the
     * reached. Seeded: the same spread every run. Returns when the bulletin was sent.
     */
    private static Instant spreadReports(long id) {
        Random random = new Random(25);
        return QuarkusTransaction.requiringNew().call(() -> {
            Bulletin bulletin = Bulletin.findById(id);
            Instant sentAt = bulletin.createdAt;
            for (Delivery d : Delivery.<Delivery>list("bulletinId = ?1 order by id", id)) {
                double r = random.nextDouble();
                d.provider = random.nextDouble() < 0.1 ? "46elks" : d.provider;
                if (r < 0.02) {
                    d.state = DeliveryState.UNDELIVERED;
                    d.errorCode = "30003";
                } else if (r < 0.03) {
                    d.state = DeliveryState.FAILED;
                    d.errorCode = "21211";
                } else if (r < 0.035) {
                    d.state = DeliveryState.SENT;
                    continue;
                } else {
                    long seconds = Math.min(7200, Math.round(Math.exp(Math.log(60) + random.nextGaussian())));
                    d.state = DeliveryState.DELIVERED;
                    d.reachedAt = sentAt.plusSeconds(seconds);
                    if (random.nextDouble() < 0.6) {
                        reply(bulletin, d, d.reachedAt.plusSeconds(5 + (long) (random.nextDouble() * 600)), random.nextDouble() < 0.8 ? "ja" : "Nej");
                    }
                    continue;
                }
                if (random.nextBoolean()) {
                    Delivery email = Delivery.queued(id, d.recipientId, Channel.EMAIL, "person@example.net", d.id, sentAt);
                    email.state = DeliveryState.DELIVERED;
                    email.reachedAt = sentAt.plusSeconds(300 + (long) (random.nextDouble() * 600));
                    email.persist();
                }
            }
            return sentAt;
        });
    }

    private static void reply(Bulletin bulletin, Delivery delivery, Instant at, String body) {
        Recipient recipient = Recipient.findById(delivery.recipientId);
        Reply reply = new Reply();
        reply.bulletinId = bulletin.id;
        reply.recipientId = recipient.id;
        reply.contactId = recipient.contactId;
        reply.name = recipient.name;
        reply.fromNumber = delivery.address;
        reply.body = body;
        reply.answer = Replies.answer(body, bulletin.replyOptionList());
        reply.receivedAt = at;
        reply.messageSid = "SMtest" + UUID.randomUUID();
        reply.persist();
    }
}
