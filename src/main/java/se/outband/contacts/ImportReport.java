package se.outband.contacts;

import java.util.List;

/**
 * What an import did, or with dryRun would do. {@code rejected} and {@code warnings} list at most
 * {@link ImportTally#LISTED} problems each; {@code rejectedRows} counts every rejected row and
 * {@code unlisted} the problems beyond those listed. {@code added}, {@code changed} (field by field)
 * and {@code removedPeople} name the first {@link ImportTally#PEOPLE_LISTED} of each for a preview.
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
        List<ImportedPerson> added,
        List<ImportedPerson> changed,
        List<ImportedPerson> removedPeople,
        boolean dryRun,
        /** People who set a field themselves and whose old value this import brought again: kept; update the HR system. */
        List<ImportedPerson> keptOwn,
        int keptOwnCount) {
}
