package org.iago.synth.registry;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.iago.synth.LineTally;

/**
 * One RFC 4180 file of the extract: header row, comma-separated fields, quoted only when a field holds a comma,
 * quote or line break, {@code \n} line ends. It counts data lines and, apart, the deliberately invalid ones, so the
 * manifest can give defect lines by their physical line number.
 */
final class CsvTable implements Closeable {

    private final Writer out;
    private final LineTally tally = new LineTally();

    CsvTable(Path folder, RegistryFile file) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(folder.resolve(file.fileName())),
                StandardCharsets.UTF_8), 1 << 16);
        line(file.columns().toArray(String[]::new));
    }

    void row(String... fields) throws IOException {
        line(fields);
        tally.valid();
    }

    /** Writes a deliberately invalid line and returns its 1-based physical line number (the header is line 1). */
    long invalidRow(String... fields) throws IOException {
        line(fields);
        tally.invalid();
        return tally.lines() + 1;
    }

    LineTally tally() {
        return tally;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void line(String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = fields[i];
            if (needsQuotes(field)) {
                out.write('"');
                out.write(field.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(field);
            }
        }
        out.write('\n');
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
