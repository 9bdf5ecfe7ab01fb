package org.iago.ingest;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds load steps (file → staged Parquet) from step-scoped components: the part writer, the reject log, the skip
 * policy, the reconciliation, and either a reader (a chunk-oriented step, for CSV records) or a {@link LoadTasklet}
 * (one part per transaction, for files read line by line as bytes). Being step-scoped, each component can resolve what
 * it works on from the running step (the FAERS job derives the table from the step name).
 */
public final class LoadSteps {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final int chunkSize;
    private final FlatFileItemReader<LakeRow> reader;
    private final LoadTasklet tasklet;
    private final ParquetPartWriter writer;
    private final RejectLog rejectLog;
    private final RejectLimitSkipPolicy skipPolicy;
    private final FileReconciliation reconciliation;

    /** Chunk-oriented steps of {@code chunkSize} items, read by {@code reader}. */
    public LoadSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, int chunkSize,
            FlatFileItemReader<LakeRow> reader, ParquetPartWriter writer, RejectLog rejectLog,
            RejectLimitSkipPolicy skipPolicy, FileReconciliation reconciliation) {
        this(jobRepository, transactionManager, chunkSize, reader, null, writer, rejectLog, skipPolicy,
                reconciliation);
    }

    /** Steps whose work is {@code tasklet}, which writes through {@code writer} and {@code rejectLog} itself. */
    public LoadSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, LoadTasklet tasklet,
            ParquetPartWriter writer, RejectLog rejectLog, RejectLimitSkipPolicy skipPolicy,
            FileReconciliation reconciliation) {
        this(jobRepository, transactionManager, 0, null, tasklet, writer, rejectLog, skipPolicy, reconciliation);
    }

    private LoadSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, int chunkSize,
            FlatFileItemReader<LakeRow> reader, LoadTasklet tasklet, ParquetPartWriter writer, RejectLog rejectLog,
            RejectLimitSkipPolicy skipPolicy, FileReconciliation reconciliation) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.chunkSize = chunkSize;
        this.reader = reader;
        this.tasklet = tasklet;
        this.writer = writer;
        this.rejectLog = rejectLog;
        this.skipPolicy = skipPolicy;
        this.reconciliation = reconciliation;
    }

    public Step load(String stepName) {
        if (tasklet != null) {
            return new StepBuilder(stepName, jobRepository)
                    .tasklet(tasklet, transactionManager)
                    .stream(writer)
                    .stream(rejectLog)
                    .stream(tasklet)
                    .listener((StepExecutionListener) skipPolicy)
                    .listener(reconciliation)
                    .build();
        }
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
