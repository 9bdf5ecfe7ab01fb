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
import org.iago.curate.ProductDictionary;
import org.iago.curate.TermGroups;
import org.iago.disproportionality.DisproportionalityJob;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.stats.SignalThresholds;
import org.iago.synth.SynthManifest;
import org.iago.testing.Samples;
import org.iago.testing.SharedSpark;
import org.iago.tte.registry.RegistryTteJob;
import org.iago.tte.registry.RegistryTteOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark jobs with their lake and outputs in HDFS: an in-process NameNode and DataNode (Hadoop's MiniDFSCluster,
 * the version Spark is built against). A lake ingested locally is copied into HDFS, as a team moving to a cluster would
 * do, and curate, signals (with the emergence series) and registry time-to-event run on both copies. Every curated
 * table and output must be equal, row for row and byte for byte; nothing staged, set aside or half-written may be left;
 * and curating again replaces the published tables in HDFS.
 */
class HdfsLakeTest {

    private static final List<String> CURATED = List.of(CurateJob.REPORTS, CurateJob.DRUGS, CurateJob.REPORT_DRUGS,
            CurateJob.EVENTS, CurateJob.REPORT_EVENTS, CurateJob.EVENT_GROUPS);
    private static final List<String> SIGNAL_FILES = List.of("disproportionality.csv", "mgps_prior.json",
            "emergence.csv", "emergence_priors.csv", "emergence_series.csv");

    @TempDir
    static Path work;
    static MiniDFSCluster hdfs;
    static FileSystem fs;
    static Lake local;
    static Lake remote;
    static Path localOut;
    static org.apache.hadoop.fs.Path remoteOut;
    static CurationSummary localSummary;
    static CurationSummary remoteSummary;

    @BeforeAll
    static void runOnALocalLakeAndOnItsCopyInHdfs() throws Exception {
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
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, Cli.run("ingest", "registry", "--input", Samples.root().resolve("registry")
                .toString(), "--lake", local.root().toString(), "--conf", conf().toString()).exitCode());

        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        fs = hdfs.getFileSystem();
        String namenode = hdfs.getURI().toString();
        remote = Lake.at(namenode + "/iago/lake");
        fs.copyFromLocalFile(false, true, local.location(), remote.location());
        remoteOut = LakePaths.location(namenode + "/iago/out");
        localOut = work.resolve("out");

        localSummary = curate(local);
        remoteSummary = curate(remote);
        analyse(local, LakePaths.location(localOut));
        analyse(remote, remoteOut);
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void theLakeReallyIsInHdfs() {
        assertEquals("hdfs", remote.location().toUri().getScheme());
        assertEquals("hdfs", remoteOut.toUri().getScheme());
        assertTrue(localSummary.reports() > 0);
    }

    @Test
    void curatedTablesAreEqualRowForRow() throws IOException {
        assertEquals(localSummary, remoteSummary);
        for (String table : CURATED) {
            assertEquals(rows(local.curatedLocation(table)), rows(remote.curatedLocation(table)), table);
        }
        assertArrayEquals(Files.readAllBytes(local.curated("_summary.json")),
                bytes(remote.curatedLocation("_summary.json")));
    }

    @Test
    void signalOutputsAreEqualByteForByte() throws IOException {
        for (String file : SIGNAL_FILES) {
            assertArrayEquals(Files.readAllBytes(localOut.resolve(file)),
                    bytes(new org.apache.hadoop.fs.Path(remoteOut, file)), file);
        }
        for (String table : List.of("disproportionality", "emergence_series")) {
            assertEquals(rows(LakePaths.location(localOut.resolve(table))),
                    rows(new org.apache.hadoop.fs.Path(remoteOut, table)), table);
        }
    }

    @Test
    void registryTimeToEventOutputsAreEqualByteForByte() throws IOException {
        List<String> files;
        try (var listing = Files.list(localOut.resolve(RegistryTteJob.FOLDER))) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> !Files.isDirectory(localOut
                    .resolve(RegistryTteJob.FOLDER).resolve(n))).sorted().toList();
        }
        assertTrue(files.contains("summary.json") && files.contains("cumulative_incidence.csv"), files.toString());
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(localOut.resolve(RegistryTteJob.FOLDER).resolve(file)),
                    bytes(new org.apache.hadoop.fs.Path(remoteOut, RegistryTteJob.FOLDER + "/" + file)), file);
        }
    }

    @Test
    void curatingAgainReplacesThePublishedTablesAndLeavesNothingBehind() throws Exception {
        assertEquals(remoteSummary, curate(remote));
        for (String table : CURATED) {
            assertEquals(rows(local.curatedLocation(table)), rows(remote.curatedLocation(table)), table);
        }
        List<String> leftovers = new ArrayList<>();
        for (org.apache.hadoop.fs.Path root : List.of(remote.location(), remoteOut)) {
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            while (files.hasNext()) {
                String path = files.next().getPath().toString();
                if (path.contains(".replaced") || path.contains(".tmp") || path.contains(".staging")
                        || path.contains("/_staging/curate/") || path.contains("/.emergence")) {
                    leftovers.add(path);
                }
            }
        }
        assertEquals(List.of(), leftovers);
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

    /** Every row of a Parquet folder, sorted by every column. */
    private static List<String> rows(org.apache.hadoop.fs.Path table) {
        Dataset<Row> rows = SharedSpark.session().read().parquet(table.toString());
        return rows.orderBy(rows.columns()[0], Arrays.copyOfRange(rows.columns(), 1, rows.columns().length))
                .collectAsList().stream().map(Row::toString).toList();
    }

    private static byte[] bytes(org.apache.hadoop.fs.Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    private static Path conf() {
        return Samples.root().resolveSibling("conf");
    }
}
