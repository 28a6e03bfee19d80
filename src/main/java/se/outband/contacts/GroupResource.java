package se.outband.contacts;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import se.outband.access.Roles;

@Path("/api/groups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CONTACTS, Roles.SENDER})
public class GroupResource {

    private final ContactService contacts;

    GroupResource(ContactService contacts) {
        this.contacts = contacts;
    }

    @GET
    public List<GroupSummary> list() {
        return contacts.groups();
    }
}
