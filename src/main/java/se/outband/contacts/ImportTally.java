package se.outband.contacts;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts what an import finds row by row. A list of 100,000 rows can have a problem on every row, so
 * only the first problems of each kind are kept in full: enough to fix the file, small to answer.
 */
final class ImportTally {

    static final int LISTED = 1000;
    /** People listed by name in a preview, per kind; the counts say how many there are in all. */
    static final int PEOPLE_LISTED = 100;

    int created;
    int updated;
    int unchanged;
    int removed;
    private int rejectedRows;
    private int unlisted;
    private final List<RowProblem> rejected = new ArrayList<>();
    private final List<RowProblem> warnings = new ArrayList<>();
    final List<ImportedPerson> added = new ArrayList<>();
    final List<ImportedPerson> changed = new ArrayList<>();
    final List<ImportedPerson> removedPeople = new ArrayList<>();
    /** People whose own values the import kept (their old ones came again): HR updates the HR system. */
    final List<ImportedPerson> keptOwn = new ArrayList<>();
    final int[] keptOwnCount = new int[1];


    void reject(List<RowProblem> problems) {
        rejectedRows++;
        keep(rejected, problems);
    }

    void warn(List<RowProblem> problems) {
        keep(warnings, problems);
    }

    boolean anyRejected() {
        return rejectedRows > 0;
    }

    int rejectedRows() {
        return rejectedRows;
    }

    ImportReport report(boolean dryRun) {
        return new ImportReport(created, updated, unchanged, removed, List.copyOf(rejected), List.copyOf(warnings),
                rejectedRows, unlisted, List.copyOf(added), List.copyOf(changed), List.copyOf(removedPeople), dryRun,
                List.copyOf(keptOwn), keptOwnCount[0]);
    }

    private void keep(List<RowProblem> kept, List<RowProblem> problems) {
        for (RowProblem problem : problems) {
            if (kept.size() < LISTED) {
                kept.add(problem);
            } else {
                unlisted++;
            }
        }
    }
}
