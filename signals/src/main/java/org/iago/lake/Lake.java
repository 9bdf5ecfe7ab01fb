package org.iago.lake;

import java.nio.file.Path;

/**
 * Where things live in a lake directory. Data is Hive-partitioned Parquet; folders whose names start with {@code _}
 * or {@code .} hold state, staging and metadata, which Spark and DuckDB skip when they discover partitions.
 * <pre>
 * &lt;lake&gt;/faers/&lt;table&gt;/quarter=2024Q4/part-*.parquet
 * &lt;lake&gt;/cases/source=&lt;name&gt;/part-*.parquet
 * &lt;lake&gt;/registry/&lt;table&gt;/part-*.parquet        the latest registry extract
 * &lt;lake&gt;/rejects/faers/quarter=2024Q4/&lt;table&gt;.jsonl
 * &lt;lake&gt;/rejects/cases/source=&lt;name&gt;/cases.jsonl
 * &lt;lake&gt;/rejects/registry/&lt;table&gt;.jsonl
 * &lt;lake&gt;/_meta/faers/quarter=2024Q4.json       what was ingested, with per-file reconciliation
 * &lt;lake&gt;/curated/&lt;table&gt;/                     deduplicated, normalised, integer-keyed (curate job)
 * &lt;lake&gt;/_staging/                             partitions being written, invisible to readers
 * &lt;lake&gt;/_state/                               the embedded JobRepository (H2) and the run lock
 * </pre>
 */
public final class Lake {

    private final Path root;

    public Lake(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path faersTable(FaersTable table) {
        return root.resolve("faers").resolve(table.lakeName());
    }

    public Path faersPartition(FaersTable table, Quarter quarter) {
        return faersTable(table).resolve(quarterPartition(quarter));
    }

    public Path faersRejects(Quarter quarter) {
        return root.resolve("rejects").resolve("faers").resolve(quarterPartition(quarter));
    }

    public Path faersManifest(Quarter quarter) {
        return root.resolve("_meta").resolve("faers").resolve(quarterPartition(quarter) + ".json");
    }

    public Path cases() {
        return root.resolve("cases");
    }

    public Path casesPartition(String source) {
        return cases().resolve("source=" + source);
    }

    public Path casesRejects(String source) {
        return root.resolve("rejects").resolve("cases").resolve("source=" + source);
    }

    public Path casesManifest(String source) {
        return root.resolve("_meta").resolve("cases").resolve("source=" + source + ".json");
    }

    public Path registryTable(RegistryTable table) {
        return root.resolve("registry").resolve(table.lakeName());
    }

    public Path registryRejects() {
        return root.resolve("rejects").resolve("registry");
    }

    public Path registryManifest() {
        return root.resolve("_meta").resolve("registry.json");
    }

    public Path curated(String table) {
        return root.resolve("curated").resolve(table);
    }

    public Path staging() {
        return root.resolve("_staging");
    }

    public Path defaultState() {
        return root.resolve("_state");
    }

    public static String quarterPartition(Quarter quarter) {
        return "quarter=" + quarter;
    }
}
