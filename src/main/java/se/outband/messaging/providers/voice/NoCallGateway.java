package se.outband.messaging.providers.voice;

import se.outband.messaging.providers.SendResult;

/** When SMS goes through 46elks alone, or Twilio has no number to call from: nobody is called. */
final class NoCallGateway implements CallGateway {

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
    public SendResult call(long deliveryId, String to) {
        return new SendResult.Failed("no-calls", "No provider can make calls: set outband.voice.from to a Twilio number");
    }
}
