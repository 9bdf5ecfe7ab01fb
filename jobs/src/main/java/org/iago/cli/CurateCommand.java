package org.iago.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.iago.curate.CurateJob;
import org.iago.curate.CurationSummary;
import org.iago.curate.MeddraHierarchy;
import org.iago.curate.CurationRules;
import org.iago.lake.CuratedTable;
import org.iago.lake.Lake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code iago curate}: deduplicate and normalise every ingested FAERS quarter into {@code <lake>/curated/}. */
@Command(name = "curate", mixinStandardHelpOptions = true,
        description = {"Curate the FAERS lake: one report per case (latest version), deleted cases dropped, the same "
                + "report sent under two caseids kept once (the duplicate rule of conf/curation.yaml), CAR-T "
                + "products recognised by brand, generic and code names, other drugs by ingredient (user dictionary, "
                + "prod_ai, a dictionary learned from the lake, the cleaned drugname), PTs grouped into toxicity "
                + "groups; integer-keyed tables under <lake>/curated/."})
public final class CurateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "<dir>", description = "The lake folder.")
    Path lake;

    @Option(names = "--conf", defaultValue = "${env:IAGO_HOME:-.}/conf", paramLabel = "<dir>",
            description = "Folder with products.yaml, term-groups.yaml and, optionally, curation.yaml (default: "
                    + "${DEFAULT-VALUE}).")
    Path conf;

    @Option(names = "--duplicates", paramLabel = "<rule>", description = "conf (default): the duplicate rule of "
            + "curation.yaml; none: keep reports under different caseids apart.")
    String duplicates = "conf";

    @Option(names = "--meddra", paramLabel = "<dir>",
            description = "A licensed MedDRA ASCII distribution (mdhier.asc, optionally llt.asc) to roll PTs up to "
                    + "HLT, HLGT and SOC; MedDRA is not shipped with iago.")
    Path meddra;

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = sparkOptions.session("iago-curate");
        CurationRules.DuplicateRule rule = switch (duplicates) {
            case "conf" -> null;
            case CurationRules.DuplicateRule.NONE -> CurationRules.DuplicateRule.none();
            default -> throw new ParameterException(spec.commandLine(), "Invalid value for option '--duplicates': "
                    + duplicates + " (allowed: conf, none)");
        };
        CurationSummary s = CurateJob.fromConf(spark, new Lake(lake), conf,
                meddra == null ? null : MeddraHierarchy.in(meddra), rule).run();
        out.printf("curate: %d DEMO rows -> %d reports (%d older versions, %d deleted cases; the deleted lists hold"
                        + " %ss, %d ids; %d duplicates of another caseid by the rule %s); %d drugs, %d reports with a"
                        + " CAR-T product, %d PTs%n",
                s.demoRows(), s.reports(), s.olderVersions(), s.deletedReports(), s.deletedIdsKind(), s.deletedIds(),
                s.duplicateReports(), s.duplicateRule(), s.drugs(), s.cartReports(), s.events());
        out.println("  drug rows by the source of their ingredient: " + s.drugRowsBySource());
        out.println("  curated tables: " + new Lake(lake).root().resolve("curated") + " (names no dictionary knew: "
                + CuratedTable.UNMAPPED_DRUG_NAMES + ")");
        out.flush();
        return ExitCodes.OK;
    }
}
