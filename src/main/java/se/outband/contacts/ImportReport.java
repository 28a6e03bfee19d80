package se.outband.contacts;

import java.util.List;

/** What an import did, or with dryRun would do. */
public record ImportReport(
        int created,
        int updated,
        int unchanged,
        int removed,
        List<RowProblem> rejected,
        List<RowProblem> warnings,
        boolean dryRun) {
}
