package se.outband.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static se.outband.TestApi.as;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.outband.access.Roles;

/**
 * A scheduled job that keeps failing turns readiness DOWN, naming the job and its error in words; the
 * public answer holds no count, time or message, which signed-in roles read in the details group.
 */
@QuarkusTest
class ScheduledJobHealthTest {

    private static final String CHECK = "checks.find { it.name == 'scheduled-jobs' }";

    @Inject
    FailingJob job;

    @Inject
    TestClock clock;

    @AfterEach
    void recover() {
        job.failing(false);
        job.run();
        job.runBeside();
        clock.reset();
    }

    @Test
    void aJobFailingOnEveryRunForAMinuteTurnsReadinessDownWithItsNameAndError() {
        given().get("/q/health/ready").then().statusCode(200).body(CHECK + ".status", equalTo("UP"));

        job.failing(true);
        assertThrows(IllegalStateException.class, job::run, "the first failure reaches the scheduler, which logs its stack trace");
        for (int i = 1; i < JobOutcomes.FAILURES_IN_A_ROW; i++) {
            job.run(); // the same failure again is logged in one line
        }
        given().get("/q/health/ready").then().statusCode(200).body(CHECK + ".status", equalTo("UP"));

        clock.advance(JobOutcomes.FAILING_FOR.plus(Duration.ofSeconds(1)));
        job.run();
        String ready = given().get("/q/health/ready").then().statusCode(503)
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.reason", containsString("The scheduled job " + FailingJob.JOB + " keeps failing"))
                .body(CHECK + ".data.reason", containsString("ArrayIndexOutOfBoundsException"))
                .body(CHECK + ".data.reason", not(containsString("42")))
                .extract().jsonPath().getMap(CHECK).toString();
        assertFalse(ready.matches("(?s).*[0-9].*"), "no count or time in the public answer: " + ready);

        as(Roles.SENDER).get("/q/health/group/details").then().statusCode(503)
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.'" + FailingJob.JOB + ".failuresInARow'", equalTo(JobOutcomes.FAILURES_IN_A_ROW + 1))
                .body(CHECK + ".data.'" + FailingJob.JOB + ".lastError'", containsString("Test failure 42"));
        given().get("/q/health/group/details").then().statusCode(401);
        given().get("/q/health/group").then().statusCode(401);
        given().get("/q/health").then().body(not(containsString("failuresInARow")));

        job.failing(false);
        job.run();
        given().get("/q/health/ready").then().body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data", nullValue());
    }

    @Test
    void aJobWhoseFailureMustNotTakeTheInstanceOutIsSaidAsAProblemWhileReady() {
        job.failing(true);
        assertThrows(IllegalStateException.class, job::runBeside);
        for (int i = 1; i < JobOutcomes.FAILURES_IN_A_ROW; i++) {
            job.runBeside();
        }
        clock.advance(JobOutcomes.FAILING_FOR.plus(Duration.ofSeconds(1)));
        // This check only: the clock moved on, and another check may look at its own heartbeat before it beats again.
        given().get("/q/health/ready").then()
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.problem", containsString("The scheduled job " + FailingJob.BESIDE + " keeps failing"));
    }
}
