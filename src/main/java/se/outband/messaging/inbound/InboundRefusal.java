package se.outband.messaging.inbound;

import se.outband.common.Language;
import se.outband.common.Refusal;

/** Why a call to a webhook changes nothing. */
public sealed interface InboundRefusal extends Refusal {

    String sentence(InboundMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(InboundMessages.class));
    }

    /** Not signed by the provider (Twilio), or without the secret in its address (46elks). */
    record BadSignature(String provider) implements InboundRefusal, Refusal.Forbidden {
        @Override
        public String sentence(InboundMessages messages) {
            return messages.badSignature(provider);
        }
    }

    /** A message or call id missing, or in a form no provider sends. */
    record IdInvalid(String field) implements InboundRefusal {
        @Override
        public String sentence(InboundMessages messages) {
            return messages.idInvalid(field);
        }
    }
}
