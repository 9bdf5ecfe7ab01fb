package org.iago.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.iago.csv.CsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's CSV twin: string columns are text, marked where a spreadsheet would run them; numbers stay numbers. */
class CsvOutputTest {

    @TempDir
    Path work;

    @Test
    void hostileNamesAreMarkedAndNumbersAreNot() throws IOException {
        Path file = work.resolve("disproportionality.csv");
        List<Row> rows = List.of(
                RowFactory.create("=HYPERLINK(\"http://x.example\",\"BCMA\")", "+1+cmd|' /C calc'!A0", 3L, -0.35,
                        Double.NEGATIVE_INFINITY, Double.NaN, true, null),
                RowFactory.create("BCMA", "@SUM(A1:A9)", 12L, 1.5, Double.POSITIVE_INFINITY, 0.0, false, "-"));

        CsvOutput.write(file, List.of("drug", "event", "a", "ic025", "lower", "p", "flag", "note"), rows.iterator());

        assertEquals("""
                drug,event,a,ic025,lower,p,flag,note
                "'=HYPERLINK(""http://x.example"",""BCMA"")","'+1+cmd|' /C calc'!A0",3,-0.35,-Infinity,NaN,true,
                BCMA,"'@SUM(A1:A9)",12,1.5,Infinity,0.0,false,"'-"
                """, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("=HYPERLINK(\"http://x.example\",\"BCMA\")", "+1+cmd|' /C calc'!A0", "3", "-0.35",
                "-Infinity", "NaN", "true", ""), CsvReader.read(file).get(1), "read back as written by the job");
    }
}
