package org.iago.pipeline;

import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iago.csv.CsvReader;
import org.iago.lake.CuratedTable;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.lake.Publisher;
import org.iago.lake.RegistryTable;
import org.iago.spark.LakeTables;
import org.iago.spark.ParquetOutput;
import org.iago.vocabulary.RunLayout;

/**
 * {@code <run>/provenance.json}: the run (id, times, iago version and git commit, Java and Spark versions), every
 * input file of the lake with its SHA-256 and line counts (from the lake's ingestion manifests), which run computed
 * the curated tables and each analysis's results (this one, or an earlier one whose results it took over), the data
 * sources with their counts and date ranges, and the configuration. The report's provenance section shows it.
 */
final class RunProvenance {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunProvenance() {
    }

    /** The results of a step that stores its {@link StepInputs} with them: as named in the file, and where. */
    private record Results(String step, String name, Function<NightlyRun, Path> folder) {
    }

    private static final List<Results> RESULTS = List.of(
            new Results("lakeCurate", "<lake>/curated/", r -> r.lake().root().resolve(NightlyTasks.CURATED)),
            new Results("signalsDetect", RunLayout.SIGNALS + "/", r -> r.folder().resolve(RunLayout.SIGNALS)),
            new Results("onsetMeasure", RunLayout.ONSET + "/", r -> r.folder().resolve(RunLayout.ONSET)),
            new Results("registryAnalyse", RunLayout.TTE + "/", r -> r.folder().resolve(RunLayout.TTE)));

    static void write(NightlyRun run) throws IOException {
        Path configFile = run.configFile();
        LocalDateTime startedAt = run.startedAt();
        ObjectNode p = JSON.createObjectNode();
        p.put("runId", Long.toString(run.runId()));
        p.put("startedAt", startedAt == null ? "" : startedAt.atZone(ZoneId.systemDefault()).toInstant().toString());
        p.put("finishedAt", Instant.now().toString());
        p.put("iagoVersion", IagoBuild.version());
        p.put("gitCommit", IagoBuild.gitCommit());
        p.put("javaVersion", System.getProperty("java.version"));
        p.put("sparkVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        p.set("inputs", inputs(run.lake()));
        p.set("results", results(run));
        sources(run, p);
        p.set("curation", curation(run.lake()));
        ObjectNode config = JSON.createObjectNode();
        config.put("file", configFile.toString());
        config.put("lake", run.config().lake().toString());
        config.put("out", run.config().out().toString());
        config.set("settings", NightlyConfig.tree(configFile));
        p.set("config", config);
        Publisher.local().writeJson(LakePaths.location(run.folder().resolve(RunLayout.PROVENANCE)), p);
    }

    /** Every file of every ingestion manifest under {@code <lake>/_meta}, in path order. */
    private static ArrayNode inputs(Lake lake) throws IOException {
        ArrayNode inputs = JSON.createArrayNode();
        Path meta = lake.root().resolve("_meta");
        if (!Files.isDirectory(meta)) {
            return inputs;
        }
        List<Path> manifests;
        try (Stream<Path> walk = Files.walk(meta)) {
            manifests = walk.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().equals(
                    "inbox.json")).sorted().toList();
        }
        for (Path manifest : manifests) {
            JsonNode m = JSON.readTree(manifest.toFile());
            String source = meta.relativize(manifest).toString().replaceFirst("\\.json$", "");
            for (JsonNode f : m.path("files")) {
                ObjectNode row = inputs.addObject();
                row.put("source", source);
                row.put("file", f.path("file").asText());
                row.put("sha256", f.path("sha256").asText());
                row.set("lines", f.path("lines"));
                row.set("written", f.path("written"));
                row.set("rejected", f.path("rejected"));
            }
        }
        return inputs;
    }

    /** Where each step's results come from: the run that computed them, and whether that is an earlier one. */
    private static ArrayNode results(NightlyRun run) {
        ArrayNode results = JSON.createArrayNode();
        for (Results step : RESULTS) {
            StepInputs.stored(step.folder().apply(run)).ifPresent(stored -> {
                ObjectNode r = results.addObject();
                r.put("step", step.step());
                r.put("results", step.name());
                r.put("run", stored.run());
                r.put("reused", !stored.run().equals(Long.toString(run.runId())));
                r.put("computedAt", stored.computedAt());
            });
        }
        return results;
    }

