package se.outband.contacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import se.outband.access.Roles;
import se.outband.common.CallerLanguage;
import se.outband.common.QueryParameters;
import se.outband.common.Refused;
import se.outband.common.YesNo;

@Path("/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CONTACTS})
public class ContactResource {

    private final ContactService contacts;
    private final ContactImportService importer;
    private final ImportSpool spool;
    private final CallerLanguage language;
    private final PersonData person;

    ContactResource(ContactService contacts, ContactImportService importer, ImportSpool spool, CallerLanguage language, PersonData person) {
        this.person = person;
        this.language = language;
        this.contacts = contacts;
        this.importer = importer;
        this.spool = spool;
    }

    /** Crisis leaders need the lists to choose recipients, so senders may read them too; every read is audited. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CONTACTS, Roles.SENDER})
    public List<ContactData> list(@QueryParam("group") String group, @Context UriInfo uri) {
        boolean failing = YesNo.queryFlag(uri, "failing");
        return contacts.read(new ContactSelection(group, null, failing), language.get(), Integer.MAX_VALUE).shown();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CONTACTS, Roles.SENDER})
    public ContactData get(@PathParam("id") String id) {
        return person.contact(id, language.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ContactData contact) {
        ContactData created = contacts.create(required(contact), language.get());
        return Response.created(UriBuilder.fromPath("/api/contacts/{id}").build(created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactData update(@PathParam("id") String id, ContactData contact) {
        return contacts.update(id, required(contact), language.get());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        contacts.delete(id);
        return Response.noContent().build();
    }

    /** Imports a staff list exported from the HR system (see contacts/README.md for the format). */
    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public ImportReport importCsv(InputStream csv,
            @QueryParam("mode") @DefaultValue("merge") String mode, @Context UriInfo uri) throws IOException {
        QueryParameters.requireOnly(uri, "mode", "dryRun");
        ImportMode importMode = ImportMode.parse(mode);
        if (importMode == null) {
            throw new Refused(new ContactRefusal.ModeUnknown(mode));
        }
        boolean dryRun = YesNo.queryFlag(uri, "dryRun");
        java.nio.file.Path file = spool.write(csv);
        try {
            return importer.importCsv(file, importMode, dryRun);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private ContactData required(ContactData contact) {
        if (contact == null) {
            throw new Refused(new ContactRefusal.BodyMissing());
        }
        return contact;
    }
}
