package org.iago.ingest.faers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iago.ingest.FileReconciliation;
import org.iago.ingest.InputFile;
import org.iago.ingest.LakePublishTasklet;
import org.iago.ingest.LineParser;
import org.iago.ingest.LoadSteps;
import org.iago.ingest.LoadTasklet;
import org.iago.ingest.ParquetPartWriter;
import org.iago.ingest.RejectLimitSkipPolicy;
import org.iago.ingest.RejectLog;
import org.iago.ingest.StagingArea;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.vocabulary.Quarter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code faersIngest} job: loads every file of one FDA quarterly extract into staging, one step per table
 * ({@code demoLoad}, {@code drugLoad}, … {@code deletedLoad}, each a {@link LoadTasklet} committing one Parquet part
 * of {@code iago.ingest.chunk-size} rows per transaction), then {@code faersPublish} swaps the quarter's partitions
 * into the lake. The load steps are independent, so they run in two flows side by side, balanced by the cells
 * (rows × columns) a real quarter has in each file. Job parameters: {@code input} (folder or zip), {@code lake},
 * {@code quarter}, {@code encoding} (identifying) and {@code maxRejectFraction} (not identifying, so a failed run can
 * be restarted with a higher limit).
 */
@Configuration(proxyBeanMethods = false)
public class FaersIngestJobConfiguration {

    public static final String JOB_NAME = "faersIngest";

    @Bean
    public Job faersIngest(JobRepository jobRepository, Step demoLoad, Step drugLoad, Step reacLoad, Step outcLoad,
            Step rpsrLoad, Step therLoad, Step indiLoad, Step deletedLoad, Step faersPublish) {
        Flow drugSide = new FlowBuilder<SimpleFlow>("faersLoadDrugSide")
                .start(drugLoad).next(reacLoad).next(rpsrLoad).next(deletedLoad).build();
        Flow demoSide = new FlowBuilder<SimpleFlow>("faersLoadDemoSide")
                .start(demoLoad).next(therLoad).next(indiLoad).next(outcLoad).build();
        Flow load = new FlowBuilder<SimpleFlow>("faersLoad")
                .split(new SimpleAsyncTaskExecutor("faers-load-"))
                .add(drugSide, demoSide)
                .build();
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(StagingArea.prepare(jobRepository))
                .start(load)
                .next(faersPublish)
                .build()
                .build();
    }

    @Bean
    public Step demoLoad(LoadSteps faersLoadSteps) {
        return faersLoadSteps.load(FaersTable.DEMO.loadStepName());
    }

    @Bean
    public Step drugLoad(LoadSteps faersLoadSteps) {
        return faersLoadSteps.load(FaersTable.DRUG.loadStepName());
    }

    @Bean
    public Step reacLoad(LoadSteps faersLoadSteps) {
        return faersLoadSteps.load(FaersTable.REAC.loadStepName());
    }

    @Bean
    public Step outcLoad(LoadSteps faersLoadSteps) {
        return faersLoadSteps.load(FaersTable.OUTC.loadStepName());
    }

    @Bean
    public Step rpsrLoad(LoadSteps faersLoadSteps) {
        return faersLoadSteps.load(FaersTable.RPSR.loadStepName());
    }

    @Bean
    public Step therLoad(LoadSteps faersLoadSteps) {
        return faersLoadSteps.load(FaersTable.THER.loadStepName());
    }

    @Bean
    public Step indiLoad(LoadSteps faersLoadSteps) {
        return faersLoadSteps.load(FaersTable.INDI.loadStepName());
    }

    @Bean
    public Step deletedLoad(LoadSteps faersLoadSteps) {
        return faersLoadSteps.load(FaersTable.DELETED.loadStepName());
    }

    @Bean
    public Step faersPublish(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            LakePublishTasklet faersPublishTasklet) {
        return new StepBuilder("faersPublish", jobRepository)
                .tasklet(faersPublishTasklet, transactionManager)
                .build();
    }

