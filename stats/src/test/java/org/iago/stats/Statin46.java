package org.iago.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pvLRT 0.5.1's {@code statin46} table (FAERS 2014Q3–2020Q4, 47 adverse-event rows × 7 drug columns, total
 * 63,976,610) from {@code reference/pvlrt/statin46_matrix.csv}; see the PROVENANCE.md next to the file.
 */
final class Statin46 {

    private static final String RESOURCE = "/reference/pvlrt/statin46_matrix.csv";

    final List<String> events;
    final List<String> drugs;
    /** counts[event][drug]. */
    final long[][] counts;

    private Statin46(List<String> events, List<String> drugs, long[][] counts) {
        this.events = events;
        this.drugs = drugs;
        this.counts = counts;
    }

    static Statin46 load() {
        try (InputStream in = Statin46.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = unquote(reader.readLine().split(","));
            List<String> events = new ArrayList<>();
            List<long[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                List<String> cells = unquote(line.split(","));
                events.add(cells.get(0));
                rows.add(cells.subList(1, cells.size()).stream().mapToLong(Long::parseLong).toArray());
            }
            return new Statin46(events, header.subList(1, header.size()), rows.toArray(long[][]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long[] eventTotals() {
        return Arrays.stream(counts).mapToLong(row -> Arrays.stream(row).sum()).toArray();
    }

    long[] drugColumn(String drug) {
        int j = drugs.indexOf(drug);
        if (j < 0) {
            throw new IllegalArgumentException("no drug " + drug);
        }
        return Arrays.stream(counts).mapToLong(row -> row[j]).toArray();
    }

    long total() {
        return Arrays.stream(eventTotals()).sum();
    }

    int event(String name) {
        int i = events.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no event " + name);
        }
        return i;
    }

    private static List<String> unquote(String[] cells) {
        return Arrays.stream(cells).map(cell -> cell.replaceAll("^\"|\"$", "")).toList();
    }
}
