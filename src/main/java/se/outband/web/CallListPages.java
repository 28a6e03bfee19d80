package se.outband.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.Roles;
import se.outband.common.QueryParameters;
import se.outband.continuity.CallList;
import se.outband.continuity.CallLists;
import se.outband.continuity.ContactCards;

/**
 * A group's call list to print, and the same people as vCards for a leader's phone: signed in with the
 * web session, which the API does not take. Whoever may look people up may take them along.
 */
@jakarta.ws.rs.Path("/app/contacts")
@RolesAllowed({Roles.ADMIN, Roles.CONTACTS, Roles.SENDER})
public class CallListPages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance callList(CallList list);
    }

    private final Ui ui;
    private final CallLists callLists;
    private final ContactCards cards;

    CallListPages(Ui ui, CallLists callLists, ContactCards cards) {
        this.ui = ui;
        this.callLists = callLists;
        this.cards = cards;
    }

    @GET
    @jakarta.ws.rs.Path("print")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance print(@QueryParam("group") String group, @QueryParam("unit") String unit, @Context UriInfo uri) {
        return Templates.callList(take(group, unit, CallLists.Form.PRINTED, uri)).setLocale(ui.locale());
    }

    @GET
    @jakarta.ws.rs.Path("print.vcf")
    @Produces(ContactCards.MEDIA_TYPE)
    public Response cards(@QueryParam("group") String group, @QueryParam("unit") String unit, @Context UriInfo uri) {
        return cards.download(take(group, unit, CallLists.Form.VCARDS, uri));
    }

    private CallList take(String group, String unit, CallLists.Form form, UriInfo uri) {
        // A mistyped address would otherwise give out everyone instead of one group.
        QueryParameters.requireOnly(uri, "group", "unit");
        return callLists.take(group, unit, form);
    }
}
