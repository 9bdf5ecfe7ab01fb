package org.iago.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;

/**
 * Benchmark tool: what the duplicate rule changes in the signals of one lake, from two {@code iago signals} output
 * folders (curated with {@code --duplicates none}, then with the rule), read side by side by DuckDB: pairs only in one,
 * pairs whose a changed (and by how much), and per method the flags raised and dropped.
 * Usage: {@code DuplicateRuleEffect <signals without the rule> <signals with the rule>}.
 */
public final class DuplicateRuleEffect {

    private static final List<String> METHODS = List.of("prr", "ror", "ic", "ebgm", "llr");

    private DuplicateRuleEffect() {
    }

    public static void main(String[] args) throws Exception {
        String without = Path.of(args[0]).resolve("disproportionality.csv").toString();
        String with = Path.of(args[1]).resolve("disproportionality.csv").toString();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            s.execute(("CREATE TABLE pairs AS SELECT coalesce(o.drug, n.drug) AS drug, coalesce(o.event, n.event)"
                    + " AS event, o.a AS a_without, n.a AS a_with, %s FROM read_csv('%s', header = true) o FULL JOIN"
                    + " read_csv('%s', header = true) n ON o.drug = n.drug AND o.event = n.event").formatted(
                    String.join(", ", METHODS.stream().map(m -> "o.signal_%1$s AS %1$s_without, n.signal_%1$s AS %1$s_with"
                            .formatted(m)).toList()), without, with));
            print(s, "pairs", "SELECT count(*) AS pairs, count(*) FILTER (a_with IS NULL) AS only_without_rule,"
                    + " count(*) FILTER (a_without IS NULL) AS only_with_rule,"
                    + " count(*) FILTER (a_with < a_without) AS a_lower, sum(a_without - a_with) AS reports_removed_from_a"
                    + " FROM pairs");
            for (String m : METHODS) {
                print(s, m, ("SELECT count(*) FILTER (%1$s_without) AS flagged_without,"
                        + " count(*) FILTER (%1$s_with) AS flagged_with,"
                        + " count(*) FILTER (coalesce(%1$s_without, false) AND NOT coalesce(%1$s_with, false))"
                        + " AS dropped_by_rule,"
                        + " count(*) FILTER (coalesce(%1$s_with, false) AND NOT coalesce(%1$s_without, false))"
                        + " AS raised_by_rule FROM pairs").formatted(m));
            }
            print(s, "largest a changes", "SELECT drug, event, a_without, a_with FROM pairs"
                    + " WHERE coalesce(a_with, 0) <> a_without ORDER BY a_without - coalesce(a_with, 0) DESC, drug,"
                    + " event LIMIT 5");
        }
    }

    private static void print(Statement s, String title, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder line = new StringBuilder(title).append(':');
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    line.append(' ').append(md.getColumnLabel(i)).append('=').append(rs.getString(i));
                }
                System.out.println(line);
            }
        }
    }
}
