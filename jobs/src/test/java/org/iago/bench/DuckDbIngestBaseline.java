package org.iago.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark baseline: DuckDB's {@code read_csv} → Parquet of every table file of one extract folder, all columns as
 * text, '$'-delimited, no quoting, Snappy, on the machine's two cores. It validates nothing and keeps no account of
 * lines; it is the floor that iago's ingestion is measured against (bench/ingest-benchmark.sh).
 * <p>
 * Usage: {@code DuckDbIngestBaseline <extract folder> <output folder>}
 */
public final class DuckDbIngestBaseline {

    private DuckDbIngestBaseline() {
    }

    public static void main(String[] args) throws Exception {
        Path extract = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(extract)) {
            files = walk.filter(p -> p.getFileName().toString().toUpperCase(Locale.ROOT)
                    .matches("(DEMO|DRUG|REAC|OUTC|RPSR|THER|INDI)\\d\\dQ\\d.*\\.TXT")).sorted().toList();
        }
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            for (Path f : files) {
                Path target = out.resolve(f.getFileName().toString().replaceAll("(?i)\\.txt$", ".parquet"));
                s.execute("COPY (SELECT * FROM read_csv('" + f + "', delim = '$', header = true, quote = '',"
                        + " escape = '', all_varchar = true, strict_mode = false)) TO '" + target
                        + "' (FORMAT parquet, COMPRESSION snappy)");
                try (var rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + target + "')")) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        System.out.println("duckdb rows " + rows + " files " + files.size());
    }
}
