package se.outband.messaging.inbound;

/**
 * The crisis team's meeting as the hotline offers it: asked here, answered by the meetings feature, so
 * that the hotline needs nothing from the feature above it.
 */
public interface MeetingLine {

    /** Whether a meeting runs that a caller can join with its PIN: only then is 5 offered. */
    boolean running();

    /** The caller pressed 5: TwiML that asks for the PIN. */
    String askForPin();
}
