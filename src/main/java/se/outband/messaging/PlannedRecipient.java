package se.outband.messaging;

import se.outband.contacts.Addressee;

/** A recipient and the channels they will first be sent on. */
record PlannedRecipient(Addressee contact, boolean bySms, boolean byEmail) {

    /** With sms-then-email, email is only planned for those without a mobile; the rest fall back on failure. */
    static PlannedRecipient of(Addressee contact, ChannelPolicy policy) {
        boolean mobile = contact.mobile() != null;
        boolean email = contact.email() != null;
        return switch (policy) {
            case SMS_THEN_EMAIL -> new PlannedRecipient(contact, mobile, !mobile && email);
            case SMS -> new PlannedRecipient(contact, mobile, false);
            case EMAIL -> new PlannedRecipient(contact, false, email);
            case BOTH -> new PlannedRecipient(contact, mobile, email);
        };
    }
}
