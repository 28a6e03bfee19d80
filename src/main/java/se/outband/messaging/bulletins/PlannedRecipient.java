package se.outband.messaging.bulletins;

import se.outband.contacts.Addressee;

/** A recipient and the channels they will first be sent on. */
record PlannedRecipient(Addressee contact, boolean bySms, boolean byEmail, boolean byVoice) {

    boolean reachable() {
        return bySms || byEmail || byVoice;
    }
}
