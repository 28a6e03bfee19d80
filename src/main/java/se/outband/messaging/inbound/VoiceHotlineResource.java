package se.outband.messaging.inbound;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.common.Text;
import se.outband.messaging.meetings.MeetingCallbacks;
import se.outband.messaging.providers.voice.VoiceConfig;
import se.outband.statuspage.IncidentState;
import se.outband.statuspage.StatusConfig;
import se.outband.statuspage.StatusPageService;
import se.outband.statuspage.StatusViews.IncidentView;
import se.outband.statuspage.StatusViews.SystemView;
import se.outband.statuspage.SystemState;

/**
 * The status hotline: when the switchboard is down, anyone can call Outband's Twilio number and hear
 * the status page read aloud, in the status page's own words: the banner, every system not working
 * in restoration order, and the newest update of each open incident. 1 English, 2 again, 5 the crisis
 * team's meeting (while one runs), 9 the crisis team's duty phone (when set). Every call is signed by Twilio; anything else gets 403.
 */
// No sign-in: Twilio calls it, and every call's signature is checked instead.
@PermitAll
@Path(VoiceHotlineResource.PATH)
@Produces(MediaType.TEXT_XML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class VoiceHotlineResource {

    static final String PATH = "/webhooks/twilio/voice";
    /** A spoken update longer than this is cut: a caller listens, and can read the rest on the status page. */
    private static final int SPOKEN_UPDATE = 300;

    /** An incident as read aloud: its title and newest update. */
    public record SpokenIncident(String title, String update) {
    }

    @CheckedTemplate(basePath = "twiml")
    static class Twiml {
        /** {@code listed}: any system on the status page at all; {@code systems}: those not working. */
        static native TemplateInstance hotline(String action, String language, String voice, String organisation, boolean listed,
                String worst, List<SystemView> systems, List<SpokenIncident> incidents, boolean forward, boolean meeting);

        static native TemplateInstance forward(String voice, String number);
    }

    private final TwilioRequests twilio;
    private final StatusPageService status;
    private final StatusConfig statusConfig;
    private final VoiceConfig config;
    private final MeetingCallbacks meeting;

    VoiceHotlineResource(TwilioRequests twilio, StatusPageService status, StatusConfig statusConfig, VoiceConfig config,
            MeetingCallbacks meeting) {
        this.meeting = meeting;
        this.twilio = twilio;
        this.status = status;
        this.statusConfig = statusConfig;
        this.config = config;
    }

    /** A call comes in: the status in Swedish. */
    @POST
    public String call(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        twilio.verify(PATH, form, signature);
        return hotline(false);
    }

    /** The caller pressed a key after the Swedish status. */
    @POST
    @Path("/menu")
    public String menu(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        twilio.verify(PATH + "/menu", form, signature);
        return choice(form.getFirst("Digits"), false);
    }

    /** The caller pressed a key after the English status. */
    @POST
    @Path("/menu/en")
    public String menuEnglish(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        twilio.verify(PATH + "/menu/en", form, signature);
        return choice(form.getFirst("Digits"), true);
    }

    private String choice(String digits, boolean english) {
        if ("1".equals(digits)) {
            return hotline(true);
        }
        if ("5".equals(digits) && meeting.running()) {
            return meeting.askForPin();
        }
        if ("9".equals(digits) && config.forwardTo().isPresent()) {
            return Twiml.forward(config.voice(), config.forwardTo().get()).setLocale(Locale.forLanguageTag("sv")).render();
        }
        return hotline(english);
    }

    private String hotline(boolean english) {
        List<SystemView> systems = status.systems();
        String worst = SystemState.worst(systems.stream().map(SystemView::state).toList()).value();
        List<SystemView> down = systems.stream().filter(s -> s.state() != SystemState.OPERATIONAL)
                .sorted(Comparator.comparingInt(SystemView::priority).thenComparing(SystemView::name)).toList();
        List<SpokenIncident> open = status.incidents().stream().filter(i -> i.state() != IncidentState.RESOLVED && !i.updates().isEmpty())
                .map(VoiceHotlineResource::spoken).toList();
        return Twiml.hotline(english ? PATH + "/menu/en" : PATH + "/menu", english ? "en-GB" : "sv-SE", english ? null : config.voice(),
                statusConfig.organisation(), !systems.isEmpty(), worst, down, open, config.forwardTo().isPresent(), meeting.running())
                .setLocale(Locale.forLanguageTag(english ? "en" : "sv")).render();
    }

    private static SpokenIncident spoken(IncidentView incident) {
        return new SpokenIncident(incident.title(), Text.clip(incident.updates().get(0).text(), SPOKEN_UPDATE));
    }
}
