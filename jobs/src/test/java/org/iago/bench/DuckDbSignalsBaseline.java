package org.iago.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Benchmark baseline: DuckDB SQL computing, from iago's curated Parquet, what a drug-safety team's in-house SQL
 * computes: a, b, c, d counted as distinct reports (primary suspect drugs by product, PTs, reports with both), PRR and
 * ROR for every pair, written to Parquet. Two threads, like the machine. Usage:
 * {@code DuckDbSignalsBaseline <lake> <output.parquet>}
 */
public final class DuckDbSignalsBaseline {

    private DuckDbSignalsBaseline() {
    }

    public static void main(String[] args) throws Exception {
        Path curated = Path.of(args[0]).resolve("curated");
        String out = args[1];
        String sql = """
                COPY (
                  WITH rd AS (SELECT DISTINCT rd.report_id, d.product AS drug
                              FROM read_parquet('%1$s/report_drugs/*.parquet') rd
                              JOIN read_parquet('%1$s/drugs/*.parquet') d USING (drug_key)
                              WHERE rd.role_cod = 'PS'),
                       re AS (SELECT DISTINCT re.report_id, e.pt AS event
                              FROM read_parquet('%1$s/report_events/*.parquet') re
                              JOIN read_parquet('%1$s/events/*.parquet') e USING (event_key)),
                       counted AS (SELECT report_id FROM rd INTERSECT SELECT report_id FROM re),
                       rd2 AS (SELECT * FROM rd SEMI JOIN counted USING (report_id)),
                       re2 AS (SELECT * FROM re SEMI JOIN counted USING (report_id)),
                       pairs AS (SELECT drug, event, count(*) AS a FROM rd2 JOIN re2 USING (report_id)
                                 GROUP BY drug, event),
                       nd AS (SELECT drug, count(*) AS n_drug FROM rd2 GROUP BY drug),
                       ne AS (SELECT event, count(*) AS n_event FROM re2 GROUP BY event),
                       n AS (SELECT count(*) AS n FROM counted),
                       t AS (SELECT drug, event, a, n_drug - a AS b, n_event - a AS c, n - n_drug - n_event + a AS d
                             FROM pairs JOIN nd USING (drug) JOIN ne USING (event) CROSS JOIN n)
                  SELECT *, (a / (a + b)) / (c / (c + d)) AS prr, (a * d) / (b * c) AS ror FROM t
                ) TO '%2$s' (FORMAT parquet)
                """.formatted(curated, out);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            s.execute(sql);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + out + "')")) {
                rs.next();
                System.out.println("duckdb pairs " + rs.getLong(1));
            }
        }
    }
}
