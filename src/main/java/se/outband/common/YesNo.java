package se.outband.common;

import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.UriInfo;

/**
 * Yes or no in a query or a form: {@code true} or {@code false} and nothing else. A plain boolean
 * reads "1", "yes" or "ture" as false, which once turned {@code dryRun=1} into "do it for real";
 * anything else is now a 400 that changes nothing. (JAX-RS builds it with {@link #fromString}.)
 */
public record YesNo(boolean yes) {

    public static final YesNo NO = new YesNo(false);

    /** The refusal, with what was sent. */
    public static final class NotYesOrNo extends BadRequestException {
        private final String value;

        NotYesOrNo(String value) {
            super("neither true nor false");
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public static YesNo fromString(String value) {
        if ("true".equals(value)) {
            return new YesNo(true);
        }
        if ("false".equals(value)) {
            return NO;
        }
        throw new NotYesOrNo(Text.clip(value, 21));
    }

    /**
     * A query parameter read from the raw query, because JAX-RS hands an empty value ({@code dryRun=})
     * over as "not given": absent is no, empty or repeated is refused like any other word.
     */
    public static boolean queryFlag(UriInfo uri, String name) {
        List<String> values = uri.getQueryParameters().get(name);
        if (values == null) {
            return false;
        }
        return fromString(values.size() == 1 ? values.get(0) : String.join(",", values)).yes();
    }

    /** Unset (an unticked checkbox) is no. */
    public static boolean yes(YesNo value) {
        return value != null && value.yes();
    }
}
