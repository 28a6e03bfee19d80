package se.outband.subscriptions;

import java.util.Locale;
import java.util.Optional;

import se.outband.common.Language;

/**
 * A member of the public's SMS to Outband's number: one word, alone, as providers read their own keywords.
 * {@code PRENUMERERA}, {@code START} (Swedish) and {@code SUBSCRIBE} (English) start; {@code STOPP}
 * (Swedish) and {@code STOP} (English) end. The language is the word's.
 */
public record SubscriptionWord(boolean subscribe, Language language, String word) {

    /**
     * Whether Twilio acts on the word itself (its default opt-out and opt-in keywords): after {@code STOP} it
     * refuses every SMS from Outband's sender to that number (error 21610), bulletins included, and answers it
     * with its own text; after {@code START} it lets them through again. That is why Outband advertises
     * {@code STOPP}, which ends the subscription and nothing else.
     */
    public boolean twilioKeyword() {
        return "STOP".equals(word) || "START".equals(word);
    }

    public static Optional<SubscriptionWord> parse(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.strip().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(switch (word) {
            case "PRENUMERERA", "START" -> new SubscriptionWord(true, Language.SV, word);
            case "SUBSCRIBE" -> new SubscriptionWord(true, Language.EN, word);
            case "STOPP" -> new SubscriptionWord(false, Language.SV, word);
            case "STOP" -> new SubscriptionWord(false, Language.EN, word);
            default -> null;
        });
    }
}