    /**
     * {@code sources}, and {@code sourcesInputs}: the run that counted them and the lake folders they were counted
     * from. The previous run's counts are taken when those folders did not change, so that Spark is not started to
     * count the same rows again.
     */
    private static void sources(NightlyRun run, ObjectNode provenance) throws IOException {
        Lake lake = run.lake();
        StepInputs inputs = StepInputs.build().lake(lake.root(), NightlyTasks.CURATED).lake(lake.root(), "registry")
                .lake(lake.root(), "cases");
        Optional<Path> previous = NightlyTasks.previousRun(run).map(p -> p.resolve(RunLayout.PROVENANCE))
                .filter(Files::isRegularFile);
        if (previous.isPresent()) {
            JsonNode before = JSON.readTree(previous.get().toFile());
            JsonNode countedFrom = before.path("sourcesInputs");
            StepInputs.Stored counted = countedFrom.isObject()
                    ? JSON.treeToValue(countedFrom, StepInputs.Stored.class) : null;
            if (counted != null && counted.inputs() != null && inputs.changedSince(counted.inputs()).isEmpty()
                    && before.path("sources").isArray()) {
                provenance.set("sources", before.path("sources"));
                provenance.set("sourcesInputs", before.path("sourcesInputs"));
                return;
            }
        }
        provenance.set("sources", sources(lake, run::spark));
        provenance.set("sourcesInputs", JSON.valueToTree(new StepInputs.Stored(Long.toString(run.runId()),
                Instant.now().toString(), inputs.parts(), null)));
    }

    /** Reports (curated FAERS, case tables) and patients (registry) with their date ranges; Spark only if any. */
    private static ArrayNode sources(Lake lake, Supplier<SparkSession> session) {
        ArrayNode sources = JSON.createArrayNode();
        if (Files.isDirectory(lake.curated(CuratedTable.REPORTS))) {
            Row r = ParquetOutput.read(session.get(), lake.curatedLocation(CuratedTable.REPORTS))
                    .agg(countDistinct("report_id"), min("quarter"), max("quarter")).first();
            source(sources, "FAERS (deduplicated reports)", Map.of("reports", r.getLong(0)), r.get(1), r.get(2));
        }
        if (Files.isDirectory(lake.registryTable(RegistryTable.PATIENTS))) {
            Row r = new LakeTables(session.get(), lake).registry(RegistryTable.PATIENTS)
                    .agg(countDistinct("patient_id"), min("infusion_date"), max("infusion_date")).first();
            source(sources, "registry (infusion dates)", Map.of("patients", r.getLong(0)), r.get(1), r.get(2));
        }
        if (Files.isDirectory(lake.cases())) {
            List<Row> bySource = new LakeTables(session.get(), lake).cases().groupBy("source")
                    .agg(countDistinct("id")).orderBy("source").collectAsList();
            for (Row r : bySource) {
                source(sources, "cases:" + r.getString(0), Map.of("reports", r.getLong(1)), null, null);
            }
        }
        return sources;
    }

    /**
     * What curation did ({@code curated/_summary.json}) and the names no dictionary knew, most reported first (at most
     * {@value #UNMAPPED_SHOWN}); empty when the lake has no curated FAERS.
     */
    private static ObjectNode curation(Lake lake) throws IOException {
        ObjectNode curation = JSON.createObjectNode();
        Path summary = lake.curated(CuratedTable.SUMMARY);
        if (!Files.isRegularFile(summary)) {
            return curation;
        }
        curation.setAll((ObjectNode) JSON.readTree(summary.toFile()));
        ArrayNode unmapped = curation.putArray("unmappedDrugNames");
        Path names = lake.curated(CuratedTable.UNMAPPED_DRUG_NAMES);
        if (Files.isRegularFile(names)) {
            List<List<String>> rows = CsvReader.read(names);
            for (List<String> r : rows.subList(1, Math.min(rows.size(), UNMAPPED_SHOWN + 1))) {
                ObjectNode name = unmapped.addObject();
                name.put("drugname", r.get(CuratedTable.UNMAPPED_COLUMNS.indexOf("drugname")));
                name.put("reports", Long.parseLong(r.get(CuratedTable.UNMAPPED_COLUMNS.indexOf("reports"))));
            }
        }
        return curation;
    }

    private static final int UNMAPPED_SHOWN = 10;

    private static void source(ArrayNode sources, String name, Map<String, Long> counts, Object from, Object to) {
        ObjectNode s = sources.addObject();
        s.put("source", name);
        counts.forEach(s::put);
        s.put("from", from == null ? "" : from.toString());
        s.put("to", to == null ? "" : to.toString());
    }
}
