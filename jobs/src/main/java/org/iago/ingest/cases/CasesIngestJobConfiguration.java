package org.iago.ingest.cases;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iago.ingest.ByteLineReaders;
import org.iago.ingest.FileReconciliation;
import org.iago.ingest.InputFile;
import org.iago.ingest.LakePublishTasklet;
import org.iago.ingest.LakeRow;
import org.iago.ingest.LoadContext;
import org.iago.ingest.LoadSteps;
import org.iago.ingest.ParquetPartWriter;
import org.iago.ingest.RejectLimitSkipPolicy;
import org.iago.ingest.RejectLog;
import org.iago.ingest.StagingArea;
import org.iago.ingest.StrictDecoder;
import org.iago.lake.Lake;
import org.iago.lake.LakeSchema;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.io.FileSystemResource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code casesIngest} job: one case-level table (a CAERS, VigiBase or EudraVigilance line listing: one row per
 * report × drug × event) into {@code <lake>/cases/source=<name>/}, so that the signal jobs can analyse any source.
 * Steps: {@code casesLoad}, then {@code casesPublish}. Identifying parameters: {@code input}, {@code lake},
 * {@code source}, {@code idColumn}, {@code drugColumn}, {@code eventColumn}, {@code strata}, {@code encoding}.
 */
@Configuration(proxyBeanMethods = false)
public class CasesIngestJobConfiguration {

    public static final String JOB_NAME = "casesIngest";
    public static final String LOAD_STEP = "casesLoad";

    /** The job's parameters: {@code load} from {@link org.iago.ingest.IngestParameters#load}. */
    public static JobParameters parameters(JobParametersBuilder load, Path file, Lake lake, String source,
            CaseColumns columns) {
        return new JobParametersBuilder(load.toJobParameters())
                .addString("input", file.toAbsolutePath().normalize().toString())
                .addString(StagingArea.LAKE, lake.root().toString())
                .addString("source", source)
                .addString("idColumn", columns.id())
                .addString("drugColumn", columns.drug())
                .addString("eventColumn", columns.event())
                .addString("strata", columns.strataParameter())
                .toJobParameters();
    }

