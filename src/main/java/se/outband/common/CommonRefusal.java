package se.outband.common;

/** Refusals every feature's edge may give: a request that names what Outband does not take. */
public sealed interface CommonRefusal extends Refusal {

    String sentence(CommonMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(CommonMessages.class));
    }

    /** A misspelt parameter ({@code dryrun=true}) must not be ignored and the request carried out for real. */
    record UnknownParameter(String name, String allowed) implements CommonRefusal {
        @Override
        public String sentence(CommonMessages messages) {
            return messages.unknownParameter(name, allowed);
        }
    }

    record RepeatedParameter(String name) implements CommonRefusal {
        @Override
        public String sentence(CommonMessages messages) {
            return messages.repeatedParameter(name);
        }
    }

    /** A form posted from another site (CSRF). */
    record CrossSite() implements CommonRefusal, Refusal.Forbidden {
        @Override
        public String sentence(CommonMessages messages) {
            return messages.crossSite();
        }
    }
}
