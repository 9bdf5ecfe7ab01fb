package org.iago.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.iago.ingest.cases.CaseColumns;
import org.iago.ingest.cases.CasesIngestJobConfiguration;
import org.iago.lake.Lake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code iago ingest cases}: a generic case-level table (one row per report × drug × event) into the lake. */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = {"Ingest a case-level CSV (header row, RFC 4180 quoting): CFSAN CAERS, a VigiBase or "
                + "EudraVigilance line listing, any ICSR table.",
                "Writes <lake>/cases/source=<name>/ with columns id, drug, event and the strata, replacing the source "
                        + "atomically; rejected lines go to <lake>/rejects/cases/source=<name>/."})
public final class IngestCasesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "<csv>", description = "The case table.")
    Path input;

    @Option(names = "--source", required = true, paramLabel = "<name>",
            description = "Name of the source in the lake, e.g. caers.")
    String source;

    @Option(names = "--id", required = true, paramLabel = "<col>", description = "Column of the report id.")
    String idColumn;

    @Option(names = "--drug", required = true, paramLabel = "<col>", description = "Column of the drug.")
    String drugColumn;

    @Option(names = "--event", required = true, paramLabel = "<col>", description = "Column of the event.")
    String eventColumn;

    @Option(names = "--strata", split = ",", paramLabel = "<col>",
            description = "Columns to stratify by, comma-separated.")
    List<String> strata = List.of();

    @Mixin
    IngestOptions ingest = new IngestOptions();

    @Override
    public Integer call() throws Exception {
        if (!Lake.SOURCE_NAME.matcher(source).matches()) {
            throw new ParameterException(spec.commandLine(), "--source must be letters, digits, '_', '.' or '-': '"
                    + source + "'");
        }
        Path file = input.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input " + file + " is not a file");
        }
        CaseColumns columns = new CaseColumns(idColumn, drugColumn, eventColumn, strata);
        return ingest.run("ingest cases " + source + " from " + file, CasesIngestJobConfiguration.class,
                CasesIngestJobConfiguration.JOB_NAME,
                (load, lake) -> CasesIngestJobConfiguration.parameters(load, file, lake, source, columns),
                List.of(CasesIngestJobConfiguration.LOAD_STEP));
    }
}
