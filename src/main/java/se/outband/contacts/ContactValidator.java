package se.outband.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import se.outband.common.Language;
import se.outband.common.PhoneNumbers;
import se.outband.common.Text;

/**
 * The one set of rules for a contact, whether it comes from a CSV row or the API: it normalises what
 * people type (spaces, 070-numbers, group lists) and says, field by field, what is wrong.
 */
@ApplicationScoped
public class ContactValidator {

    /** The outcome: {@code contact} is normalised and only meaningful when {@code errors} is empty. */
    public record Checked(ContactData contact, List<FieldProblem> errors, List<FieldProblem> warnings) {
        public boolean accepted() {
            return errors.isEmpty();
        }

        /** The contact as it is stored: its warnings in the words of whoever gave it. */
        public ContactData contact(Language wordsIn) {
            return contact.withWarnings(warnings.stream().map(w -> w.reason().sentence(wordsIn)).toList());
        }
    }

    static final int MAX_ID = 64;
    static final int MAX_TEXT = 200;
    static final int MAX_GROUP = 100;
    static final int MAX_EMAIL = 254;

    // Deliberately loose: one @, no spaces, a dot in the domain. Stricter checks reject real addresses.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Employee numbers and the like: they end up in addresses (/api/contacts/{id}) and in other systems' files. */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._-]{1," + MAX_ID + "}");

    private final PhoneNumbers phoneNumbers;
    private final Set<String> internalDomains;

    ContactValidator(PhoneNumbers phoneNumbers, ContactsConfig config) {
        this.phoneNumbers = phoneNumbers;
        this.internalDomains = config.internalEmailDomains().orElse(Set.of()).stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Checked check(ContactData raw) {
        List<FieldProblem> errors = new ArrayList<>();
        List<FieldProblem> warnings = new ArrayList<>();

        String id = text(raw.id());
        if (id == null) {
            errors.add(new FieldProblem(ContactField.ID, new ContactProblem.IdMissing()));
        } else if (!ID.matcher(id).matches()) {
            errors.add(new FieldProblem(ContactField.ID, new ContactProblem.IdInvalid(Text.clip(id, MAX_ID + 1))));
        }

        String name = text(raw.name());
        if (name == null) {
            errors.add(new FieldProblem(ContactField.NAME, new ContactProblem.NameMissing()));
        }
        limit(ContactField.NAME, name, MAX_TEXT, errors);

        String mobile = text(raw.mobile());
        if (mobile != null) {
            PhoneNumbers.Parsed parsed = phoneNumbers.parse(mobile);
            if (!parsed.valid()) {
                errors.add(new FieldProblem(ContactField.MOBILE, new ContactProblem.MobileInvalid(mobile)));
            } else {
                if (!parsed.reachableBySms()) {
                    warnings.add(new FieldProblem(ContactField.MOBILE, new ContactProblem.MobileNotMobile(mobile)));
                }
                mobile = parsed.e164();
            }
        }

        String email = text(raw.email());
        if (email != null) {
            if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                errors.add(new FieldProblem(ContactField.EMAIL, new ContactProblem.EmailInvalid(email)));
            } else {
                String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
                if (internalDomains.contains(domain)) {
                    warnings.add(new FieldProblem(ContactField.EMAIL, new ContactProblem.EmailInternal(domain)));
                }
            }
        }
        if (text(raw.mobile()) == null && email == null) {
            errors.add(new FieldProblem(ContactField.MOBILE, new ContactProblem.NoChannel()));
        }

        Set<String> groups = new TreeSet<>();
        for (String group : raw.groups()) {
            String g = text(group);
            if (g != null) {
                limit(ContactField.GROUPS, g, MAX_GROUP, errors);
                groups.add(g);
            }
        }

        String language = text(raw.language());
        Language parsedLanguage = Language.parse(language);
        if (language != null && parsedLanguage == null) {
            warnings.add(new FieldProblem(ContactField.LANGUAGE, new ContactProblem.LanguageUnknown(language)));
        }

        String title = text(raw.title());
        limit(ContactField.TITLE, title, MAX_TEXT, errors);
        String unit = text(raw.unit());
        limit(ContactField.UNIT, unit, MAX_TEXT, errors);

        ContactData contact = new ContactData(id, name, mobile, email, List.copyOf(groups),
                (parsedLanguage == null ? Language.SV : parsedLanguage).tag(), title, unit, List.of());
        return new Checked(contact, errors, warnings);
    }

    /** Trimmed text with runs of white space folded to one space; null when blank. */
    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = Text.clean(value).strip();
        String folded = isFolded(stripped) ? stripped : SPACES.matcher(stripped).replaceAll(" ");
        return folded.isEmpty() ? null : folded;
    }

    /** No white space but single spaces: most cells, checked without a regular expression. */
    private static boolean isFolded(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || i > 0 && text.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static void limit(ContactField field, String value, int max, List<FieldProblem> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldProblem(field, new ContactProblem.TooLong(max)));
        }
    }
}
