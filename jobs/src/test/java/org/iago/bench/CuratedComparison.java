package org.iago.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;

/**
 * Benchmark tool: iago's curated tables against {@link DuckDbCurateBaseline}'s, row by row, with the integer keys
 * replaced by the product and PT they stand for (each run numbers its own). Per table: rows in each and rows only in
 * one (as multisets: {@code EXCEPT ALL}). Exit status 1 when a table differs.
 * <p>
 * Usage: {@code CuratedComparison <iago curated folder> <baseline output folder>}; DuckDB within 10 GB, spilling to
 * {@code <baseline output folder>/.tmp}.
 */
public final class CuratedComparison {

    private CuratedComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path iago = Path.of(args[0]);
        Path duckdb = Path.of(args[1]);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put(CuratedTable.REPORTS.lakeName(), "SELECT * EXCLUDE (" + String.join(", ", CuratedTable.KEY_COLUMNS)
                + ") FROM {reports}");
        StringBuilder keys = new StringBuilder();
        for (String role : FaersTable.ROLE_CODS) {
            keys.append("SELECT report_id, '").append(role).append("' AS role_cod, product FROM (SELECT report_id, ")
                    .append("unnest(").append(CuratedTable.drugKeys(role)).append(") AS drug_key FROM {reports})")
                    .append(" JOIN {drugs} USING (drug_key) UNION ALL ");
        }
        queries.put("reports: key arrays", keys + "SELECT report_id, 'event', pt FROM (SELECT report_id, unnest("
                + CuratedTable.EVENT_KEYS + ") AS event_key FROM {reports}) JOIN {events} USING (event_key)");
        queries.put(CuratedTable.DRUGS.lakeName(), "SELECT product, ingredient, target FROM {drugs}");
        queries.put(CuratedTable.REPORT_DRUGS.lakeName(), "SELECT report_id, product, role_cod, drug_seq FROM {report_drugs}"
                + " JOIN {drugs} USING (drug_key)");
        queries.put(CuratedTable.EVENTS.lakeName(), "SELECT pt FROM {events}");
        queries.put(CuratedTable.REPORT_EVENTS.lakeName(), "SELECT report_id, pt FROM {report_events} JOIN {events} USING (event_key)");
        queries.put(CuratedTable.EVENT_GROUPS.lakeName(), "SELECT pt, term_group FROM {event_groups} JOIN {events} USING (event_key)");
        queries.put(CuratedTable.DUPLICATES.lakeName(), "SELECT * FROM {duplicates}");
        queries.put(CuratedTable.DRUG_NAMES.lakeName(), "SELECT drugname, prod_ai, product, ingredient, source, reports, \"rows\""
                + " FROM {drug_names}");
        boolean differ = false;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            s.execute("SET memory_limit = '10GB'");
            s.execute("SET temp_directory = '" + duckdb.resolve(".tmp") + "'");
            System.out.printf("%-20s %12s %12s %12s %12s%n", "table", "iago rows", "duckdb rows", "only iago",
                    "only duckdb");
            for (Map.Entry<String, String> q : queries.entrySet()) {
                String a = tables(q.getValue(), iago, true);
                String b = tables(q.getValue(), duckdb, false);
                long[] n = new long[4];
                int i = 0;
                for (String query : new String[] {"SELECT count(*) FROM (" + a + ")", "SELECT count(*) FROM (" + b + ")",
                        "SELECT count(*) FROM ((" + a + ") EXCEPT ALL (" + b + "))",
                        "SELECT count(*) FROM ((" + b + ") EXCEPT ALL (" + a + "))"}) {
                    try (ResultSet rs = s.executeQuery(query)) {
                        rs.next();
                        n[i++] = rs.getLong(1);
                    }
                }
                differ |= n[2] != 0 || n[3] != 0;
                System.out.printf("%-20s %12d %12d %12d %12d%s%n", q.getKey(), n[0], n[1], n[2], n[3],
                        n[2] == 0 && n[3] == 0 ? "" : "  DIFFERENT");
            }
        }
        System.out.println(differ ? "curated tables: DIFFERENT" : "curated tables: equal");
        System.exit(differ ? 1 : 0);
    }

    /** {name} replaced by the table's Parquet: iago's folder of parts, the baseline's one file. */
    private static String tables(String query, Path folder, boolean iago) {
        String result = query;
        for (CuratedTable curated : CuratedTable.values()) {
            String table = curated.lakeName();
            result = result.replace("{" + table + "}", "read_parquet('" + folder.resolve(iago ? table + "/*.parquet"
                    : table + ".parquet") + "')");
        }
        return result;
    }
}
