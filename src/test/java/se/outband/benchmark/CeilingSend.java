package se.outband.benchmark;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.restassured.specification.RequestSpecification;

/**
 * One bulletin to everyone through running packaged services (one, or several on one database) and a
 * fake Twilio of the run's own, measured from outside: the fake's arrivals, the processes' CPU time and
 * peak memory, and when the service says every result is stored.
 */
final class CeilingSend {

    /** The people of the small group a second bulletin goes to, once the service is warm. */
    static final int WARM_GROUP = 10;

    /** A running service: its process and where it listens. */
    record Service(long pid, int port) {
        RequestSpecification admin() {
            return given().port(port).auth().preemptive().basic("admin", PackagedService.ADMIN_PASSWORD);
        }

        /**
         * As a script sends (docs/security.md: scripts use API tokens), and as a crisis leader's signed-in browser does:
         * without checking a password at every request. Checking the admin's with bcrypt took 0.27 s of the first POST
         * after a start, which is not a message's cost.
         */
        RequestSpecification sender(String token) {
            return given().port(port).auth().oauth2(token);
        }

        long cpuNanos() {
            return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElseThrow().toNanos();
        }
    }

    /** What one send measured; times are from the moment the bulletin was posted. */
    record Figures(int recipients, double rate, double cpuMillisPerMessage, double fakeCpuMillisPerMessage, long peakRssMb, long firstSmsMillis, long warmFirstSmsMillis,
            long allSentMillis, long allStoredMillis, Map<Long, Integer> perSecond, Map<Long, Integer> secondsAbove, int reached, int duplicates) {

        /** Arrivals in each of the first {@code seconds} seconds after the first SMS, as "1,402/1,611/1,801". */
        String firstSeconds(int seconds) {
            return LongStream.range(0, seconds).mapToObj(second -> "%,d".formatted(perSecond.getOrDefault(second, 0)))
                    .collect(Collectors.joining("/"));
        }

        /**
         * Arrivals a second once the first {@code skip} seconds are over: what the send keeps up when neither a start
         * nor the storing of the later recipients holds it. The last second, cut short by the end of the send, is left out.
         */
        double rateAfter(int skip) {
            long last = perSecond.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            return LongStream.range(skip, last).mapToInt(second -> perSecond.getOrDefault(second, 0)).average().orElse(0);
        }
    }

    private CeilingSend() {
    }

    /** A staff list of {@code people} in "Alla", the first {@link #WARM_GROUP} also in "Tio", with valid Swedish mobiles. */
    static byte[] staff(int people) {
        StringBuilder csv = new StringBuilder("id,name,mobile,groups\n");
        for (int i = 0; i < people; i++) {
            csv.append(i).append(",Person ").append(i).append(",070-2").append(String.format("%06d", i))
                    .append(i < WARM_GROUP ? ",Alla|Tio\n" : ",Alla\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Imports the staff through the first service, sends them one bulletin through it, and measures until every result is stored. */
    static Figures measure(List<Service> services, BoundedTwilio twilio, int recipients, int bound) throws IOException {
        Service first = services.get(0);
        first.admin().contentType("text/csv").body(staff(recipients)).post("/api/contacts/import").then().statusCode(200);
        String token = first.admin().contentType("application/json").body(Map.of("name", "Ceiling " + System.nanoTime(), "roles", List.of("sender")))
                .post("/api/tokens").then().statusCode(201).extract().path("token");
        twilio.clear();
        long cpuBefore = cpu(services);
        long fakeCpuBefore = ownCpu();
        long posted = System.nanoTime();
        long id = post(first, token, "Kommunens IT ligger nere. Arbeta analogt tills vidare. Nästa besked kl 12.", "Alla");
        // Only the fake is asked while messages go out: asking the service would cost it CPU of its own.
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(10)).until(() -> twilio.requests() >= recipients);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> sent(first, token, id) >= recipients);
        long stored = System.nanoTime();
        long cpu = cpu(services) - cpuBefore;
        long fakeCpu = ownCpu() - fakeCpuBefore;
        long firstSms = twilio.firstNanos() - posted;
        long allSent = twilio.lastNanos() - posted;
        double rate = (twilio.requests() - 1) * 1e9 / (twilio.lastNanos() - twilio.firstNanos());
        Map<Long, Integer> perSecond = twilio.perSecond();
        Map<Long, Integer> above = twilio.secondsAbove(bound);
        int reached = twilio.perNumber().size();
        int duplicates = twilio.perNumber().values().stream().mapToInt(AtomicInteger::get).map(n -> n - 1).sum();

        twilio.clear();
        long warmPosted = System.nanoTime();
        post(first, token, "Nästa besked kl 15.", "Tio");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(2)).until(() -> twilio.requests() >= 1);
        long warmFirstSms = twilio.firstNanos() - warmPosted;
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> twilio.requests() >= WARM_GROUP);

        long rss = 0;
        for (Service service : services) {
            rss = Math.max(rss, PackagedService.peakRssMb(service.pid()));
        }
        return new Figures(recipients, rate, cpu / 1e6 / recipients, fakeCpu / 1e6 / recipients, rss, firstSms / 1_000_000, warmFirstSms / 1_000_000,
                allSent / 1_000_000, (stored - posted) / 1_000_000, perSecond, above, reached, duplicates);
    }

    private static long post(Service via, String token, String text, String group) {
        return via.sender(token).contentType("application/json").body(Map.of("text", text, "groups", List.of(group)))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private static long sent(Service via, String token, long id) {
        Map<String, Number> sms = via.sender(token).get("/api/bulletins/" + id).then().statusCode(200).extract().path("deliveries.sms");
        return sms.getOrDefault("SENT", 0).longValue();
    }

    /** This JVM's CPU time: the fake's, and the little the measuring costs. */
    private static long ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static long cpu(List<Service> services) {
        return services.stream().mapToLong(Service::cpuNanos).sum();
    }
}
