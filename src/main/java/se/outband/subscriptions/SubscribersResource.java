package se.outband.subscriptions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import se.outband.access.Roles;

/** How many people a status change reaches beyond staff: the leader weighs it before telling them. */
@Path("/api/status/subscribers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class SubscribersResource {

    public record Counts(long sms, long email) {
    }

    private final SmsSubscriptions subscriptions;
    private final EmailSubscriptions mail;

    SubscribersResource(SmsSubscriptions subscriptions, EmailSubscriptions mail) {
        this.subscriptions = subscriptions;
        this.mail = mail;
    }

    @GET
    public Counts counts() {
        return new Counts(subscriptions.count(), mail.count());
    }
}
