package se.outband.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * One feature's health, told twice. {@code /q/health/ready} is public (load balancers ask it without
 * signing in), so there it is only UP or DOWN and, when something is wrong, a reason in words: never a
 * count, a time or an error's own message, which would tell anyone how much is being sent and when. The
 * figures behind the words are for signed-in roles, in the health group {@link #DETAILS}.
 *
 * @param words why it is DOWN ({@code reason}), or what is wrong while it stays UP ({@code problem}); null when all is well
 */
public record Health(String name, boolean up, String words, Map<String, Object> figures) {

    /** {@code /q/health/group/details}: the checks again, with their figures; the ops permission asks for a signed-in role. */
    public static final String DETAILS = "details";

    public Health {
        figures = new LinkedHashMap<>(figures);
    }

    public static Health of(String name, boolean up, String words) {
        return new Health(name, up, words, Map.of());
    }

    /** The same health with one more figure for signed-in readers. */
    public Health with(String figure, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(figures);
        more.put(figure, value == null ? "none" : value);
        return new Health(name, up, words, more);
    }

    /** For everyone: the status and the words. */
    public HealthCheckResponse publicly() {
        return said().build();
    }

    /** For signed-in roles: the words and the figures. */
    public HealthCheckResponse inDetail() {
        HealthCheckResponseBuilder response = said();
        figures.forEach((figure, value) -> {
            if (value instanceof Boolean yes) {
                response.withData(figure, yes);
            } else if (value instanceof Number number) {
                response.withData(figure, number.longValue());
            } else {
                response.withData(figure, String.valueOf(value));
            }
        });
        return response.build();
    }

    private HealthCheckResponseBuilder said() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).status(up);
        if (words != null) {
            response.withData(up ? "problem" : "reason", words);
        }
        return response;
    }
}
