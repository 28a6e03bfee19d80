package se.outband.messaging.meetings;

import java.util.List;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Conference;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;

/**
 * What a meeting's calls say, built with the Twilio SDK's TwiML builders (which escape what they are
 * given): in Swedish with the hotline's voice.
 */
final class MeetingTwiml {

    /** Long enough to find the keypad on a phone taken from the ear. */
    private static final int KEYPAD_SECONDS = 8;
    private static final int PIN_SECONDS = 15;

    private final String voice;
    private final MeetingMessages words;

    MeetingTwiml(String voice, MeetingMessages words) {
        this.voice = voice;
        this.words = words;
    }

    /** An invited person answered: 1 joins, 2 declines. */
    String invite(boolean drill, String keypad, boolean again) {
        return xml(new VoiceResponse.Builder()
                .gather(new Gather.Builder().numDigits(1).timeout(KEYPAD_SECONDS).action(keypad).method(HttpMethod.POST)
                        .say(say((again ? words.noSuchChoice() + " " : "") + words.callInvite(drill))).build())
                .say(say(words.goodbye())));
    }

    /** Into the conference; {@code statusCallback} (a full address) hears who joins and leaves, and when it ends. */
    String join(Meeting meeting, String statusCallback) {
        Conference conference = new Conference.Builder(meeting.conferenceName())
                .startConferenceOnEnter(true)
                .endConferenceOnExit(false)
                .statusCallback(statusCallback)
                .statusCallbackMethod(HttpMethod.POST)
                .statusCallbackEvents(List.of(Conference.Event.JOIN, Conference.Event.LEAVE, Conference.Event.END))
                .build();
        return xml(new VoiceResponse.Builder().say(say(words.joining())).dial(new Dial.Builder().conference(conference).build()));
    }

    /** The hotline's 5: the PIN, six digits. */
    String askForPin(String action, boolean wrong) {
        return xml(new VoiceResponse.Builder()
                .gather(new Gather.Builder().numDigits(6).timeout(PIN_SECONDS).action(action).method(HttpMethod.POST)
                        .say(say((wrong ? words.wrongPin() + " " : "") + words.askPin())).build())
                .say(say(words.goodbye())).hangup(new Hangup.Builder().build()));
    }

    /** Says {@code text}, then goodbye, and hangs up. */
    String hangUp(String text) {
        return xml(new VoiceResponse.Builder().say(say(text + " " + words.goodbye())).hangup(new Hangup.Builder().build()));
    }

    private Say say(String text) {
        return new Say.Builder(text).language(Say.Language.SV_SE).option("voice", voice).build();
    }

    private static String xml(VoiceResponse.Builder response) {
        try {
            return response.build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("TwiML built from fixed parts cannot be invalid", e);
        }
    }
}
