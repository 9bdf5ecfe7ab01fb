package org.iago.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads lake Parquet with DuckDB: a reader independent of the parquet-java writer and of Spark, so that tests check the
 * files themselves and not one library's view of them.
 */
public final class DuckLake implements AutoCloseable {

    private final Connection connection;

    public DuckLake() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = 2");
        }
    }

    /** {@code read_parquet} of every part file under a folder, with Hive partition columns. */
    public static String parquet(Path folder) {
        return "read_parquet('" + folder.toAbsolutePath() + "/**/*.parquet', hive_partitioning = true,"
                + " union_by_name = true)";
    }

    public long count(Path folder) throws SQLException {
        return ((Number) single("SELECT count(*) FROM " + parquet(folder))).longValue();
    }

    public Object single(String sql) throws SQLException {
        List<Map<String, Object>> rows = rows(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
        }
        return rows.get(0).values().iterator().next();
    }

    public List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
