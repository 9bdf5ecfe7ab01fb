package org.iago.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.iago.csv.CsvTable;
import org.iago.report.Block.Note;
import org.iago.report.Table.Cell;

/** Every pair that at least one method flags, at target and at product level, in one sortable table. */
final class SignalsSection {

    private final RunFolder run;
    private final SmallCells cells;
    private final SignalRows signals;

    SignalsSection(RunFolder run, SmallCells cells, SignalRows signals) {
        this.run = run;
        this.cells = cells;
        this.signals = signals;
    }

    Section build() {
        List<Block> blocks = new ArrayList<>();
        Table.Builder t = new Table.Builder("all-signals", "Pairs flagged by at least one method",
                List.of("level", "drug", "event", "a", "PRR", "ROR (95% CI)", "IC025", "EB05", "LRT p", "flagged by",
                        "status")).sortable();
        for (String[] level : new String[][] {{"target", RunFolder.TARGET}, {"product", RunFolder.PRODUCT}}) {
            Optional<CsvTable> table = run.csv(level[1]);
            if (table.isEmpty()) {
                blocks.add(Note.absent(run.absence(level[1]) + ": no " + level[0] + "-level signals."));
                continue;
            }
            table.get().rows().stream()
                    .filter(r -> SignalRows.flagged(r) && signals.isCart(r.get("drug")))
                    .sorted(Comparator.comparing((CsvTable.Row r) -> r.get("drug")).thenComparing(r -> r.get("event")))
                    .forEach(r -> t.row(Cell.of(level[0]), Cell.of(r.get("drug")), Cell.of(r.get("event")),
                            Table.cell(r.get("a"), "a", cells), Cell.number(r.number("prr")),
                            Cell.interval(r.number("ror"), r.number("ror_lower"), r.number("ror_upper")),
                            Cell.number(r.number("ic025")), Cell.number(r.number("eb05")),
                            Cell.pValue(r.number("llr_p")), Cell.of(SignalRows.methods(r)),
                            Cell.of(signals.status(r.get("drug"), r.get("event")))));
        }
        Table table = t.build();
        blocks.add(0, table.isEmpty() ? Note.info("No pair is flagged by any method.") : table);
        String scope = signals.hasProducts() ? "CAR-T products and targets; " : "";
        return new Section("all-signals", "All signals", "", List.of(new Section.Part("all-signals-table",
                "Flagged pairs", scope + "click a column heading to sort.", blocks)));
    }
}
