package se.outband.messaging.inbound;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import se.outband.messaging.meetings.MeetingCallbacks;
import se.outband.messaging.meetings.MeetingPaths;
import se.outband.messaging.providers.voice.CallGateway;

/**
 * Twilio's side of a meeting: what an invited person's call says and the key they press, how their call
 * ended, the conference's reports, and a dial-in's PIN. Every request is signed by Twilio; anything else
 * gets 403 and changes nothing.
 */
// No sign-in: Twilio calls it, and every call's signature is checked instead.
@PermitAll
@Path(CallGateway.MEETING_CALLS)
@Produces(MediaType.TEXT_XML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MeetingCallResource {

    private static final String SIGNATURE = "X-Twilio-Signature";

    private final TwilioRequests twilio;
    private final MeetingCallbacks callbacks;

    MeetingCallResource(TwilioRequests twilio, MeetingCallbacks callbacks) {
        this.twilio = twilio;
        this.callbacks = callbacks;
    }

    @POST
    @Path("/people/{person: [0-9]{1,18}}")
    public String answered(@PathParam("person") long person, MultivaluedMap<String, String> form, @HeaderParam(SIGNATURE) String signature) {
        twilio.verify(MeetingPaths.person(person), form, signature);
        return callbacks.answered(person);
    }

    @POST
    @Path("/people/{person: [0-9]{1,18}}/keypad")
    public String keypad(@PathParam("person") long person, MultivaluedMap<String, String> form, @HeaderParam(SIGNATURE) String signature) {
        twilio.verify(MeetingPaths.person(person) + "/keypad", form, signature);
        return callbacks.keypad(person, form.getFirst("Digits"), callSid(form));
    }

    /** How the call ended: completed, busy, no-answer, failed or canceled. */
    @POST
    @Path("/people/{person: [0-9]{1,18}}/status")
    public Response status(@PathParam("person") long person, MultivaluedMap<String, String> form, @HeaderParam(SIGNATURE) String signature) {
        twilio.verify(MeetingPaths.person(person) + "/status", form, signature);
        callbacks.callEnded(person, callSid(form));
        return Response.noContent().build();
    }

    @POST
    @Path("/{meeting: [0-9]{1,18}}/conference")
    public Response conference(@PathParam("meeting") long meeting, MultivaluedMap<String, String> form,
            @HeaderParam(SIGNATURE) String signature) {
        twilio.verify(MeetingPaths.conference(meeting), form, signature);
        callbacks.conference(meeting, form.getFirst("StatusCallbackEvent"), callSid(form), sid(form.getFirst("ConferenceSid")));
        return Response.noContent().build();
    }

    /** A dial-in's PIN, the {@code attempt}th. */
    @POST
    @Path("/pin/{attempt: [1-3]}")
    public String pin(@PathParam("attempt") int attempt, MultivaluedMap<String, String> form, @HeaderParam(SIGNATURE) String signature) {
        twilio.verify(MeetingPaths.pin(attempt), form, signature);
        String from = form.getFirst("From");
        return callbacks.pin(attempt, form.getFirst("Digits"), from != null && from.length() <= 40 ? from : null, callSid(form));
    }

    private static String callSid(MultivaluedMap<String, String> form) {
        return sid(form.getFirst("CallSid"));
    }

    /** Twilio's ids are 34 characters; anything else is nobody's. */
    private static String sid(String value) {
        return value != null && value.matches("[A-Za-z0-9]{2,64}") ? value : null;
    }
}
