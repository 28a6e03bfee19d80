package se.outband.checks;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of POST /api/contact-checks: empty lists mean everyone. Bounded here, before any name is looked up. */
public record CheckRequest(
        @Size(max = MAX_CHOSEN, message = "{request.list.too-long}")
        List<@NotNull(message = "{request.missing-value}") @Size(max = MAX_NAME, message = "{request.text.too-long}") String> groups,
        @Size(max = MAX_CHOSEN, message = "{request.list.too-long}")
        List<@NotNull(message = "{request.missing-value}") @Size(max = MAX_NAME, message = "{request.text.too-long}") String> units,
        @Size(max = 10, message = "{request.text.too-long}")
        String deadline) {

    static final int MAX_CHOSEN = 500;
    /** A group's or a unit's name as contacts store them. */
    static final int MAX_NAME = 200;

    public CheckRequest {
        // A missing value stays null here, for the @NotNull above to name it.
        groups = groups == null ? List.of() : groups.stream().map(g -> g == null ? null : g.strip()).distinct().toList();
        units = units == null ? List.of() : units.stream().map(u -> u == null ? null : u.strip()).distinct().toList();
    }
}
