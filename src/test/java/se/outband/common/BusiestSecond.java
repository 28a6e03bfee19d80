package se.outband.common;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A rate as a provider counts it: the most arrivals in one second, the seconds counted from the first arrival. */
public final class BusiestSecond {

    private BusiestSecond() {
    }

    /** Of arrivals given as {@link System#nanoTime()}. */
    public static int of(Collection<Long> arrivals) {
        long first = arrivals.stream().mapToLong(Long::longValue).min().orElseThrow();
        return arrivals.stream().collect(Collectors.groupingBy(at -> (at - first) / TimeUnit.SECONDS.toNanos(1), Collectors.counting()))
                .values().stream().mapToInt(Long::intValue).max().orElseThrow();
    }
}
