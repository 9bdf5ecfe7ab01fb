package org.iago.curate;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A licensed MedDRA ASCII distribution, when the user supplies one (MedDRA is licensed: iago never ships it). From
 * {@code mdhier.asc} (pt_code $ hlt_code $ hlgt_code $ soc_code $ pt_name $ hlt_name $ hlgt_name $ soc_name $
 * soc_abbrev $ null $ pt_soc_code $ primary_soc_fg) every PT gets its HLT, HLGT and SOC along its primary SOC; with
 * {@code llt.asc} (llt_code $ llt_name $ pt_code $ …) a reported term that is a lowest-level term is rolled up through
 * its PT. Names are compared as {@link Names#normalise} does.
 */
public final class MeddraHierarchy {

    private final Path folder;

    private MeddraHierarchy(Path folder) {
        this.folder = folder;
    }

    /** @throws IllegalArgumentException if the folder has no {@code mdhier.asc} */
    public static MeddraHierarchy in(Path folder) {
        if (!Files.isRegularFile(folder.resolve("mdhier.asc"))) {
            throw new IllegalArgumentException("no mdhier.asc in " + folder + ": give the folder of a MedDRA ASCII"
                    + " distribution (MedDRA is licensed and not shipped with iago)");
        }
        return new MeddraHierarchy(folder);
    }

    /** {@code term_key} (a normalised PT or LLT name) → {@code hlt}, {@code hlgt}, {@code soc} (primary path). */
    Dataset<Row> byTerm(SparkSession spark) {
        Dataset<Row> hierarchy = asc(spark, "mdhier.asc")
                .where(col("_c11").equalTo("Y"))
                .select(col("_c0").as("pt_code"), CurateJob.normalised(col("_c4")).as("term_key"),
                        col("_c5").as("hlt"), col("_c6").as("hlgt"), col("_c7").as("soc"));
        Dataset<Row> byPt = hierarchy.drop("pt_code");
        if (!Files.isRegularFile(folder.resolve("llt.asc"))) {
            return byPt;
        }
        Dataset<Row> byLlt = asc(spark, "llt.asc")
                .select(CurateJob.normalised(col("_c1")).as("term_key"), col("_c2").as("pt_code"))
                .join(hierarchy.drop("term_key"), "pt_code")
                .drop("pt_code")
                .join(byPt.select("term_key"), new String[] {"term_key"}, "left_anti");
        // LLT names are unique in MedDRA, and those equal to a PT name were just left out
        return byPt.union(byLlt);
    }

    /**
     * {@code term_key} (a normalised lowest-level term that is not itself a PT name) → {@code current_pt}, the name of
     * the PT it sits under. When MedDRA renames or merges a PT, the old name stays as an LLT of the new PT, so reports
     * coded in an older MedDRA version are counted under the current PT. Empty without {@code llt.asc}.
     */
    Dataset<Row> currentPts(SparkSession spark) {
        Dataset<Row> pts = asc(spark, "mdhier.asc").where(col("_c11").equalTo("Y"))
                .select(col("_c0").as("pt_code"), col("_c4").as("current_pt"));
        if (!Files.isRegularFile(folder.resolve("llt.asc"))) {
            return pts.select(col("pt_code").as("term_key"), col("current_pt")).limit(0);
        }
        return asc(spark, "llt.asc")
                .select(CurateJob.normalised(col("_c1")).as("term_key"), col("_c2").as("pt_code"))
                .join(pts, "pt_code")
                .join(pts.select(CurateJob.normalised(col("current_pt")).as("term_key")),
                        new String[] {"term_key"}, "left_anti")
                .select("term_key", "current_pt")
                .distinct();
    }

    private Dataset<Row> asc(SparkSession spark, String file) {
        return spark.read().option("sep", "$").option("quote", "\u0000").option("header", "false")
                .csv(folder.resolve(file).toString());
    }
}
