package se.outband.common;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Goes beside every {@code @Scheduled}: a run of the job is one that Outband waits for when it stops, and
 * none begins once it stops ({@link ScheduledJobs}). An architecture test checks that none is missing.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface ScheduledJob {
}
