package se.outband.contacts;

import java.util.List;

/**
 * What an import did, or with dryRun would do. {@code rejected} and {@code warnings} list at most
 * {@link ImportTally#LISTED} problems each; {@code rejectedRows} counts every rejected row and
 * {@code unlisted} the problems beyond those listed.
 */
public record ImportReport(
        int created,
        int updated,
        int unchanged,
        int removed,
        List<RowProblem> rejected,
        List<RowProblem> warnings,
        int rejectedRows,
        int unlisted,
        boolean dryRun) {
}
