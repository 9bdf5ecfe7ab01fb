package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iago.curate.CurateJob;
import org.iago.curate.CurationSummary;
import org.iago.dictionary.ProductDictionary;
import org.iago.curate.TermGroups;
import org.iago.disproportionality.DisproportionalityJob;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.CuratedTable;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.spark.ParquetOutput;
import org.iago.stats.SignalThresholds;
import org.iago.synth.SynthManifest;
import org.iago.testing.LocalObjectStore;
import org.iago.testing.Samples;
import org.iago.testing.SharedSpark;
import org.iago.tte.registry.RegistryTteJob;
import org.iago.tte.registry.RegistryTteOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spark jobs with their lake and outputs off the local disk: in HDFS (an in-process NameNode and DataNode, Hadoop's
 * MiniDFSCluster, the version Spark is built against), where iago publishes by renames, and on an object store
 * ({@link LocalObjectStore}, with S3's semantics), where it publishes by versions and a pointer and may not rename.
 * A lake ingested locally is copied to each, as a team moving to a cluster would do, and curate, signals (with the
 * emergence series) and registry time-to-event run on all three copies. Every curated table and output must be equal,
 * row for row and byte for byte; nothing staged, set aside or half-written may be left; and curating again replaces
 * the published tables.
 */
class RemoteLakeTest {

    private static final List<CuratedTable> CURATED = List.of(CuratedTable.REPORTS, CuratedTable.DRUGS,
            CuratedTable.REPORT_DRUGS, CuratedTable.EVENTS, CuratedTable.REPORT_EVENTS, CuratedTable.EVENT_GROUPS,
            CuratedTable.DUPLICATES, CuratedTable.DRUG_NAMES);
    private static final List<String> SIGNAL_FILES = List.of("disproportionality.csv", "mgps_prior.json",
            "emergence.csv", "emergence_priors.csv", "emergence_series.csv");

    /** A lake and output folder off the local disk, the file system they are on, and what curating them gave. */
    private record Remote(Lake lake, org.apache.hadoop.fs.Path out, FileSystem fs, CurationSummary summary) {
    }

    @TempDir
    static Path work;
    static MiniDFSCluster hdfs;
    static Lake local;
    static Path localOut;
    static CurationSummary localSummary;
    static final Map<String, Remote> REMOTES = new TreeMap<>();

    @BeforeAll
    static void runOnALocalLakeAndOnItsCopies() throws Exception {
        local = new Lake(work.resolve("lake"));
        // the synthetic samples carry planted defects, which ingestion rejects
        Path synthetic = Samples.root().resolve("faers/synthetic");
        // two quarters: enough for an emergence series, few enough to keep the test short
        for (SynthManifest.QuarterEntry q : SynthManifest.read(synthetic.resolve(SynthManifest.FILE_NAME)).quarters()
                .subList(0, 2)) {
            assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, Cli.run("ingest", "faers", "--input", synthetic.resolve(
                    "faers_ascii_" + q.quarter().toLowerCase(Locale.ROOT) + ".zip").toString(), "--lake",
                    local.root().toString()).exitCode());
        }
        // 1 planted defect in the 34 lines of neoplasms.csv is above the default limit of 1%
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, Cli.run("ingest", "registry", "--input",
                Samples.root().resolve("registry").toString(), "--lake", local.root().toString(), "--conf",
                conf().toString(), "--max-reject-fraction", "0.05").exitCode());
        localOut = work.resolve("out");
        localSummary = curate(local);
        analyse(local, LakePaths.location(localOut));

        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        String namenode = hdfs.getURI().toString();
        copyAndRun("hdfs", hdfs.getFileSystem(), Lake.at(namenode + "/iago/lake"),
                LakePaths.location(namenode + "/iago/out"));

        Configuration spark = SharedSpark.session().sparkContext().hadoopConfiguration();
        LocalObjectStore.register(spark);
        org.apache.hadoop.fs.Path bucket = LocalObjectStore.location(work.resolve("s3"));
        copyAndRun("s3a", bucket.getFileSystem(spark), Lake.at(bucket + "/iago/lake"),
                new org.apache.hadoop.fs.Path(bucket, "iago/out"));
    }

    /** The local lake as ingested and curated, copied over, then curated and analysed there. */
    private static void copyAndRun(String scheme, FileSystem fs, Lake lake, org.apache.hadoop.fs.Path out)
            throws IOException {
        fs.copyFromLocalFile(false, true, local.location(), lake.location());
        REMOTES.put(scheme, new Remote(lake, out, fs, curate(lake)));
        analyse(lake, out);
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void theLakesReallyAreRemote() {
        assertEquals(List.of("hdfs", "s3a"), List.copyOf(REMOTES.keySet()));
        REMOTES.forEach((scheme, remote) -> {
            assertEquals(scheme, remote.lake().location().toUri().getScheme());
            assertEquals(scheme, remote.out().toUri().getScheme());
        });
        assertTrue(localSummary.reports() > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hdfs", "s3a"})
    void curatedTablesAreEqualRowForRow(String scheme) throws IOException {
        Remote remote = REMOTES.get(scheme);
        assertEquals(localSummary, remote.summary());
        for (CuratedTable table : CURATED) {
            assertEquals(rows(local.curatedLocation(table)), rows(remote.lake().curatedLocation(table)),
                    table.lakeName());
        }
        for (String file : List.of(CuratedTable.SUMMARY, CuratedTable.UNMAPPED_DRUG_NAMES)) {
            assertArrayEquals(Files.readAllBytes(local.curated(file)), bytes(remote, remote.lake().curatedLocation(file)),
                    file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hdfs", "s3a"})
    void signalOutputsAreEqualByteForByte(String scheme) throws IOException {
        Remote remote = REMOTES.get(scheme);
        for (String file : SIGNAL_FILES) {
            assertArrayEquals(Files.readAllBytes(localOut.resolve(file)),
                    bytes(remote, new org.apache.hadoop.fs.Path(remote.out(), file)), file);
        }
        for (String table : List.of("disproportionality", "emergence_series")) {
            assertEquals(rows(LakePaths.location(localOut.resolve(table))),
                    rows(new org.apache.hadoop.fs.Path(remote.out(), table)), table);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hdfs", "s3a"})
    void registryTimeToEventOutputsAreEqualByteForByte(String scheme) throws IOException {
        Remote remote = REMOTES.get(scheme);
        List<String> files;
        try (var listing = Files.list(localOut.resolve(RegistryTteJob.FOLDER))) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> !Files.isDirectory(localOut
                    .resolve(RegistryTteJob.FOLDER).resolve(n))).sorted().toList();
        }
        assertTrue(files.contains("summary.json") && files.contains("cumulative_incidence.csv"), files.toString());
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(localOut.resolve(RegistryTteJob.FOLDER).resolve(file)),
                    bytes(remote, new org.apache.hadoop.fs.Path(remote.out(), RegistryTteJob.FOLDER + "/" + file)),
                    file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hdfs", "s3a"})
    void curatingAgainReplacesThePublishedTablesAndLeavesNothingBehind(String scheme) throws Exception {
        Remote remote = REMOTES.get(scheme);
        assertEquals(remote.summary(), curate(remote.lake()));
        for (CuratedTable table : CURATED) {
            assertEquals(rows(local.curatedLocation(table)), rows(remote.lake().curatedLocation(table)),
                    table.lakeName());
        }
        List<String> leftovers = new ArrayList<>();
        for (org.apache.hadoop.fs.Path root : List.of(remote.lake().location(), remote.out())) {
            RemoteIterator<LocatedFileStatus> files = remote.fs().listFiles(root, true);
            while (files.hasNext()) {
                String path = files.next().getPath().toString();
                if (path.contains(".replaced") || path.contains(".tmp") || path.contains(".staging")
                        || path.contains(".upload") || path.contains("/_temporary")) {
                    leftovers.add(path);
                }
            }
        }
        assertEquals(List.of(), leftovers);
        if (scheme.equals("s3a")) {
            for (CuratedTable table : CURATED) {
                org.apache.hadoop.fs.Path folder = remote.lake().curatedLocation(table);
                assertEquals(Set.of("_current", "_versions"), names(remote.fs(), folder), table.lakeName());
                assertEquals(2, names(remote.fs(), new org.apache.hadoop.fs.Path(folder, "_versions")).size(),
                        table + ": this one and the one before");
            }
            for (String table : List.of("disproportionality", "emergence_series")) {
                assertEquals(Set.of("_current", "_versions"),
                        names(remote.fs(), new org.apache.hadoop.fs.Path(remote.out(), table)), table);
            }
        }
    }

    private static CurationSummary curate(Lake lake) throws IOException {
        return new CurateJob(SharedSpark.session(), lake, ProductDictionary.load(conf().resolve("products.yaml")),
                TermGroups.load(conf().resolve("term-groups.yaml"))).run();
    }

    private static void analyse(Lake lake, org.apache.hadoop.fs.Path out) throws IOException {
        SparkSession spark = SharedSpark.session();
        DisproportionalityJob job = new DisproportionalityJob(spark, SignalThresholds.load(conf()
                .resolve("iago.yaml")));
        SignalInput input = SignalInput.faers(spark, lake, SignalInput.DrugLevel.PRODUCT, SignalInput.EventLevel.PT,
                SignalInput.Roles.PS, List.of(), null, false);
        job.run(input, false, out);
        job.emergence(input::through, SignalInput.quarters(spark, lake, null), false, out,
                SignalInput.cartDrugs(spark, lake, SignalInput.DrugLevel.PRODUCT));
        new RegistryTteJob(spark).run(lake, out, RegistryTteOptions.defaults());
    }

    /** Every row of a published Parquet table, sorted by every column. */
    private static List<String> rows(org.apache.hadoop.fs.Path table) {
        Dataset<Row> rows = ParquetOutput.read(SharedSpark.session(), table);
        return rows.orderBy(rows.columns()[0], Arrays.copyOfRange(rows.columns(), 1, rows.columns().length))
                .collectAsList().stream().map(Row::toString).toList();
    }

    private static Set<String> names(FileSystem fs, org.apache.hadoop.fs.Path folder) throws IOException {
        return Stream.of(fs.listStatus(folder)).map(status -> status.getPath().getName()).collect(Collectors.toSet());
    }

    private static byte[] bytes(Remote remote, org.apache.hadoop.fs.Path file) throws IOException {
        try (InputStream in = remote.fs().open(file)) {
            return in.readAllBytes();
        }
    }

    private static Path conf() {
        return Samples.root().resolveSibling("conf");
    }
}
