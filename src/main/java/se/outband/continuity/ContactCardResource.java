package se.outband.continuity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import se.outband.access.Roles;
import se.outband.common.QueryParameters;

/** A group's or unit's contacts as vCards, for a script or a phone that signs in to the API. */
@Path("/api/contacts.vcf")
@RolesAllowed({Roles.ADMIN, Roles.CONTACTS, Roles.SENDER})
public class ContactCardResource {

    private final CallLists callLists;
    private final ContactCards cards;

    ContactCardResource(CallLists callLists, ContactCards cards) {
        this.callLists = callLists;
        this.cards = cards;
    }

    @GET
    @Produces(ContactCards.MEDIA_TYPE)
    public Response download(@QueryParam("group") String group, @QueryParam("unit") String unit, @Context UriInfo uri) {
        // A misspelt "grupp=" would otherwise hand out everyone's numbers instead of one group's.
        QueryParameters.requireOnly(uri, "group", "unit");
        return cards.download(callLists.take(group, unit, CallLists.Form.VCARDS));
    }
}
