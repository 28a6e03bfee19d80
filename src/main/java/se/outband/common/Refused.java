package se.outband.common;

/** Carries a {@link Refusal} out of a service to the edge that answers it. */
public final class Refused extends RuntimeException {

    private final transient Refusal refusal;

    public Refused(Refusal refusal) {
        // A refusal is an answer, not a fault: no stack trace to fill in.
        super(refusal.getClass().getSimpleName(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    public int status() {
        return refusal.kind().status();
    }

    public String sentence(Language language) {
        return refusal.sentence(language);
    }
}
