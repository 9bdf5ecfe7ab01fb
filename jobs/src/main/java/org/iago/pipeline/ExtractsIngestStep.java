package org.iago.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.iago.batch.JobRunner;
import org.iago.ingest.FileReconciliation.FileCount;
import org.iago.ingest.IngestParameters;
import org.iago.ingest.cases.CaseColumns;
import org.iago.ingest.cases.CasesIngestJobConfiguration;
import org.iago.lake.Lake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Ingests every extract of the inbox that the lake's {@link InboxLedger} does not hold, each by its own ingestion job
 * ({@code faersIngest}, {@code registryIngest}, {@code casesIngest}) in the same JobRepository, so {@code iago runs}
 * shows them and a failed one restarts where it stopped. Like Spring Batch's JobStep, it runs outside any transaction:
 * the child jobs commit their own chunks. Its read/write/skip counts are the lines read, written and rejected by the
 * child jobs.
 */
final class ExtractsIngestStep extends AbstractStep {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractsIngestStep.class);

    private final ObjectProvider<JobOperator> operator;
    private final Job faersIngest;
    private final Job registryIngest;
    private final Job casesIngest;

    /** @param operator resolved when the step runs: Spring Batch builds the operator after the jobs it runs */
    ExtractsIngestStep(String name, JobRepository repository, ObjectProvider<JobOperator> operator, Job faersIngest,
            Job registryIngest, Job casesIngest) {
        super(name);
        setJobRepository(repository);
        this.operator = operator;
        this.faersIngest = faersIngest;
        this.registryIngest = registryIngest;
        this.casesIngest = casesIngest;
    }

    @Override
    protected void doExecute(StepExecution step) throws Exception {
        NightlyRun run = NightlyRun.of(step);
        Lake lake = run.lake();
        InboxLedger ledger = InboxLedger.of(lake.root());
        JobRunner runner = new JobRunner(getJobRepository(), operator.getObject());
        List<String> ingested = new ArrayList<>();
        int skipped = 0;
        for (InboxExtract extract : InboxExtract.scan(run.config().inbox(), ledger)) {
            if (ledger.holds(extract)) {
                skipped++;
                continue;
            }
            LOG.info("nightly run {}: ingesting {}", run.runId(), extract.describe());
            JobExecution child = runner.run(job(extract), parameters(run, extract));
            count(step, child);
            if (child.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("ingestion of " + extract.describe() + " ended " + child.getStatus()
                        + " (job execution " + child.getId() + "): " + child.getExitStatus().getExitDescription());
            }
            ledger.record(extract, run.runId(), child.getId());
            ingested.add(extract.describe());
        }
        step.setExitStatus(ExitStatus.COMPLETED.addExitDescription(ingested.size() + " extracts ingested"
                + (ingested.isEmpty() ? "" : ": " + String.join(", ", ingested)) + "; " + skipped
                + " already ingested with the same SHA-256"));
        getJobRepository().update(step);
    }

    private Job job(InboxExtract extract) {
        return switch (extract.kind()) {
            case FAERS -> faersIngest;
            case REGISTRY -> registryIngest;
            case CASES -> casesIngest;
        };
    }

    private static JobParameters parameters(NightlyRun run, InboxExtract extract) {
        NightlyConfig.Load load = run.config().load();
        JobParametersBuilder base = IngestParameters.load(load.encoding(), load.maxRejectFraction());
        Lake lake = run.lake();
        return switch (extract.kind()) {
            case FAERS -> IngestParameters.faers(base, extract.path(), lake, extract.quarter());
            case REGISTRY -> IngestParameters.registry(base, extract.path(), lake,
                    run.config().conf().resolve("products.yaml"));
            case CASES -> {
                NightlyConfig.CaseTable t = extract.cases();
                yield CasesIngestJobConfiguration.parameters(base, extract.path(), lake, t.source(),
                        new CaseColumns(t.id(), t.drug(), t.event(), t.strata()));
            }
        };
    }

    /** Adds the child's per-file line counts to this step's read, write and skip counts. */
    private static void count(StepExecution step, JobExecution child) {
        for (StepExecution load : child.getStepExecutions()) {
            FileCount c = FileCount.from(load.getExecutionContext());
            if (c != null && load.getStatus() == BatchStatus.COMPLETED) {
                step.setReadCount(step.getReadCount() + c.lines());
                step.setWriteCount(step.getWriteCount() + c.written());
                step.setWriteSkipCount(step.getWriteSkipCount() + c.rejected());
            }
        }
    }
}
