package se.outband.web;

import java.io.IOException;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.Roles;
import se.outband.common.Refused;
import se.outband.common.YesNo;
import se.outband.contacts.ContactData;
import se.outband.contacts.ContactImportService;
import se.outband.contacts.ContactRefusal;
import se.outband.contacts.ContactSelection;
import se.outband.contacts.ContactService;
import se.outband.contacts.PersonData;
import se.outband.contacts.GroupSummary;
import se.outband.contacts.ImportMode;
import se.outband.contacts.ImportReport;

/** Finding, editing and importing staff: an import is always previewed before it changes anything. */
@jakarta.ws.rs.Path("/app/contacts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.CONTACTS})
public class ContactPages {

    private static final int SHOWN = 200;

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance contacts(List<ContactData> contacts, int total, List<GroupSummary> groups, String q,
                String group, boolean failing, boolean erased);

        /** {@code stored}: the contact as saved, whose number the call buttons use; null for a new person. */
        static native TemplateInstance contact(ContactData contact, ContactData stored, String error, boolean saved);

        static native TemplateInstance contactsImport(ImportReport report, String upload, boolean replace, String error,
                boolean done);
    }

    private final Ui ui;
    private final ContactService contacts;
    private final ContactImportService importer;
    private final PreviewedUploads uploads;
    private final PersonData person;

    ContactPages(Ui ui, ContactService contacts, ContactImportService importer, PreviewedUploads uploads, PersonData person) {
        this.person = person;
        this.ui = ui;
        this.contacts = contacts;
        this.importer = importer;
        this.uploads = uploads;
    }

    /** Crisis leaders look people up too, to choose recipients and to call them. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CONTACTS, Roles.SENDER})
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("group") String group, @QueryParam("failing") YesNo failing,
            @QueryParam("erased") YesNo erased) {
        ContactService.Listing found = contacts.read(new ContactSelection(group, q, YesNo.yes(failing)), ui.language(), SHOWN);
        return Templates.contacts(found.shown(), found.total(), contacts.groups(), q, group, YesNo.yes(failing),
                YesNo.yes(erased)).setLocale(ui.locale());
    }

    /** An empty form for one person, for those not (yet) in the staff list's file. */
    @GET
    @jakarta.ws.rs.Path("new")
    public TemplateInstance newContact() {
        return Templates.contact(new ContactData(null, null, null, null, List.of(), "sv", null, null, List.of()), null, null, false)
                .setLocale(ui.locale());
    }

    @POST
    @jakarta.ws.rs.Path("new")
    public Object create(@RestForm String id, @RestForm String name, @RestForm String mobile, @RestForm String email,
            @RestForm String groups, @RestForm String language, @RestForm String title, @RestForm String unit) {
        ContactData entered = new ContactData(id, name, mobile, email, groupList(groups), language, title, unit, List.of());
        try {
            ContactData created = contacts.create(entered, ui.language());
            return WebSupport.seeOther("/app/contacts/" + URLEncoder.encode(created.id(), StandardCharsets.UTF_8).replace("+", "%20")
                    + "?saved=true").build();
        } catch (Refused e) {
            return Templates.contact(entered, null, e.sentence(ui.language()) + details(e), false).setLocale(ui.locale());
        }
    }

    /** {@code saved} after a person was added: the page says so. */
    @GET
    @jakarta.ws.rs.Path("{id}")
    public TemplateInstance edit(@PathParam("id") String id, @QueryParam("saved") String saved) {
        ContactData contact = person.contact(id, ui.language());
        return Templates.contact(contact, contact, null, "true".equals(saved)).setLocale(ui.locale());
    }

    @POST
    @jakarta.ws.rs.Path("{id}")
    public TemplateInstance save(@PathParam("id") String id, @RestForm String name,
            @RestForm String mobile, @RestForm String email, @RestForm String groups, @RestForm String language,
            @RestForm String title, @RestForm String unit) {
        ContactData edited = new ContactData(id, name, mobile, email, groupList(groups), language, title, unit, List.of());
        try {
            ContactData saved = contacts.update(id, edited, ui.language());
            return Templates.contact(saved, saved, null, true).setLocale(ui.locale());
        } catch (Refused e) {
            // The call buttons keep the stored number: a refused one would dial what was mistyped.
            return Templates.contact(edited, contacts.get(id), e.sentence(ui.language()) + details(e), false).setLocale(ui.locale());
        }
    }

    private static List<String> groupList(String groups) {
        return groups == null ? List.of() : Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
    }

    @GET
    @jakarta.ws.rs.Path("import")
    public TemplateInstance importForm() {
        return Templates.contactsImport(null, null, false, null, false).setLocale(ui.locale());
    }

    /** Step 1: the file is kept aside and checked with dryRun; nothing changes yet. */
    @POST
    @jakarta.ws.rs.Path("import/preview")
    public TemplateInstance preview(@RestForm("file") FileUpload file, @RestForm @DefaultValue("false") YesNo replace)
            throws IOException {
        if (file == null) {
            return Templates.contactsImport(null, null, replace.yes(), new ContactRefusal.FileEmpty().sentence(ui.language()), false).setLocale(ui.locale());
        }
        Optional<String> upload = uploads.keep(file.uploadedFile());
        // Too large to keep is too large to import: the import itself says so.
        return upload.isPresent() ? run(uploads.find(upload.get()).orElseThrow(), upload.get(), replace.yes(), true)
                : run(file.uploadedFile(), null, replace.yes(), true);
    }

    /** Step 2: the same file, for real. */
    @POST
    @jakarta.ws.rs.Path("import/confirm")
    public TemplateInstance confirm(@RestForm String upload, @RestForm @DefaultValue("false") YesNo replace) throws IOException {
        Path kept = uploads.find(upload).orElse(null);
        if (kept == null) {
            return Templates.contactsImport(null, null, replace.yes(), ui.language().messages(UiMessages.class).importExpired(), false)
                    .setLocale(ui.locale());
        }
        try {
            return run(kept, upload, replace.yes(), false);
        } finally {
            uploads.forget(upload);
        }
    }

    private TemplateInstance run(Path csv, String upload, boolean replace, boolean dryRun) throws IOException {
        try {
            ImportReport report = importer.importCsv(csv, replace ? ImportMode.REPLACE : ImportMode.MERGE, dryRun);
            return Templates.contactsImport(report, upload, replace, null, !dryRun).setLocale(ui.locale());
        } catch (Refused e) {
            ImportReport report = e.refusal().details() instanceof ImportReport r ? r : null;
            return Templates.contactsImport(report, null, replace, e.sentence(ui.language()), false).setLocale(ui.locale());
        }
    }

    private String details(Refused e) {
        return e.refusal().details() instanceof List<?> list
                ? list.stream().map(p -> p instanceof ContactService.FieldError f ? " " + f.reason().sentence(ui.language()) : "")
                        .reduce("", String::concat)
                : "";
    }
}
