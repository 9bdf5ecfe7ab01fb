package org.iago.ingest;

import java.nio.file.Path;

import org.iago.lake.LakeSchema;

/**
 * What one load step works on: its input file and how to decode it, the schema of its rows, and where it stages them
 * and its rejects. Every ingest job makes the parts of its load steps from it alike, as step-scoped beans named by
 * its own role ({@code faersWriter}, {@code registryWriter}, …) for {@link LoadSteps}.
 */
public interface LoadContext {

    InputFile input();

    StrictDecoder decoder();

    LakeSchema schema();

    /** The staging folder of the table's Parquet parts. */
    Path stagingTable();

    Path rejectsFile();

    /** Lines before the data: the header row. */
    default int headerLines() {
        return 1;
    }

    default long dataLines() {
        return Math.max(0, input().lines() - headerLines());
    }

    default ParquetPartWriter writer() {
        return new ParquetPartWriter(stagingTable(), schema());
    }

    default RejectLog rejectLog() {
        return new RejectLog(rejectsFile(), input().name(), decoder());
    }

    default RejectLimitSkipPolicy skipPolicy(double maxRejectFraction) {
        return new RejectLimitSkipPolicy(input().name(), dataLines(), maxRejectFraction);
    }

    default FileReconciliation reconciliation() {
        return new FileReconciliation(input(), headerLines());
    }
}
