package se.outband.contacts;

import java.util.List;

/** Where a contact belongs in the organisation: what a report breaks reach down by. */
public record Placement(String unit, List<String> groups) {

    public static final Placement UNKNOWN = new Placement(null, List.of());
}
