package se.outband.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import se.outband.access.Roles;
import se.outband.common.Downloads;
import se.outband.common.YesNo;
import se.outband.contacts.PersonData;
import se.outband.privacy.PersonErasure;
import se.outband.privacy.PersonExport;

/** The buttons for a person's rights on their contact page: their data as a file, and their erasure. Administrators only. */
@jakarta.ws.rs.Path("/app/contacts/{id}")
@RolesAllowed(Roles.ADMIN)
public class PersonPages {

    private final Ui ui;
    private final PersonData person;
    private final PersonExport export;
    private final PersonErasure erasure;

    PersonPages(Ui ui, PersonData person, PersonExport export, PersonErasure erasure) {
        this.ui = ui;
        this.person = person;
        this.export = export;
        this.erasure = erasure;
    }

    @GET
    @jakarta.ws.rs.Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("id") String id) {
        return Downloads.attachment(export.of(id, ui.language()), "person-" + id + ".json");
    }

    /** Only with the box ticked: an erasure cannot be undone. */
    @POST
    @jakarta.ws.rs.Path("erase")
    @Produces(MediaType.TEXT_HTML)
    public Object erase(@PathParam("id") String id, @RestForm YesNo confirm) {
        if (!YesNo.yes(confirm)) {
            var contact = person.contact(id, ui.language());
            return Response.status(Response.Status.BAD_REQUEST).entity(ContactPages.Templates.contact(contact, contact,
                    ui.language().messages(PersonPageMessages.class).eraseNotConfirmed(), false).setLocale(ui.locale())).build();
        }
        erasure.erase(id);
        return WebSupport.seeOther("/app/contacts?erased=true").build();
    }
}
