package se.outband.common;

/**
 * What a service says when it will not do what it was asked: what was wrong, with its values. It holds
 * no HTTP status and no finished sentence; the edge asks it for both when it answers (in {@link RefusalMapper}
 * for the API, on the page for the web UI), in the language of whoever asked.
 */
public interface Refusal extends Said {

    /** What sort of no it is: the edge makes a status of it. */
    enum Kind {
        INVALID(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413), UNSUPPORTED(415), TOO_MANY(429), FAILED(500);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    default Kind kind() {
        return Kind.INVALID;
    }

    /** What was asked for does not exist. */
    interface NotFound extends Refusal {
        @Override
        default Kind kind() {
            return Kind.NOT_FOUND;
        }
    }

    /** What was asked for clashes with what is stored or under way. */
    interface Conflict extends Refusal {
        @Override
        default Kind kind() {
            return Kind.CONFLICT;
        }
    }

    /** Whoever asked may not have it. */
    interface Forbidden extends Refusal {
        @Override
        default Kind kind() {
            return Kind.FORBIDDEN;
        }
    }

    /** What an answer carries beside its sentence (an import's report of every row); null when nothing. */
    default Object details() {
        return null;
    }
}
