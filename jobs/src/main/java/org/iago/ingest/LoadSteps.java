package org.iago.ingest;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds chunk-oriented load steps (file → staged Parquet) from step-scoped components: a reader, the part writer, the
 * reject log, the skip policy and the reconciliation. Being step-scoped, each component can resolve what it works on
 * from the running step (the FAERS job derives the table from the step name).
 */
public final class LoadSteps {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final int chunkSize;
    private final FlatFileItemReader<LakeRow> reader;
    private final ParquetPartWriter writer;
    private final RejectLog rejectLog;
    private final RejectLimitSkipPolicy skipPolicy;
    private final FileReconciliation reconciliation;

    public LoadSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, int chunkSize,
            FlatFileItemReader<LakeRow> reader, ParquetPartWriter writer, RejectLog rejectLog,
            RejectLimitSkipPolicy skipPolicy, FileReconciliation reconciliation) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.chunkSize = chunkSize;
        this.reader = reader;
        this.writer = writer;
        this.rejectLog = rejectLog;
        this.skipPolicy = skipPolicy;
        this.reconciliation = reconciliation;
    }

    public Step load(String stepName) {
        return new StepBuilder(stepName, jobRepository)
                .<LakeRow, LakeRow>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .faultTolerant()
                .skipPolicy(skipPolicy)
                .skipListener(rejectLog)
                .stream(rejectLog)
                .listener((StepExecutionListener) skipPolicy)
                .listener(reconciliation)
                .build();
    }
}
