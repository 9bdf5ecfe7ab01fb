package org.iago.ingest.registry;

import java.io.IOException;
import java.nio.file.Path;

import org.iago.ingest.InputFile;
import org.iago.ingest.LoadContext;
import org.iago.ingest.StagingArea;
import org.iago.ingest.StrictDecoder;
import org.iago.lake.LakeSchema;
import org.iago.lake.RegistryTable;
import org.springframework.batch.core.step.StepExecution;

/** What one load step of {@code registryIngest} works on: its table (from the step name), file, rules and staging. */
record RegistryLoadContext(RegistryTable table, InputFile input, StrictDecoder decoder, RegistryLineMapper lines,
        Path stagingTable, Path rejectsFile) implements LoadContext {

    static RegistryLoadContext of(StepExecution step, RegistryExtract extract, RegistryRules rules)
            throws IOException {
        RegistryTable table = RegistryTable.fromLoadStepName(step.getStepName());
        InputFile input = extract.scan(table);
        Path staging = StagingArea.of(step.getJobExecution());
        return new RegistryLoadContext(table, input, extract.decoder(),
                new RegistryLineMapper(table, input.name(), extract.decoder(), rules),
                staging.resolve(table.lakeName()), staging.resolve("rejects").resolve(table.lakeName() + ".jsonl"));
    }

    @Override
    public LakeSchema schema() {
        return table.schema();
    }
}
