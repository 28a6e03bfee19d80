package se.outband.messaging.bulletins;

import jakarta.enterprise.context.ApplicationScoped;

import se.outband.common.PhoneNumbers;
import se.outband.contacts.Addressee;
import se.outband.messaging.providers.voice.CallGateway;

/**
 * Which channels each recipient is first sent on. A number that cannot take SMS (a landline,
 * stored with a warning) is called instead, where calls can be made; with sms-then-email, email is
 * first planned only for those with no number at all, the others fall back to it on failure.
 */
@ApplicationScoped
class ChannelPlanner {

    private final PhoneNumbers numbers;
    private final CallGateway calls;

    ChannelPlanner(PhoneNumbers numbers, CallGateway calls) {
        this.numbers = numbers;
        this.calls = calls;
    }

    PlannedRecipient plan(Addressee contact, ChannelPolicy policy) {
        boolean phone = contact.mobile() != null && policy != ChannelPolicy.EMAIL;
        boolean call = phone && calls.available() && !numbers.parse(contact.mobile()).reachableBySms();
        boolean email = contact.email() != null;
        return switch (policy) {
            case SMS_THEN_EMAIL -> new PlannedRecipient(contact, phone && !call, !phone && email, call);
            case SMS -> new PlannedRecipient(contact, phone && !call, false, call);
            case EMAIL -> new PlannedRecipient(contact, false, email, false);
            case BOTH -> new PlannedRecipient(contact, phone && !call, email, call);
        };
    }
}
