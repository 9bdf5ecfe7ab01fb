package org.iago.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.iago.report.ReportOptions;
import org.iago.review.NeedsReview;

/**
 * The configuration of the nightly pipeline ({@code conf/nightly.yaml}, {@code docs/operations.md}). Relative paths are
 * resolved against the folder of the configuration file, so a configuration moves with what it names.
 *
 * @param lake    the lake folder
 * @param out     where the runs go: {@code <out>/runs/<run-id>/} and the {@code <out>/latest} pointer
 * @param inbox   the folders scanned for new extracts
 * @param load    how extracts are read
 * @param spark   where Spark runs
 * @param conf    the folder with products.yaml, term-groups.yaml and the signal rules
 * @param signals what the disproportionality analyses count
 * @param status  when a signal counts as strengthened or weakened
 * @param review  when a decided signal comes back to the review queue
 * @param report  what the report shows
 */
public record NightlyConfig(Path lake, Path out, Inbox inbox, Load load, Spark spark, Path conf, Signals signals,
        Status status, Review review, Report report) {

    /**
     * @param faers    folders holding FAERS/LAERS quarterly extracts ({@code faers_ascii_2024q1.zip} or such folders),
     *                 searched two levels deep
     * @param registry folders each holding one cellular-therapy registry extract (patients.csv, ...)
     * @param cases    generic case tables, each with its column mapping
     */
    public record Inbox(List<Path> faers, List<Path> registry, List<CaseTable> cases) {
        public Inbox {
            faers = faers == null ? List.of() : List.copyOf(faers);
            registry = registry == null ? List.of() : List.copyOf(registry);
            cases = cases == null ? List.of() : List.copyOf(cases);
        }
    }

    /** A case-level table for {@code ingest cases}: one row per report × drug × event. */
    public record CaseTable(Path file, String source, String id, String drug, String event, List<String> strata) {
        public CaseTable {
            required(file, "inbox.cases[].file");
            required(source, "inbox.cases[].source");
            required(id, "inbox.cases[].id");
            required(drug, "inbox.cases[].drug");
            required(event, "inbox.cases[].event");
            strata = strata == null ? List.of() : List.copyOf(strata);
        }
    }

    /** As {@code ingest --encoding --max-reject-fraction --chunk-size}. */
    public record Load(String encoding, Double maxRejectFraction, Integer chunkSize) {
        public Load {
            encoding = encoding == null ? "UTF-8" : encoding;
            maxRejectFraction = maxRejectFraction == null ? 0.01 : maxRejectFraction;
            chunkSize = chunkSize == null ? 100_000 : chunkSize;
        }
    }

    /** As {@code --master} and {@code --shuffle-partitions}. */
    public record Spark(String master, Integer shufflePartitions) {
        public Spark {
            master = master == null ? "local[*]" : master;
            shufflePartitions = shufflePartitions == null ? 16 : shufflePartitions;
        }
    }

    /**
     * @param rules      the signal rules file, relative to {@code conf} (default iago.yaml)
     * @param eventLevel pt or group (the toxicity groups of term-groups.yaml, which the focus signals name)
     * @param roles      ps, suspect or all
     * @param strata     report columns stratifying the expected counts (age_group, sex, year)
     */
    public record Signals(String rules, String eventLevel, String roles, List<String> strata) {
        public Signals {
            rules = rules == null ? "iago.yaml" : rules;
            eventLevel = eventLevel == null ? "group" : eventLevel.toLowerCase(Locale.ROOT);
            roles = roles == null ? "ps" : roles.toLowerCase(Locale.ROOT);
            strata = strata == null ? List.of() : List.copyOf(strata);
        }
    }

    /**
     * @param strengthenFactor a signal of both runs is STRENGTHENED when its lower bound (PRR, ROR, EB05 lower bounds;
     *                         the LLR) grew by at least this factor, WEAKENED when it shrank by it; IC025, a log2
     *                         value, by log2 of the factor
     */
    public record Status(Double strengthenFactor) {
        public Status {
            strengthenFactor = strengthenFactor == null ? 1.25 : strengthenFactor;
            if (strengthenFactor <= 1) {
                throw new IllegalArgumentException("status.strengthenFactor must be above 1, not " + strengthenFactor);
            }
        }
    }

    /**
     * @param newReports reports more than its decision saw that bring a REFUTED or NOT_VALIDATED signal back to the
     *                   review queue (as {@code review list --new-reports})
     */
    public record Review(Integer newReports) {
        public Review {
            newReports = newReports == null ? NeedsReview.DEFAULT_NEW_REPORTS : newReports;
            if (newReports < 1) {
                throw new IllegalArgumentException("review.newReports must be at least 1, not " + newReports);
            }
        }
    }

    /** What the report shows; the product list comes from conf/products.yaml. */
    public record Report(String title, List<ReportOptions.Focus> focus, Integer suppressBelow) {
        public Report {
            title = title == null ? "IAGO signal report: CAR T cell therapy toxicities" : title;
            focus = focus == null ? List.of() : List.copyOf(focus);
            suppressBelow = suppressBelow == null ? 0 : suppressBelow;
        }
    }

    public NightlyConfig {
        required(lake, "lake");
        required(out, "out");
        inbox = inbox == null ? new Inbox(null, null, null) : inbox;
        load = load == null ? new Load(null, null, null) : load;
        spark = spark == null ? new Spark(null, null) : spark;
        required(conf, "conf");
        signals = signals == null ? new Signals(null, null, null, null) : signals;
        status = status == null ? new Status(null) : status;
        review = review == null ? new Review(null) : review;
        report = report == null ? new Report(null, null, null) : report;
    }

    /** The YAML file as a tree, for the provenance of a run. */
    public static JsonNode tree(Path yaml) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
    }

    /**
     * Reads a configuration, with paths relative to its folder made absolute.
     *
     * @throws IllegalArgumentException when the file is missing, malformed, or names unknown settings
     */
    /** A key the configuration must have: its absence is the user's to fix, named as the file spells it. */
    private static void required(Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("the nightly configuration has no '" + key + "' (see"
                    + " docs/operations.md and conf/nightly-demo.yaml)");
        }
    }

    public static NightlyConfig load(Path yaml) throws IOException {
        Path file = yaml.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no nightly configuration at " + file);
        }
        NightlyConfig raw;
        try {
            raw = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), NightlyConfig.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("nightly configuration " + file + " is not valid: " + e.getMessage(),
                    e);
        }
        Path base = file.getParent();
        return new NightlyConfig(base.resolve(raw.lake).normalize(), base.resolve(raw.out).normalize(),
                new Inbox(raw.inbox.faers.stream().map(p -> base.resolve(p).normalize()).toList(),
                        raw.inbox.registry.stream().map(p -> base.resolve(p).normalize()).toList(),
                        raw.inbox.cases.stream().map(c -> new CaseTable(base.resolve(c.file).normalize(), c.source,
                                c.id, c.drug, c.event, c.strata)).toList()),
                raw.load, raw.spark, base.resolve(raw.conf).normalize(), raw.signals, raw.status, raw.review,
                raw.report);
    }

    /** The same configuration writing to other places (the demo's --out, the command's --lake/--out). */
    public NightlyConfig withLocations(Path newLake, Path newOut) {
        return new NightlyConfig(newLake == null ? lake : newLake, newOut == null ? out : newOut, inbox, load, spark,
                conf, signals, status, review, report);
    }

    public Path rules() {
        return conf.resolve(signals.rules());
    }
}
