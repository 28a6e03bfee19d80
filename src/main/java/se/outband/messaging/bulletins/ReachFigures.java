package se.outband.messaging.bulletins;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import se.outband.messaging.outbox.Channel;

/** The reach report's figures, computed from the recipients' outcomes alone: no database, no language. */
final class ReachFigures {

    static final List<Integer> MINUTES = List.of(1, 5, 15, 60);
    static final List<Integer> PERCENTS = List.of(50, 90, 99);
    static final Duration BREAKDOWN_WITHIN = Duration.ofMinutes(15);
    /** A curve of a bulletin that took days to reach its last person is drawn to this minute, not further. */
    static final int LONGEST_CURVE_MINUTES = 24 * 60;

    private ReachFigures() {
    }

    static Map<String, ReachReport.Share> reachedWithin(Instant sentAt, Collection<Instant> times, int total) {
        Map<String, ReachReport.Share> within = new LinkedHashMap<>();
        for (int minutes : MINUTES) {
            long reached = times.stream().filter(t -> !t.isAfter(sentAt.plus(Duration.ofMinutes(minutes)))).count();
            within.put(minutes + "m", share(reached, total));
        }
        return within;
    }

    /** Seconds until ceil(total × p / 100) people were reached, for each p; null while fewer were. */
    static Map<String, Long> timeTo(Instant sentAt, List<Instant> times, int total) {
        List<Instant> sorted = times.stream().sorted().toList();
        Map<String, Long> timeTo = new LinkedHashMap<>();
        for (int percent : PERCENTS) {
            int needed = (int) Math.ceil(total * percent / 100.0);
            timeTo.put(String.valueOf(percent), needed == 0 || sorted.size() < needed ? null
                    : Math.max(0, Duration.between(sentAt, sorted.get(needed - 1)).toSeconds()));
        }
        return timeTo;
    }

    /** The share reached at the end of each minute, from minute 0 to the minute the last person was reached. */
    static List<ReachReport.Share> curve(Instant sentAt, List<Instant> times, int total) {
        long[] secondsSorted = times.stream().mapToLong(t -> Math.max(0, Duration.between(sentAt, t).toSeconds())).sorted().toArray();
        int lastMinute = secondsSorted.length == 0 ? 0
                : (int) Math.min(LONGEST_CURVE_MINUTES, (secondsSorted[secondsSorted.length - 1] + 59) / 60);
        List<ReachReport.Share> curve = new ArrayList<>(lastMinute + 1);
        int index = 0;
        for (int minute = 0; minute <= lastMinute; minute++) {
            while (index < secondsSorted.length && secondsSorted[index] <= minute * 60L) {
                index++;
            }
            curve.add(share(index, total));
        }
        return curve;
    }

    static List<ReachReport.Breakdown> byChannel(Instant sentAt, List<RecipientReach> people, Function<Channel, String> words) {
        List<ReachReport.Breakdown> rows = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            List<RecipientReach> on = people.stream().filter(p -> p.channelsTried().contains(channel)).toList();
            if (on.isEmpty()) {
                continue;
            }
            List<RecipientReach> reachedHere = on.stream().filter(p -> p.reachedBy() == channel).toList();
            long soon = reachedHere.stream().filter(p -> p.reachedWithin(sentAt, BREAKDOWN_WITHIN)).count();
            rows.add(new ReachReport.Breakdown(words.apply(channel), on.size(), reachedHere.size(), soon,
                    percent(soon, on.size()), on.stream().filter(RecipientReach::replied).count()));
        }
        return rows;
    }

    /** One row per name, sorted; a person in several groups counts in each. */
    static List<ReachReport.Breakdown> by(Instant sentAt, List<RecipientReach> people, Function<RecipientReach, Collection<String>> names) {
        Map<String, List<RecipientReach>> members = new TreeMap<>();
        for (RecipientReach person : people) {
            names.apply(person).forEach(name -> members.computeIfAbsent(name, k -> new ArrayList<>()).add(person));
        }
        List<ReachReport.Breakdown> rows = new ArrayList<>(members.size());
        members.forEach((name, in) -> {
            long soon = in.stream().filter(p -> p.reachedWithin(sentAt, BREAKDOWN_WITHIN)).count();
            rows.add(new ReachReport.Breakdown(name, in.size(), in.stream().filter(RecipientReach::reached).count(), soon,
                    percent(soon, in.size()), in.stream().filter(RecipientReach::replied).count()));
        });
        return rows;
    }

    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    static ReachReport.Share share(long reached, int total) {
        return new ReachReport.Share(reached, percent(reached, total));
    }

    static double percent(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 1000.0 / total) / 10.0;
    }
}
