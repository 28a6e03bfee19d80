package se.outband.continuity;

import java.time.Instant;
import java.util.List;

import se.outband.contacts.ContactData;

/** The people of a group, a unit or everyone (null for either means any), in Swedish name order, as taken out at {@code takenAt}. */
public record CallList(String group, String unit, List<ContactData> people, Instant takenAt) {
}
