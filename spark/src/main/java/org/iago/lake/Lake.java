package org.iago.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.iago.vocabulary.Quarter;

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
 * &lt;lake&gt;/curated/&lt;table&gt;/                     deduplicated, normalised, integer-keyed (curate job); on S3
 *                                                 _current names the published version in _versions/ (PointerPublisher)
 * &lt;lake&gt;/curated/.staging/&lt;table&gt;/            curate's tables being written (disk and HDFS), invisible to readers
 * &lt;lake&gt;/_staging/                             partitions being written, invisible to readers
 * &lt;lake&gt;/_publishing/&lt;job&gt;-&lt;instance&gt;.json       a publish under way: readers refuse its tables
 * &lt;lake&gt;/_state/                               the embedded JobRepository (H2) and the run lock
 * </pre>
 * The ingest jobs write a local lake through {@code java.nio} ({@link #root()} and the methods returning
 * {@code java.nio.file.Path}). The Spark jobs reach the lake by its Hadoop {@link #location()} and the methods ending
 * in {@code Location}, so the same lake can be copied to HDFS and curated and analysed there.
 */
public final class Lake {

    private final org.apache.hadoop.fs.Path location;
    /** Null for a lake that is not on the local file system. */
    private final Path root;

    /**
     * @throws IllegalArgumentException for a folder whose path holds a character of Hadoop's glob patterns (Spark
     *                                  would read {@code /data/a*} as every folder it matches)
     */
    public Lake(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.location = LakePaths.location(this.root);
        requireLiteral(this.root.toString());
    }

    private Lake(org.apache.hadoop.fs.Path location) {
        this.root = null;
        this.location = location;
        requireLiteral(location.toString());
    }

    /** A case source's name: a folder name, so nothing Spark would read as a pattern or as another folder. */
    public static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /** What Hadoop's glob patterns reserve: Spark expands them in every path it reads. */
    private static final Pattern GLOB = Pattern.compile("[{}\\[\\]*?\\\\]");

    private static void requireLiteral(String path) {
        Matcher glob = GLOB.matcher(path);
        if (glob.find()) {
            throw new IllegalArgumentException("the lake folder " + path + " holds '" + glob.group() + "', which Spark"
                    + " reads as a pattern matching other folders: choose a lake folder without any of { } [ ] * ? \\");
        }
    }

    /** @throws IllegalArgumentException naming the rule, for a name that is not a {@link #SOURCE_NAME} */
    public static String requireSourceName(String source) {
        if (source == null || !SOURCE_NAME.matcher(source).matches()) {
            throw new IllegalArgumentException("a case source is named by letters, digits, '_', '.' or '-', starting"
                    + " with a letter or digit: '" + source + "'");
        }
        return source;
    }

    /** The lake at a command-line argument: a local path, a {@code file:} URI, or a URI such as {@code hdfs://…}. */
    public static Lake at(String argument) {
        org.apache.hadoop.fs.Path location = LakePaths.location(argument);
        return LakePaths.isLocal(location) ? new Lake(Path.of(location.toUri().getPath())) : new Lake(location);
    }

    /**
     * The local folder of the lake.
     *
     * @throws IllegalStateException for a lake on another file system, which only the Spark jobs can reach
     */
    public Path root() {
        if (root == null) {
            throw new IllegalStateException("the lake at " + location + " is not on the local file system; only the "
                    + "Spark jobs (curate, signals, registry time-to-event) can use it there");
        }
        return root;
    }

    public org.apache.hadoop.fs.Path location() {
        return location;
    }

    /** How tables are published in this lake: see {@link Publisher#of}. */
    public Publisher publisher(Configuration conf) throws IOException {
        return Publisher.of(location, conf);
    }

    public Path faersTable(FaersTable table) {
        return root().resolve(faersTableFolder(table));
    }

    public org.apache.hadoop.fs.Path faersTableLocation(FaersTable table) {
        return new org.apache.hadoop.fs.Path(location, faersTableFolder(table));
    }

    public Path faersPartition(FaersTable table, Quarter quarter) {
        return faersTable(table).resolve(quarterPartition(quarter));
    }

    public Path faersRejects(Quarter quarter) {
        return root().resolve("rejects").resolve("faers").resolve(quarterPartition(quarter));
    }

    public Path faersManifest(Quarter quarter) {
        return root().resolve("_meta").resolve("faers").resolve(quarterPartition(quarter) + ".json");
    }

    public Path cases() {
        return root().resolve("cases");
    }

    public Path casesPartition(String source) {
        return root().resolve(casesFolder(source));
    }

    public org.apache.hadoop.fs.Path casesLocation(String source) {
        return new org.apache.hadoop.fs.Path(location, casesFolder(source));
    }

    public Path casesRejects(String source) {
        return root().resolve("rejects").resolve("cases").resolve("source=" + requireSourceName(source));
    }

    public Path casesManifest(String source) {
        return root().resolve("_meta").resolve("cases").resolve("source=" + requireSourceName(source) + ".json");
    }

    public Path registryTable(RegistryTable table) {
        return root().resolve(registryTableFolder(table));
    }

    public org.apache.hadoop.fs.Path registryTableLocation(RegistryTable table) {
        return new org.apache.hadoop.fs.Path(location, registryTableFolder(table));
    }

    public Path registryRejects() {
        return root().resolve("rejects").resolve("registry");
    }

    public Path registryManifest() {
        return root().resolve("_meta").resolve("registry.json");
    }

    public Path curated(CuratedTable table) {
        return curated(table.lakeName());
    }

    /** A file beside the curated tables, as {@link CuratedTable#SUMMARY}. */
    public Path curated(String file) {
        return root().resolve(curatedFolder(file));
    }

    public org.apache.hadoop.fs.Path curatedLocation(CuratedTable table) {
        return curatedLocation(table.lakeName());
    }

    /** A file beside the curated tables, as {@link CuratedTable#SUMMARY}. */
    public org.apache.hadoop.fs.Path curatedLocation(String file) {
        return new org.apache.hadoop.fs.Path(location, curatedFolder(file));
    }

    public Path staging() {
        return root().resolve(STAGING);
    }

    public Path defaultState() {
        return root().resolve("_state");
    }

    public static String quarterPartition(Quarter quarter) {
        return "quarter=" + quarter;
    }

    private static final String STAGING = "_staging";

    private static String faersTableFolder(FaersTable table) {
        return "faers/" + table.lakeName();
    }

    private static String casesFolder(String source) {
        return "cases/source=" + requireSourceName(source);
    }

    private static String registryTableFolder(RegistryTable table) {
        return "registry/" + table.lakeName();
    }

    private static String curatedFolder(String name) {
        return "curated/" + name;
    }

    @Override
    public String toString() {
        return root != null ? root.toString() : location.toString();
    }
}