    @Bean
    public LoadSteps faersLoadSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            LoadTasklet faersLoadTasklet, ParquetPartWriter faersWriter, RejectLog faersRejectLog,
            RejectLimitSkipPolicy faersSkipPolicy, FileReconciliation faersReconciliation) {
        return new LoadSteps(jobRepository, transactionManager, faersLoadTasklet, faersWriter, faersRejectLog,
                faersSkipPolicy, faersReconciliation);
    }

    /** Step-scoped without a proxy: only other step-scoped beans use it. */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    public FaersLoadContext faersLoadContext(@Value("#{stepExecution}") StepExecution stepExecution,
            @Value("#{jobParameters['input']}") String input,
            @Value("#{jobParameters['encoding']}") String encoding) throws IOException {
        return FaersLoadContext.of(stepExecution, input, encoding);
    }

    @Bean
    @StepScope
    public LoadTasklet faersLoadTasklet(FaersLoadContext faersLoadContext, ParquetPartWriter faersWriter,
            RejectLog faersRejectLog, RejectLimitSkipPolicy faersSkipPolicy,
            @Value("${iago.ingest.chunk-size:100000}") int chunkSize) {
        FaersTable table = faersLoadContext.table();
        InputFile input = faersLoadContext.input();
        LineParser parser = table == FaersTable.DELETED ? new DeletedLineParser(faersLoadContext.decoder())
                : new FaersLineParser(table, input.name(), faersLoadContext.decoder());
        return new LoadTasklet(input, faersLoadContext.headerLines(), parser, table.schema(), faersWriter,
                faersRejectLog, faersSkipPolicy, chunkSize, table.loadStepName() + "Reader");
    }

    @Bean
    @StepScope
    public ParquetPartWriter faersWriter(FaersLoadContext faersLoadContext) {
        return faersLoadContext.writer();
    }

    @Bean
    @StepScope
    public RejectLog faersRejectLog(FaersLoadContext faersLoadContext) {
        return faersLoadContext.rejectLog();
    }

    @Bean
    @StepScope
    public RejectLimitSkipPolicy faersSkipPolicy(FaersLoadContext faersLoadContext,
            @Value("#{jobParameters['maxRejectFraction']}") Double maxRejectFraction) {
        return faersLoadContext.skipPolicy(maxRejectFraction);
    }

    @Bean
    @StepScope
    public FileReconciliation faersReconciliation(FaersLoadContext faersLoadContext) {
        return faersLoadContext.reconciliation();
    }

    @Bean
    @StepScope
    public LakePublishTasklet faersPublishTasklet(JobRepository jobRepository,
            @Value("#{stepExecution}") StepExecution stepExecution,
            @Value("#{jobParameters['input']}") String input,
            @Value("#{jobParameters['quarter']}") String quarterText,
            @Value("#{jobParameters['encoding']}") String encoding) {
        Lake lake = StagingArea.lake(stepExecution.getJobExecution());
        Quarter quarter = Quarter.parse(quarterText);
        Path staging = StagingArea.of(stepExecution.getJobExecution());
        List<LakePublishTasklet.Publication> publications = new ArrayList<>();
        for (FaersTable table : FaersTable.values()) {
            publications.add(new LakePublishTasklet.Publication(table.loadStepName(),
                    staging.resolve(table.lakeName()), table.schema(), lake.faersPartition(table, quarter)));
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("source", "faers");
        description.put("quarter", quarter.toString());
        description.put("input", input);
        return new LakePublishTasklet(jobRepository, publications, staging.resolve("rejects"),
                lake.faersRejects(quarter), lake.faersManifest(quarter), description, "FAERS quarter " + quarter,
                LakePublishTasklet.command("iago", "ingest", "faers", "--input", input, "--lake", lake.toString(),
                        "--quarter", quarter.toString(), "--encoding", encoding));
    }
}
