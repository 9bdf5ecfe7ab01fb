package org.iago.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns by name, extra ones allowed, a missing one an error that names the file and the column. */
class CsvTableTest {

    @TempDir
    Path work;

    @Test
    void columnsAreReadByNameWhateverTheirOrderAndCase() throws IOException {
        CsvTable table = table("EB05,drug,extra\n2.5,A,x\n,B,y\n");
        assertEquals("A", table.rows().get(0).get("drug"));
        assertEquals(2.5, table.rows().get(0).number("eb05"));
        assertTrue(Double.isNaN(table.rows().get(1).number("eb05")));
        assertTrue(table.has("Extra"));
    }

    @Test
    void aColumnTheFileDoesNotHaveFailsWithFileAndColumn() throws IOException {
        CsvTable table = table("drug,eb05_renamed\nA,2.5\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.rows().get(0).number("eb05"));
        assertTrue(e.getMessage().contains("signals.csv") && e.getMessage().endsWith("no column eb05"),
                e.getMessage());
    }

    @Test
    void aShortRowReadsItsMissingCellsAsEmpty() throws IOException {
        assertEquals("", table("drug,event\nA\n").rows().get(0).get("event"));
    }

    private CsvTable table(String text) throws IOException {
        Path file = work.resolve("signals.csv");
        Files.writeString(file, text);
        return CsvTable.read(file);
    }
}
