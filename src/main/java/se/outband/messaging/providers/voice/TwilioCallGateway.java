package se.outband.messaging.providers.voice;

import java.net.URI;
import java.util.Optional;

import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.type.PhoneNumber;

import io.github.bucket4j.Bucket;
import se.outband.common.OutbandConfig;
import se.outband.messaging.providers.SendResult;
import se.outband.messaging.providers.sms.SmsProvider;
import se.outband.messaging.providers.sms.TwilioAccount;

/**
 * Calls through Twilio's Calls API. The call fetches what to say from Outband once it is answered
 * (a bulletin read twice is longer than the 4,000 characters Twilio takes inline), and Twilio
 * reports how it ended (completed, busy, no-answer, failed) to the status callback.
 */
final class TwilioCallGateway implements CallGateway {

    /** Long enough for someone to get to a desk phone, short enough to end before most voicemails answer. */
    private static final int RING_SECONDS = 30;

    private final TwilioAccount account;
    private final PhoneNumber from;
    private final OutbandConfig outband;
    private final Bucket pace;

    /** Paced by {@code pace}: Twilio queues calls beyond about one a second per account, for all instances together. */
    TwilioCallGateway(TwilioAccount account, String from, Bucket pace, OutbandConfig outband) {
        this.account = account;
        this.from = new PhoneNumber(from);
        this.outband = outband;
        this.pace = pace;
    }

    @Override
    public String name() {
        return SmsProvider.TWILIO.configValue();
    }

    @Override
    public SendResult call(String to, String answeredPath, String statusPath) {
        try {
            pace.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retry("Stopped before calling");
        }
        URI answered = URI.create(outband.link(answeredPath));
        URI statusCallback = URI.create(outband.link(statusPath));
        // Named as Twilio's, so that only Twilio's reports apply to the call.
        return SendResult.via(account.request(client -> Call.creator(new PhoneNumber(to), from, answered)
                .setMethod(HttpMethod.POST)
                .setStatusCallback(statusCallback)
                .setStatusCallbackMethod(HttpMethod.POST)
                .setTimeout(RING_SECONDS)
                .create(client).getSid()), name());
    }

    @Override
    public SendResult endConference(String conferenceSid) {
        return SendResult.via(account.request(client -> Conference.updater(conferenceSid)
                .setStatus(Conference.UpdateStatus.COMPLETED).update(client).getSid()), name());
    }

    @Override
    public Optional<String> number() {
        return Optional.of(from.getEndpoint());
    }
}
