package org.iago.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportWriter#write} wrote.
 *
 * @param html     {@code <run>/report/index.html}
 * @param pdf      {@code <run>/report/report.pdf}
 * @param tables   {@code <run>/report/tables/<table>.csv}, one per table shown, in page order
 * @param sections the section titles in page order
 * @param warnings parts of the run folder that were missing or unreadable (each has a note in its section)
 */
public record ReportOutput(Path html, Path pdf, List<Path> tables, List<String> sections, List<String> warnings) {
}
