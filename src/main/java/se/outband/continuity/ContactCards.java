package se.outband.continuity;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.StructuredName;
import ezvcard.property.Uid;
import se.outband.common.Downloads;
import se.outband.common.OutbandConfig;
import se.outband.contacts.ContactData;
import se.outband.statuspage.StatusConfig;

/**
 * A call list as a vCard file to open on a phone, so the numbers are in its own contacts when Outband
 * cannot be reached. vCard 3.0: iPhone and Android both import it; Android's importer does not read
 * 4.0, and 4.0's {@code tel:} URIs are what older phones get wrong. The API and the web UI both answer
 * with {@link #download}.
 */
@ApplicationScoped
public class ContactCards {

    public static final String MEDIA_TYPE = "text/vcard; charset=utf-8";
    /** Enough of a group's name to recognise the file by; the rest only makes the name unwieldy. */
    private static final int MAX_NAME = 60;

    private final String organisation;
    private final String publicUrl;

    ContactCards(StatusConfig status, OutbandConfig outband) {
        this.organisation = status.organisation();
        this.publicUrl = outband.publicUrl();
    }

    /** The file as an attachment whose name is made of the group and unit, in letters and digits only. */
    public Response download(CallList list) {
        return Downloads.attachment(write(list).getBytes(StandardCharsets.UTF_8), MEDIA_TYPE, fileName(list));
    }

    String write(CallList list) {
        return Ezvcard.write(list.people().stream().map(this::card).toList()).version(VCardVersion.V3_0).go();
    }

    private VCard card(ContactData contact) {
        VCard card = new VCard();
        // The same contact gets the same UID in every file, so a phone can tell an update from a new person.
        card.setUid(new Uid("urn:uuid:" + UUID.nameUUIDFromBytes((publicUrl + "/contacts/" + contact.id()).getBytes(StandardCharsets.UTF_8))));
        card.setFormattedName(contact.name());
        card.setStructuredName(structured(contact.name()));
        if (contact.mobile() != null) {
            card.addTelephoneNumber(contact.mobile(), TelephoneType.CELL);
        }
        if (contact.email() != null) {
            card.addEmail(contact.email());
        }
        if (contact.title() != null) {
            card.addTitle(contact.title());
        }
        card.setOrganization(Stream.of(organisation, contact.unit()).filter(Objects::nonNull).toArray(String[]::new));
        if (!contact.groups().isEmpty()) {
            card.setCategories(contact.groups().toArray(String[]::new));
        }
        return card;
    }

    /**
     * Outband keeps one name field; phones sort and often show by N's family name, so the last word is
     * taken as that ("Anna-Karin Lindqvist" under L), the rest as given names.
     */
    private static StructuredName structured(String name) {
        StructuredName structured = new StructuredName();
        String trimmed = name.strip();
        int space = trimmed.lastIndexOf(' ');
        structured.setFamily(space < 0 ? trimmed : trimmed.substring(space + 1));
        if (space > 0) {
            structured.setGiven(trimmed.substring(0, space).strip());
        }
        return structured;
    }

    /** "kontakter-hemtjanst.vcf": plain letters, so no group name can break the header or a file system. */
    static String fileName(CallList list) {
        String name = Stream.of(list.group(), list.unit()).filter(Objects::nonNull).collect(Collectors.joining("-"));
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        ascii = ascii.substring(0, Math.min(ascii.length(), MAX_NAME)).replaceAll("^-+|-+$", "");
        if (name.isEmpty()) {
            return "kontakter-alla.vcf";
        }
        return ascii.isEmpty() ? "kontakter.vcf" : "kontakter-" + ascii + ".vcf";
    }
}
