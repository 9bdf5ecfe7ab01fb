package org.iago.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.iago.curate.CurateJob;
import org.iago.curate.CurationSummary;
import org.iago.curate.MeddraHierarchy;
import org.iago.curate.ProductDictionary;
import org.iago.curate.TermGroups;
import org.iago.lake.Lake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iago curate}: deduplicate and normalise every ingested FAERS quarter into {@code <lake>/curated/}. */
@Command(name = "curate", mixinStandardHelpOptions = true,
        description = {"Curate the FAERS lake: one report per case (latest version), deleted cases dropped, CAR-T "
                + "products recognised by brand, generic and code names, other drugs by ingredient, PTs grouped "
                + "into toxicity groups; integer-keyed tables under <lake>/curated/."})
public final class CurateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "<dir>", description = "The lake folder.")
    Path lake;

    @Option(names = "--conf", defaultValue = "${env:IAGO_HOME:-.}/conf", paramLabel = "<dir>",
            description = "Folder with products.yaml and term-groups.yaml (default: ${DEFAULT-VALUE}).")
    Path conf;

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
        CurationSummary s = new CurateJob(spark, new Lake(lake), ProductDictionary.load(conf.resolve("products.yaml")),
                TermGroups.load(conf.resolve("term-groups.yaml")),
                meddra == null ? null : MeddraHierarchy.in(meddra)).run();
        out.printf("curate: %d DEMO rows -> %d reports (%d older versions, %d deleted cases; the deleted lists hold"
                        + " %ss, %d ids); %d drugs, %d reports with a CAR-T product, %d PTs%n",
                s.demoRows(), s.reports(), s.olderVersions(), s.deletedReports(), s.deletedIdsKind(), s.deletedIds(),
                s.drugs(), s.cartReports(), s.events());
        out.println("  curated tables: " + new Lake(lake).root().resolve("curated"));
        out.flush();
        return ExitCodes.OK;
    }
}
