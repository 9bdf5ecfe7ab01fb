package org.iago.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.iago.vocabulary.RunLayout;

/**
 * Turns a pipeline run folder into its signal report: {@code <run>/report/index.html} (self-contained), {@code
 * <run>/report/report.pdf} from the same page, and {@code <run>/report/tables/<table>.csv} for every table shown.
 * Parts of the run folder may be missing: the report then says what is missing where it would have used it.
 * <pre>{@code
 * ReportOutput out = new ReportWriter(options).write(Path.of("runs/2025-06-30"));
 * }</pre>
 */
public final class ReportWriter {

    private final ReportOptions options;

    public ReportWriter(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @throws IOException when the report folder cannot be written (a missing or unreadable input never throws)
     */
    public ReportOutput write(Path runFolder) throws IOException {
        RunFolder run = new RunFolder(runFolder);
        ReportModel model = ReportModel.build(run, options);
        Path report = runFolder.resolve(RunLayout.REPORT);
        Path tables = report.resolve(RunLayout.REPORT_TABLES);
        Files.createDirectories(tables);
        clearCsv(tables);
        List<Path> written = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Section s : model.all()) {
            for (Table t : s.tables()) {
                if (!ids.add(t.id())) {
                    throw new IllegalStateException("two tables named " + t.id());
                }
                Path file = tables.resolve(t.id() + ".csv");
                t.writeCsv(file);
                written.add(file);
            }
        }
        String xhtml = new HtmlPage().render(model);
        Path html = report.resolve(RunLayout.REPORT_HTML);
        Path tmp = report.resolve("." + RunLayout.REPORT_HTML + ".tmp");
        Files.writeString(tmp, xhtml, StandardCharsets.UTF_8);
        Files.move(tmp, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path pdf = report.resolve(RunLayout.REPORT_PDF);
        Path pdfTmp = report.resolve("." + RunLayout.REPORT_PDF + ".tmp");
        new PdfDocument().write(xhtml, pdfTmp);
        Files.move(pdfTmp, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        List<String> sections = new ArrayList<>(model.sections().stream().map(Section::title).toList());
        sections.addAll(List.of(model.methods().title(), "Limitations", model.provenance().title()));
        return new ReportOutput(html, pdf, List.copyOf(written), List.copyOf(sections), model.warnings());
    }

    /** Tables of an earlier report of the same run that this one may no longer show. */
    private static void clearCsv(Path tables) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(tables, "*.csv")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
    }
}
