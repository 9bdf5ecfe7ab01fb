package org.iago.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iago.csv.CsvTable;
import org.iago.report.Block.Note;
import org.iago.report.Table.Cell;
import org.iago.vocabulary.ComparatorColumn;

/**
 * The focus drug's (or its target's) ROR for the focus event against each comparator and within each subgroup
 * ({@code comparators.csv} of the target analysis; Fusaroli et al., Drug Saf 2022): per drug–event pair a forest plot,
 * one row per comparator and subgroup, and the table it is drawn from. A run without {@code comparators:} in its rules
 * has none, which is a note, not a warning.
 */
final class ComparatorBlocks {

    private final ReportOptions.Focus focus;
    private final String id;
    private final RunFolder run;
    private final SmallCells cells;
    private final SignalRows signals;

    ComparatorBlocks(ReportOptions.Focus focus, String id, RunFolder run, SmallCells cells, SignalRows signals) {
        this.focus = focus;
        this.id = id;
        this.run = run;
        this.cells = cells;
        this.signals = signals;
    }

    void forest(List<Block> blocks) {
        Optional<CsvTable> table = run.csvIfPresent(RunFolder.COMPARATORS);
        if (table.isEmpty()) {
            blocks.add(Note.absent(run.absence(RunFolder.COMPARATORS) + ": no comparators or subgroups measured (set "
                    + "comparators: in the signal rules)."));
            return;
        }
        Map<String, List<CsvTable.Row>> byPair = new LinkedHashMap<>();
        signals.ofFocus(table.get(), focus, ComparatorColumn.DRUG.name(), ComparatorColumn.EVENT.name()).forEach(r -> byPair.computeIfAbsent(r.get(ComparatorColumn.DRUG.name()) + " and "
                + r.get(ComparatorColumn.EVENT.name()), p -> new ArrayList<>()).add(r));
        if (byPair.isEmpty()) {
            blocks.add(Note.info("No report of " + focus.drug() + " with " + focus.event() + " in "
                    + RunFolder.COMPARATORS + "."));
        }
        int n = 0;
        for (Map.Entry<String, List<CsvTable.Row>> pair : byPair.entrySet()) {
            n++;
            List<Charts.ForestRow> rows = new ArrayList<>();
            Table.Builder t = new Table.Builder(id + "-comparators-" + n, "Comparators and subgroups: " + pair.getKey(),
                    List.of("comparator", "subgroup", "a", "b", "c", "d", "ROR (95% CI)"));
            for (CsvTable.Row r : pair.getValue()) {
                String comparator = r.get(ComparatorColumn.COMPARATOR.name());
                String subgroup = r.get(ComparatorColumn.SUBGROUP.name());
                long a = (long) r.number(ComparatorColumn.A.name());
                rows.add(new Charts.ForestRow(comparator + " / " + subgroup + " (a " + (cells.suppressed(a) ? "" : "= ")
                        + cells.show(a) + ")", comparator.equals("all") && subgroup.equals("all"),
                        r.number(ComparatorColumn.ROR.name()), r.number(ComparatorColumn.ROR_LOWER.name()),
                        r.number(ComparatorColumn.ROR_UPPER.name()), Double.NaN, Double.NaN, Double.NaN));
                t.row(Cell.of(comparator), Cell.of(subgroup), Cell.countOf(r, ComparatorColumn.A.name(), cells),
                        Cell.countOf(r, ComparatorColumn.B.name(), cells),
                        Cell.countOf(r, ComparatorColumn.C.name(), cells),
                        Cell.countOf(r, ComparatorColumn.D.name(), cells),
                        Cell.interval(r, ComparatorColumn.ROR.name(), ComparatorColumn.ROR_LOWER.name(),
                                ComparatorColumn.ROR_UPPER.name()));
            }
            blocks.add(Charts.rorForest(id + "-comparators-chart-" + n, "ROR by comparator and subgroup: "
                    + pair.getKey(), "The ROR against all drugs (blue), against reports naming a CAR-T product "
                    + "(cart), against reports whose primary suspect is given for a lymphoma, leukaemia or myeloma "
                    + "(indication), each within the whole database and within each subgroup (adults; sex; age "
                    + "group), from " + RunFolder.COMPARATORS + "; dashed line at ROR = 1; intervals open at 0 or ∞ "
                    + "are drawn to the axis edge.", rows));
            blocks.add(t.build());
        }
    }
}
