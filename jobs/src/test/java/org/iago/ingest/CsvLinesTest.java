package org.iago.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;
import org.springframework.core.io.ByteArrayResource;

/** CSV records as the case and registry readers read them: RFC 4180 quoted fields may hold line breaks. */
class CsvLinesTest {

    /** A record read: its first physical line and its fields, or the reason it was rejected. */
    private record Read(long line, List<String> fields, String rejected) {
    }

    @Test
    void aQuotedLineBreakStaysInItsFieldAndLineNumbersStayPhysical() throws Exception {
        List<Read> records = read("id,drug,event\r\n"
                + "1,ASPIRIN,Headache\r\n"
                + "2,\"IBUPROFEN\r\n200 MG\",\"Nausea, \"\"severe\"\"\"\r\n"
                + "3,PARACETAMOL,Rash\r\n");
        assertEquals(List.of(new Read(2, List.of("1", "ASPIRIN", "Headache"), null),
                new Read(3, List.of("2", "IBUPROFEN\n200 MG", "Nausea, \"severe\""), null),
                new Read(5, List.of("3", "PARACETAMOL", "Rash"), null)), records);
    }

    @Test
    void aRecordSpanningSeveralLinesIsOneRecordAndTheNextKeepsItsLine() throws Exception {
        List<Read> records = read("id,note\n1,\"a\n\nb\nc\"\n2,d\n");
        assertEquals(List.of(new Read(2, List.of("1", "a\n\nb\nc"), null), new Read(6, List.of("2", "d"), null)),
                records);
    }

    @Test
    void aQuoteLeftOpenOnTheLastLineIsOneRejectedRecord() throws Exception {
        String text = "id,note\n1,x\n2,\"open\n";
        List<Read> records = read(text);
        assertEquals(2, records.size(), records::toString);
        assertEquals(new Read(2, List.of("1", "x"), null), records.get(0));
        assertEquals(3, records.get(1).line());
        assertEquals("2,\"open", records.get(1).rejected());
        assertEquals(3, InputFile.scanCsv("t", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8))).lines());
    }

    /** Read, the rest of the file would be one rejected record, counted once against the reject limit. */
    @Test
    void aQuoteLeftOpenBeforeTheLastLineFailsTheScan() {
        byte[] text = "id,note\n1,x\n2,\"open\n3,y\n4,z".getBytes(StandardCharsets.UTF_8);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> InputFile.scanCsv("cases.csv", new ByteArrayResource(text)));
        assertEquals("cases.csv: the quote opened in the record at line 3 is never closed, so lines 3 to 5 would be"
                + " one record; the file is refused and nothing of it is published", refused.getMessage());
    }

    @Test
    void aQuoteAfterOtherTextIsTextAndJoinsNoLine() throws Exception {
        List<Read> records = read("id,drug\n1,5\" tablet\n2,x\n");
        assertEquals(List.of(new Read(2, List.of("1", "5\" tablet"), null), new Read(3, List.of("2", "x"), null)),
                records);
    }

    /** The independent count of records agrees with what the reader reads, for every shape of quoting. */
    @ParameterizedTest
    @ValueSource(strings = {"h\n", "h\na\n", "h\n\"a\nb\"\n", "h\n\"a\r\nb\"\r\nc", "h\n\"a\rb\"\r", "h\n\"open\n",
            "h\n\"open", "h\n\"\"\"\n\"\"\"\n", "h\na,\"\"\nb\n", "h\n\"a\"\"\nb\",c\n", "h\nx\"y\nz\n",
            "h\n\"a\"b\nc\n", "h\n\n\n", "h\n,\"\n\",\n"})
    void theScanCountsTheRecordsTheReaderReads(String text) throws Exception {
        List<Read> records = read(text);
        InputFile scanned = InputFile.scanCsv("t", new ByteArrayResource(text.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(records.size() + 1, scanned.lines(), () -> "for " + text.replace("\r", "\\r")
                .replace("\n", "\\n") + ": " + records);
    }

    @Test
    void aRecordLongerThanTheLimitFailsTheScan() {
        byte[] open = ("h\n\"" + "x\n".repeat(InputFile.MAX_LINE_BYTES / 2 + 1)).getBytes(StandardCharsets.US_ASCII);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> InputFile.scanCsv("cases.csv", new ByteArrayResource(open)));
        assertEquals("cases.csv: the line that starts at line 2 is longer than 1048576 bytes (no line break, or a"
                + " quote left open?); the file is refused and nothing of it is published", refused.getMessage());
    }

    /** Reads every record after the header, as the load steps do: fields as many as the header's. */
    private static List<Read> read(String text) throws Exception {
        CsvLines csv = new CsvLines(new StrictDecoder(StandardCharsets.UTF_8));
        FlatFileItemReader<LakeRow> reader = ByteLineReaders.csv("t", new ByteArrayResource(
                text.getBytes(StandardCharsets.UTF_8)), (record, lastLine) -> new LakeRow(
                        CsvLines.firstLine(record, lastLine), csv.fields(record, "t", lastLine)), csv::header);
        reader.open(new ExecutionContext());
        List<Read> records = new ArrayList<>();
        try {
            while (true) {
                try {
                    LakeRow row = reader.read();
                    if (row == null) {
                        return records;
                    }
                    List<String> fields = new ArrayList<>();
                    for (Object v : row.values()) {
                        fields.add((String) v);
                    }
                    records.add(new Read(row.lineNo(), fields, null));
                } catch (FlatFileParseException rejected) {
                    records.add(new Read(CsvLines.firstLine(rejected.getInput(), rejected.getLineNumber()), null,
                            rejected.getInput()));
                }
            }
        } finally {
            reader.close();
        }
    }

    @Test
    void firstLineCountsTheJoinedBreaks() {
        assertEquals(7, CsvLines.firstLine("a,\"b\nc\"", 8));
        assertEquals(8, CsvLines.firstLine("a,b", 8));
    }
}
