package org.iago.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.iago.csv.CsvTable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The report of a hand-written run folder ({@link ReportFixture}): one section per focus signal in the four IAGO
 * steps, embedded charts, new signals, small counts suppressed in the page and the tables, the script-named drug
 * printed as text, a PDF with the same titles, one CSV per table; and a run folder with nothing in it.
 */
class ReportWriterTest {

    @TempDir
    static Path work;
    static ReportOutput out;
    static String html;
    static Document dom;

    @BeforeAll
    static void writeReport() throws Exception {
        Path run = ReportFixture.write(work.resolve("run"));
        out = new ReportWriter(ReportFixture.options()).write(run);
        html = Files.readString(out.html(), StandardCharsets.UTF_8);
        // parsing as XML also proves the page is the well-formed XHTML the PDF renderer needs
        dom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.html().toFile());
    }

    @Test
    void everyFocusSignalHasTheFourIagoSteps() {
        List<Element> focus = elements("//section[@class='focus']");
        assertEquals(List.of("BCMA × " + ReportFixture.PARKINSONISM, "CD19 × INFECTION",
                ReportFixture.SCRIPT_DRUG + " × CRS"), focus.stream().map(s -> text(s, "h2")).toList());
        for (Element s : focus) {
            assertEquals(List.of("Identification", "Attribution", "Grading", "Optimization"),
                    elements(s, "div[@class='part']/h3").stream().map(Element::getTextContent).toList(),
                    s.getAttribute("id"));
        }
        assertEquals(List.of("Summary", "BCMA × " + ReportFixture.PARKINSONISM, "CD19 × INFECTION",
                ReportFixture.SCRIPT_DRUG + " × CRS", "All signals", "Methods", "Limitations", "Provenance"),
                out.sections());
        assertEquals(List.of(), out.warnings(), "the fixture has every part");
        // infections get the standardized breakdown, and the rate ratios of the optimization step
        for (String dimension : List.of("all", "pathogen-class", "severity", "setting", "prophylaxis",
                "antibacterial-prophylaxis", "by-product")) {
            assertEquals(1, elements("//table[@id='focus-2-cd19-infection-rates-" + dimension + "']").size(),
                    dimension);
        }
        // the breakdown is for all patients and the focus drug; products are compared in their own table
        assertEquals(List.of("all|all", "all|target: CD19"),
                elements("//table[@id='focus-2-cd19-infection-rates-all']/tbody/tr").stream()
                        .map(tr -> text(tr, "td[1]") + "|" + text(tr, "td[2]")).toList());
        assertEquals(List.of("product: YESCARTA", "product: KYMRIAH", "product: CARVYKTI"),
                elements("//table[@id='focus-2-cd19-infection-rates-by-product']/tbody/tr").stream()
                        .map(tr -> text(tr, "td[2]")).toList());
        assertEquals(List.of("bacterial infection antibacterial prophylaxis|all|0-30",
                "bacterial infection antibacterial prophylaxis|all|stratified",
                "bacterial infection antibacterial prophylaxis|target: CD19|0-30",
                "infection ivig hypogammaglobulinaemia|all|31-100"),
                elements("//table[@id='focus-2-cd19-infection-rate-ratios']/tbody/tr").stream()
                        .map(tr -> text(tr, "td[1]") + "|" + text(tr, "td[2]") + "|" + text(tr, "td[3]")).toList());
        // the within-class comparator sits beside the whole database
        String disproportionality = text(dom.getDocumentElement(),
                "//table[@id='focus-1-bcma-parkinsonism-and-movement-neurocogn-disproportionality']");
        assertTrue(disproportionality.contains("whole database (BCMA)"));
        assertTrue(disproportionality.contains("CAR-T reports only (BCMA)"));
        // harmonised grades: recorded (rows) by harmonised (columns), ungradable last, small counts suppressed
        String focus3 = "//table[@id='focus-3-script-alert-1-script-crs-grading-astct']";
        assertEquals(List.of("recorded ASTCT", "harmonised 1", "harmonised 2", "harmonised 3", "ungradable"),
                elements(focus3 + "/thead/tr/th").stream().map(Element::getTextContent).toList());
        assertEquals("2|<5|25||<5", elements(focus3 + "/tbody/tr[2]/td").stream().map(Element::getTextContent)
                .collect(Collectors.joining("|")));
    }

    @Test
    void chartsAreEmbeddedPngs() throws IOException {
        String focus1 = "focus-1-bcma-parkinsonism-and-movement-neurocogn";
        List<String> ids = elements("//figure[@class='chart']").stream().map(e -> e.getAttribute("id")).toList();
        assertTrue(ids.containsAll(List.of(focus1 + "-emergence-chart", focus1 + "-cuminc-chart-1",
                focus1 + "-forest-chart-1", focus1 + "-onset-chart", focus1 + "-registry-onset-chart",
                focus1 + "-onset-histogram-registry", "focus-2-cd19-infection-cuminc-chart-1")), ids.toString());
        for (Element img : elements("//figure[@class='chart']/img")) {
            String src = img.getAttribute("src");
            assertTrue(src.startsWith("data:image/png;base64,"), "embedded, no file or network: " + img);
            byte[] png = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(2 * Integer.parseInt(img.getAttribute("width")), image.getWidth(), "drawn at 2x");
            assertFalse(img.getAttribute("alt").isBlank());
        }
        assertFalse(html.contains("src=\"http"), "no network");
    }

    @Test
    void theFocusPairsFalseDiscoveryRatesAreShownWhereTheRunHasThem() {
        List<String> rows = elements("//table[contains(@id, '-fdr')]/tbody/tr").stream()
                .map(tr -> elements(tr, "td").stream().map(Element::getTextContent)
                        .collect(Collectors.joining("|"))).toList();
        assertEquals(1, rows.size(), "BCMA's row has them, the older rows do not: " + rows);
        assertTrue(rows.get(0).startsWith("whole database (BCMA)|" + ReportFixture.PARKINSONISM + "|"), rows.get(0));
        assertEquals(7, rows.get(0).split("\\|").length, "comparator, event and one FDR per method");
    }

    /** BCMA's focus shows its target's pairs for its event; CD19's shows the target's and no product's. */
    @Test
    void theFocusPairsDrugInteractionsAreShownInAttribution() {
        Map<String, List<String>> rows = new TreeMap<>();
        for (Element table : elements("//table[contains(@id, '-interaction')]")) {
            rows.put(table.getAttribute("id"), elements(table, "tbody/tr").stream()
                    .map(tr -> elements(tr, "td").stream().map(Element::getTextContent)
                            .collect(Collectors.joining("|"))).toList());
        }
        assertEquals(2, rows.size(), "the BCMA and CD19 focus signals have interactions: " + rows.keySet());
        List<String> bcma = rows.values().stream().filter(r -> r.stream().anyMatch(x -> x.startsWith("BCMA")))
                .findFirst().orElseThrow();
        assertEquals(2, bcma.size(), bcma.toString());
        assertTrue(bcma.get(0).startsWith("BCMA|corticosteroids|" + ReportFixture.PARKINSONISM + "|"), bcma.get(0));
        assertTrue(bcma.get(0).endsWith("|signal"), bcma.get(0));
        assertTrue(bcma.get(1).startsWith("BCMA|tocilizumab|" + ReportFixture.PARKINSONISM + "|<5|"),
                "n111 = 2 is suppressed: " + bcma.get(1));
        List<String> cd19 = rows.values().stream().filter(r -> r.stream().anyMatch(x -> x.startsWith("CD19")))
                .findFirst().orElseThrow();
        assertEquals(1, cd19.size(), "KYMRIAH's row is not CD19's: " + cd19);
    }

    @Test
    void theOnsetTableShowsBothTestsOfTheOnsetsCompared() {
        List<String> rows = elements("//table[substring(@id, string-length(@id) - 5) = '-onset']/tbody/tr").stream()
                .map(tr -> elements(tr, "td").stream().map(Element::getTextContent)
                        .collect(Collectors.joining("|"))).toList();
        String viral = rows.stream().filter(r -> r.startsWith("CD19|Infections, viral|")).findFirst().orElseThrow();
        // KS p against other drugs and other events, then Anderson–Darling's (ReportFixture.onset)
        assertTrue(viral.endsWith("|0.740|0.180|0.520|0.073|right-truncated: late onsets are under-reported so far"),
                viral);
    }

    /**
     * BCMA's focus shows its pair on all reports, its maskers with their ratio, and the ROR without them and without
     * its competing events, one line; CD19's shows the target's line and not KYMRIAH's.
     */
    @Test
    void theFocusPairsMaskingIsShownInAttribution() {
        Map<String, List<String>> rows = new TreeMap<>();
        for (Element table : elements("//table[contains(@id, '-masking')]")) {
            rows.put(table.getAttribute("id"), elements(table, "tbody/tr").stream()
                    .map(tr -> elements(tr, "td").stream().map(Element::getTextContent)
                            .collect(Collectors.joining("|"))).toList());
        }
        List<String> bcma = rows.values().stream().filter(r -> r.stream().anyMatch(x -> x.startsWith("BCMA|"
                + ReportFixture.PARKINSONISM))).findFirst().orElseThrow(() -> new AssertionError(rows.toString()));
        assertEquals(1, bcma.size(), "one line per pair: " + bcma);
        String[] cells = bcma.get(0).split("\\|");
        assertEquals(12, cells.length, bcma.get(0));
        assertEquals("", cells[5], "not flagged on all reports: " + bcma.get(0));
        assertEquals("ADALIMUMAB (3.26); RITUXIMAB (1.05)", cells[6]);
        assertEquals("signal", cells[8], "flagged without its maskers: " + bcma.get(0));
        assertEquals("Cytokine release syndrome; ICANS", cells[9]);
        assertEquals("signal", cells[11]);
        List<String> cd19 = rows.values().stream().filter(r -> r.stream().anyMatch(x -> x.startsWith("CD19|")))
                .findFirst().orElseThrow(() -> new AssertionError(rows.toString()));
        assertEquals(1, cd19.size(), "KYMRIAH's row is not CD19's: " + cd19);
        assertTrue(cd19.get(0).contains("|none above 1|"), cd19.get(0));
    }

    /** BCMA's focus has a forest plot and a table of its comparators and subgroups, small counts suppressed. */
    @Test
    void theFocusPairsComparatorsAndSubgroupsAreAForestPlotInAttribution() {
        String focus1 = "focus-1-bcma-parkinsonism-and-movement-neurocogn";
        assertEquals(1, elements("//figure[@id='" + focus1 + "-comparators-chart-1']/img").size());
        List<String> rows = elements("//table[@id='" + focus1 + "-comparators-1']/tbody/tr").stream()
                .map(tr -> elements(tr, "td").stream().map(Element::getTextContent)
                        .collect(Collectors.joining("|"))).toList();
        assertEquals(5, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("all|all|40|160|400|800000|"), rows.get(0));
        assertTrue(rows.get(1).startsWith("indication|all|40|"), rows.get(1));
        assertTrue(rows.get(3).startsWith("all|sex=F|<5|"), "a = 3 is suppressed: " + rows.get(3));
        assertTrue(elements("//figure[contains(@id, '-comparators-chart-')]").size() >= 2,
                "CD19's focus has its row too");
    }

    @Test
    void theSummaryOpensWithTheReviewQueue() {
        assertEquals("summary-queue", elements("//section[@id='summary']/div[@class='part']").get(0)
                .getAttribute("id"));
        assertEquals(List.of("target|" + ReportFixture.SCRIPT_DRUG + "|CRS|11.3|never reviewed||<5|never reviewed|||",
                "target|BCMA|" + ReportFixture.PARKINSONISM + "|9.04|6 new reports (condition: 5)|6|12|MONITOR|"
                + "2025-06-01|ana|few reports, watch"), rows("review-queue"),
                "in the queue's order (by priority), CAR-T only, small counts suppressed");
        assertEquals(List.of("CONFIRMED|target|BCMA|CRS|2025-05-02|bo|label change|5|45", "REFUTED|target|CD19|"
                + "Infections, viral|2025-05-03|bo|confounded|<5|31"), rows("signal-log"));
    }

    private static List<String> rows(String table) {
        return elements("//table[@id='" + table + "']/tbody/tr").stream()
                .map(tr -> elements(tr, "td").stream().map(Element::getTextContent)
                        .collect(Collectors.joining("|"))).toList();
    }

    @Test
    void newAndStrengthenedSignalsAreListed() {
        List<String> rows = elements("//table[@id='new-signals']/tbody/tr").stream()
                .map(tr -> elements(tr, "td").stream().map(Element::getTextContent)
                        .collect(Collectors.joining("|"))).toList();
        assertEquals(3, rows.size(), rows.toString());
        // highest priority first (signals/target/priority.csv), ties in the status table's order
        assertEquals(ReportFixture.SCRIPT_DRUG + "|CRS|IC|NEW|–|1.9|11.3", rows.get(0));
        assertEquals("BCMA|" + ReportFixture.PARKINSONISM + "|EBGM|NEW|1.8|34.5|9.04", rows.get(1));
        assertEquals("BCMA|" + ReportFixture.PARKINSONISM + "|ROR|STRENGTHENED|40.1|76.2|9.04", rows.get(2));
        assertTrue(html.contains("NEW 2, NO_LONGER 1, ONGOING 1, STRENGTHENED 1, WEAKENED 1"), "tally of statuses");
    }

    @Test
    void countsBelowKAreSuppressedInThePageAndTheTables() throws IOException {
        List<Element> counts = elements("//td[@class='count']");
        assertTrue(counts.size() > 50, "counts are marked as such: " + counts.size());
        for (Element td : counts) {
            assertNotSmall(td.getTextContent(), td.getParentNode().getTextContent());
            assertNotSmall(td.getAttribute("data-sort").replaceFirst("\\.0$", ""), "sort key of " + td);
        }
        // the same cells in the CSV files
        int checked = 0;
        for (Element table : elements("//table")) {
            List<String[]> csv = readCsv(out.html().resolveSibling("tables").resolve(table.getAttribute("id")
                    + ".csv"));
            List<Element> rows = elements(table, "tbody/tr");
            assertEquals(rows.size(), csv.size() - 1, table.getAttribute("id"));
            for (int r = 0; r < rows.size(); r++) {
                List<Element> cells = elements(rows.get(r), "td");
                for (int c = 0; c < cells.size(); c++) {
                    assertEquals(cells.get(c).getTextContent(), csv.get(r + 1)[c], "same value in the CSV");
                    if ("count".equals(cells.get(c).getAttribute("class"))) {
                        assertNotSmall(csv.get(r + 1)[c], table.getAttribute("id"));
                        checked++;
                    }
                }
            }
        }
        assertEquals(counts.size(), checked);
        // known small counts of the fixture: ABECMA × parkinsonism a = 3, the pilot case source's 3 reports
        assertEquals("<5", text(dom.getDocumentElement(),
                "//table[@id='focus-1-bcma-parkinsonism-and-movement-neurocogn-forest-1']/tbody/tr[1]/td[3]"));
        assertEquals("<5", text(dom.getDocumentElement(), "//table[@id='data-sources']/tbody/tr[3]/td[2]"));
        assertTrue(html.contains("counts from 1 to 4 shown as &lt;5"));
    }

    @Test
    void theDataSectionSaysWhatCurationRemovedAndWhoNamedTheDrugs() {
        assertTrue(text(dom.getDocumentElement(), "//table[@id='curation']/tbody/tr[4]/td[1]")
                .contains("demographic-clinical"));
        assertEquals("37", text(dom.getDocumentElement(), "//table[@id='curation']/tbody/tr[4]/td[2]"),
                "a count of the whole lake, not a cell to suppress");
        assertEquals("8685", text(dom.getDocumentElement(), "//table[@id='curation']/tbody/tr[5]/td[2]"));
        assertEquals("prod ai", text(dom.getDocumentElement(), "//table[@id='drug-name-sources']/tbody/tr[3]/td[1]"));
        assertEquals("80.0%", text(dom.getDocumentElement(), "//table[@id='drug-name-sources']/tbody/tr[3]/td[3]"));
        assertTrue(html.contains("XARELTO 20MG (12), =HYPERLINK(1) (2)"), "unmapped names, most reported first");
    }

    @Test
    void aScriptNamedDrugIsPrintedAsText() {
        assertFalse(html.contains(ReportFixture.SCRIPT_DRUG), "never raw in the page");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        List<Element> scripts = elements("//script");
        assertEquals(1, scripts.size(), "only the report's own sorting script");
        assertFalse(scripts.get(0).getTextContent().contains("alert"));
        assertEquals(ReportFixture.SCRIPT_DRUG + " × CRS", text(dom.getDocumentElement(),
                "//section[@id='focus-3-script-alert-1-script-crs']/h2"));
    }

    @Test
    void pdfCarriesTheSameReport() throws IOException {
        byte[] pdf = Files.readAllBytes(out.pdf());
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pdf, 4));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() > 5, "pages: " + doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            for (String title : List.of("BCMA × " + ReportFixture.PARKINSONISM, "CD19 × INFECTION",
                    ReportFixture.SCRIPT_DRUG + " × CRS", "Identification", "Optimization", "Limitations",
                    "Provenance")) {
                assertTrue(text.contains(title), "PDF text has " + title);
            }
            assertTrue(text.contains("χ²") && text.contains("±") && text.contains("√"), "symbols print");
        }
    }

    @Test
    void everyTableShownIsWrittenAsCsv() throws IOException {
        Set<String> shown = elements("//table").stream().map(e -> e.getAttribute("id"))
                .collect(Collectors.toSet());
        Set<String> written = out.tables().stream().map(p -> p.getFileName().toString().replace(".csv", ""))
                .collect(Collectors.toSet());
        assertEquals(shown, written);
        try (var files = Files.list(out.html().resolveSibling("tables"))) {
            assertEquals(shown.size(), files.count(), "no other file in tables/");
        }
        for (Element table : elements("//table")) {
            String[] header = readCsv(out.html().resolveSibling("tables").resolve(table.getAttribute("id")
                    + ".csv")).get(0);
            assertEquals(elements(table, "thead/tr/th").stream().map(Element::getTextContent).toList(),
                    List.of(header));
        }
        String provenance = Files.readString(out.html().resolveSibling("tables").resolve("provenance-inputs.csv"));
        assertTrue(provenance.contains("9f2c4e1b7a0d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a"));
    }

    /** Results an earlier run computed, taken over because their inputs had not changed, are named as such. */
    @Test
    void resultsTakenOverFromAnEarlierRunAreNamed() throws IOException {
        String results = Files.readString(out.html().resolveSibling("tables").resolve("provenance-results.csv"));
        assertTrue(results.contains("signalsDetect,signals/,run 7 (taken over: inputs unchanged),"), results);
        assertTrue(results.contains("onsetMeasure,onset/,this run,"), results);
        assertTrue(Files.readString(out.html()).contains("Inputs and settings unchanged: this run shows the curated "
                + "tables and signals of run 7 (taken over, not computed again; see Provenance)."));
    }

    @Test
    void anEmptyRunFolderGivesAReportThatSaysWhatIsMissing() throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));
        ReportOutput report = new ReportWriter(ReportFixture.options()).write(empty);
        String page = Files.readString(report.html());
        assertTrue(report.warnings().contains(RunFolder.TARGET + " is missing"), report.warnings().toString());
        assertTrue(report.warnings().contains(RunFolder.PROVENANCE + " is missing"));
        assertTrue(page.contains("Missing: " + RunFolder.STATUS + " is missing: no comparison with the last run."));
        assertTrue(page.contains("Missing: " + RunFolder.CUMULATIVE_INCIDENCE + " is missing"));
        assertEquals(8, report.sections().size());
        assertTrue(Files.size(report.pdf()) > 1000);
        // a damaged part is a warning too, not a crash
        Files.createDirectories(empty.resolve("signals/target"));
        Files.writeString(empty.resolve(RunFolder.TARGET), "drug,event,a\n\"BCMA,CRS,3\n");
        report = new ReportWriter(ReportFixture.options()).write(empty);
        assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith(RunFolder.TARGET + " could not be read")),
                report.warnings().toString());
    }

    private static void assertNotSmall(String shown, String where) {
        if (shown.matches("\\d+")) {
            long n = Long.parseLong(shown);
            assertTrue(n == 0 || n >= ReportFixture.K, "count " + n + " shown in " + where);
        } else if (!shown.isEmpty()) {
            assertTrue(shown.equals("<" + ReportFixture.K) || shown.equals("4.5"), shown + " in " + where);
        }
    }

    private static List<Element> elements(String xpath) {
        return elements(dom, xpath);
    }

    private static List<Element> elements(Object context, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context,
                    XPathConstants.NODESET);
            List<Element> list = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                list.add((Element) nodes.item(i));
            }
            return list;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    private static String text(Object context, String xpath) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(xpath, context).strip();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    private static List<String[]> readCsv(Path file) throws IOException {
        CsvTable t = CsvTable.read(file);
        List<String[]> rows = new ArrayList<>();
        rows.add(t.columns().toArray(String[]::new));
        for (CsvTable.Row r : t.rows()) {
            rows.add(t.columns().stream().map(r::get).toArray(String[]::new));
        }
        return rows;
    }
}
