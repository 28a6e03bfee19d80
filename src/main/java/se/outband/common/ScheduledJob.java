package se.outband.common;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Goes beside every {@code @Scheduled}: a run of the job is one that Outband waits for when it stops, and
 * none begins once it stops ({@link ScheduledJobs}); a job that keeps failing is said in readiness
 * ({@link ScheduledJobsHealth}). An architecture test checks that none is missing.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface ScheduledJob {

    /**
     * Whether this job failing on every run turns readiness DOWN (the default), or is only said as a problem
     * while readiness stays UP: for a job whose failure must not take an instance out of its load balancer.
     */
    @Nonbinding
    boolean failingMeansNotReady() default true;
}
