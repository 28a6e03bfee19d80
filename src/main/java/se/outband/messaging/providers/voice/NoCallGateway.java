package se.outband.messaging.providers.voice;

import java.util.Optional;

import se.outband.messaging.providers.SendResult;

/** When SMS goes through 46elks alone, or Twilio has no number to call from: nobody is called. */
final class NoCallGateway implements CallGateway {

    private static final SendResult NO_CALLS = new SendResult.Failed("no-calls",
            "No provider can make calls: set outband.voice.from to a Twilio number");

    /** A number people can still call in on (the hotline's) when Outband itself cannot call out. */
    private final Optional<String> number;

    NoCallGateway(Optional<String> number) {
        this.number = number;
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean available() {
        return false;
    }

    /** Only a call queued while calls were possible (before a change of settings) comes here: it fails over to email. */
    @Override
    public SendResult call(String to, String answered, String status) {
        return NO_CALLS;
    }

    @Override
    public SendResult endConference(String conferenceSid) {
        return NO_CALLS;
    }

    @Override
    public Optional<String> number() {
        return number;
    }
}
