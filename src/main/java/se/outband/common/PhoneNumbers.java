package se.outband.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Reads phone numbers as people write them and gives them back in E.164, the form SMS providers take.
 * The contacts feature makes the one instance, for its setting of the region numbers are read in.
 */
public class PhoneNumbers {

    /** A number read from text: {@code e164} is null when the text is not a valid number. */
    public record Parsed(String e164, boolean reachableBySms) {
        public boolean valid() {
            return e164 != null;
        }
    }

    private static final Parsed INVALID = new Parsed(null, false);

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** How people here write a stored number: 070-174 06 05 at home, +47 412 34 567 from abroad. */
    public String display(String e164) {
        if (e164 == null) {
            return null;
        }
        try {
            PhoneNumber number = util.parse(e164, defaultRegion);
            boolean home = defaultRegion.equals(util.getRegionCodeForNumber(number));
            return util.format(number, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    public Parsed parse(String text) {
        try {
            PhoneNumber number = util.parse(text, defaultRegion);
            if (!util.isValidNumber(number)) {
                return INVALID;
            }
            PhoneNumberType type = util.getNumberType(number);
            boolean sms = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return new Parsed(util.format(number, PhoneNumberFormat.E164), sms);
        } catch (NumberParseException e) {
            return INVALID;
        }
    }
}