    @Bean
    public Job casesIngest(JobRepository jobRepository, Step casesLoad, Step casesPublish) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(StagingArea.prepare(jobRepository))
                .start(casesLoad)
                .next(casesPublish)
                .build();
    }

    @Bean
    public Step casesLoad(LoadSteps casesLoadSteps) {
        return casesLoadSteps.load(LOAD_STEP);
    }

    @Bean
    public Step casesPublish(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            LakePublishTasklet casesPublishTasklet) {
        return new StepBuilder("casesPublish", jobRepository)
                .tasklet(casesPublishTasklet, transactionManager)
                .build();
    }

    @Bean
    public LoadSteps casesLoadSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            @Value("${iago.ingest.chunk-size:100000}") int chunkSize, FlatFileItemReader<LakeRow> casesReader,
            ParquetPartWriter casesWriter, RejectLog casesRejectLog, RejectLimitSkipPolicy casesSkipPolicy,
            FileReconciliation casesReconciliation) {
        return new LoadSteps(jobRepository, transactionManager, chunkSize, casesReader, casesWriter, casesRejectLog,
                casesSkipPolicy, casesReconciliation);
    }

    /** What {@code casesLoad} works on. */
    public record CasesLoadContext(CaseColumns columns, InputFile input, StrictDecoder decoder, Path stagingTable,
            Path rejectsFile) implements LoadContext {

        @Override
        public LakeSchema schema() {
            return columns.schema();
        }
    }

    /** Step-scoped without a proxy: only other step-scoped beans use it. */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    public CasesLoadContext casesLoadContext(@Value("#{stepExecution}") StepExecution stepExecution,
            @Value("#{jobParameters['input']}") String input,
            @Value("#{jobParameters['idColumn']}") String idColumn,
            @Value("#{jobParameters['drugColumn']}") String drugColumn,
            @Value("#{jobParameters['eventColumn']}") String eventColumn,
            @Value("#{jobParameters['strata']}") String strata,
            @Value("#{jobParameters['encoding']}") String encoding) throws IOException {
        Path file = Path.of(input);
        InputFile scanned = InputFile.scanCsv(file.getFileName().toString(), new FileSystemResource(file));
        if (scanned.lines() == 0) {
            throw new IllegalArgumentException(file + " is empty: it has no header row");
        }
        Path staging = StagingArea.of(stepExecution.getJobExecution());
        return new CasesLoadContext(CaseColumns.of(idColumn, drugColumn, eventColumn, strata), scanned,
                new StrictDecoder(Charset.forName(encoding)), staging.resolve("cases"),
                staging.resolve("rejects").resolve("cases.jsonl"));
    }

    @Bean
    @StepScope
    public FlatFileItemReader<LakeRow> casesReader(CasesLoadContext casesLoadContext) {
        CaseLineMapper lines = new CaseLineMapper(casesLoadContext.columns(), casesLoadContext.input().name(),
                casesLoadContext.decoder());
        return ByteLineReaders.csv("casesReader", casesLoadContext.input().resource(), lines, lines);
    }

    @Bean
    @StepScope
    public ParquetPartWriter casesWriter(CasesLoadContext casesLoadContext) {
        return casesLoadContext.writer();
    }

    @Bean
    @StepScope
    public RejectLog casesRejectLog(CasesLoadContext casesLoadContext) {
        return casesLoadContext.rejectLog();
    }

    @Bean
    @StepScope
    public RejectLimitSkipPolicy casesSkipPolicy(CasesLoadContext casesLoadContext,
            @Value("#{jobParameters['maxRejectFraction']}") Double maxRejectFraction) {
        return casesLoadContext.skipPolicy(maxRejectFraction);
    }

    @Bean
    @StepScope
    public FileReconciliation casesReconciliation(CasesLoadContext casesLoadContext) {
        return casesLoadContext.reconciliation();
    }

    @Bean
    @StepScope
    public LakePublishTasklet casesPublishTasklet(JobRepository jobRepository,
            @Value("#{stepExecution}") StepExecution stepExecution,
            @Value("#{jobParameters['input']}") String input,
            @Value("#{jobParameters['source']}") String source,
            @Value("#{jobParameters['idColumn']}") String idColumn,
            @Value("#{jobParameters['drugColumn']}") String drugColumn,
            @Value("#{jobParameters['eventColumn']}") String eventColumn,
            @Value("#{jobParameters['strata']}") String strata,
            @Value("#{jobParameters['encoding']}") String encoding) {
        Lake lake = StagingArea.lake(stepExecution.getJobExecution());
        Path staging = StagingArea.of(stepExecution.getJobExecution());
        CaseColumns columns = CaseColumns.of(idColumn, drugColumn, eventColumn, strata);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("source", source);
        description.put("input", input);
        Map<String, Object> named = new LinkedHashMap<>();   // in this order in every run: the manifest's bytes
        named.put("id", idColumn);
        named.put("drug", drugColumn);
        named.put("event", eventColumn);
        named.put("strata", columns.strata());
        description.put("columns", named);
        return new LakePublishTasklet(jobRepository,
                List.of(new LakePublishTasklet.Publication(LOAD_STEP, staging.resolve("cases"),
                        columns.schema(), lake.casesPartition(source))),
                staging.resolve("rejects"), lake.casesRejects(source), lake.casesManifest(source), description,
                "case source " + source, finishCommand(input, lake, source, columns, encoding));
    }

    private static String finishCommand(String input, Lake lake, String source, CaseColumns columns,
            String encoding) {
        List<String> words = new ArrayList<>(List.of("iago", "ingest", "cases", "--input", input, "--lake",
                lake.toString(), "--source", source, "--id", columns.id(), "--drug", columns.drug(), "--event",
                columns.event()));
        if (!columns.strata().isEmpty()) {
            words.addAll(List.of("--strata", columns.strataParameter()));
        }
        words.addAll(List.of("--encoding", encoding));
        return LakePublishTasklet.command(words.toArray(String[]::new));
    }
}
