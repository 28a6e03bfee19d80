package se.outband.contacts;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import se.outband.common.PhoneNumbers;

/** Numbers everywhere are read in the region of {@code outband.contacts.default-region}. */
public class PhoneNumbersProducer {

    @Produces
    @Singleton
    PhoneNumbers phoneNumbers(ContactsConfig config) {
        return new PhoneNumbers(config.defaultRegion());
    }
}
