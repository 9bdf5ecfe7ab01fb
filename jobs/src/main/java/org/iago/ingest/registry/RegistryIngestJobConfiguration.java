package org.iago.ingest.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iago.dictionary.ProductDictionary;
import org.iago.ingest.ByteLineReaders;
import org.iago.ingest.FileReconciliation;
import org.iago.ingest.LakePublishTasklet;
import org.iago.ingest.LakeRow;
import org.iago.ingest.LoadSteps;
import org.iago.ingest.ParquetPartWriter;
import org.iago.ingest.RejectLimitSkipPolicy;
import org.iago.ingest.RejectLog;
import org.iago.ingest.StagingArea;
import org.iago.lake.Lake;
import org.iago.lake.RegistryTable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
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
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code registryIngest} job: a cellular-therapy registry extract ({@code docs/registry-format.md}) into
 * {@code <lake>/registry/<table>/}. Steps {@code patientsLoad}, {@code outcomesLoad}, {@code toxicitiesLoad},
 * {@code infectionsLoad}, {@code labsLoad}, {@code managementLoad}, {@code neoplasmsLoad} validate and stage one file
 * each; {@code registryPublish} replaces the tables. Every child row is checked against the accepted patients and
 * outcomes ({@link RegistryIndex}). Job parameters: {@code input} (the extract folder), {@code lake}, {@code products}
 * (the product dictionary), {@code encoding} (identifying) and {@code maxRejectFraction} (not identifying).
 */
@Configuration(proxyBeanMethods = false)
public class RegistryIngestJobConfiguration {

    public static final String JOB_NAME = "registryIngest";

    @Bean
    public Job registryIngest(JobRepository jobRepository, Step patientsLoad, Step outcomesLoad, Step toxicitiesLoad,
            Step infectionsLoad, Step labsLoad, Step managementLoad, Step neoplasmsLoad, Step registryPublish) {
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
                .listener(StagingArea.prepare(jobRepository))
                .start(patientsLoad);
        for (Step load : List.of(outcomesLoad, toxicitiesLoad, infectionsLoad, labsLoad, managementLoad,
                neoplasmsLoad)) {
            job.next(load);
        }
        return job.next(registryPublish).build();
    }

    @Bean
    public Step patientsLoad(LoadSteps registryLoadSteps) {
        return registryLoadSteps.load(RegistryTable.PATIENTS.loadStepName());
    }

    @Bean
    public Step outcomesLoad(LoadSteps registryLoadSteps) {
        return registryLoadSteps.load(RegistryTable.OUTCOMES.loadStepName());
    }

    @Bean
    public Step toxicitiesLoad(LoadSteps registryLoadSteps) {
        return registryLoadSteps.load(RegistryTable.TOXICITIES.loadStepName());
    }

    @Bean
    public Step infectionsLoad(LoadSteps registryLoadSteps) {
        return registryLoadSteps.load(RegistryTable.INFECTIONS.loadStepName());
    }

    @Bean
    public Step labsLoad(LoadSteps registryLoadSteps) {
        return registryLoadSteps.load(RegistryTable.LABS.loadStepName());
    }

    @Bean
    public Step managementLoad(LoadSteps registryLoadSteps) {
        return registryLoadSteps.load(RegistryTable.MANAGEMENT.loadStepName());
    }

    @Bean
    public Step neoplasmsLoad(LoadSteps registryLoadSteps) {
        return registryLoadSteps.load(RegistryTable.NEOPLASMS.loadStepName());
    }

    @Bean
    public Step registryPublish(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            LakePublishTasklet registryPublishTasklet) {
        return new StepBuilder("registryPublish", jobRepository)
                .tasklet(registryPublishTasklet, transactionManager)
                .build();
    }

    @Bean
    public LoadSteps registryLoadSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            @Value("${iago.ingest.chunk-size:100000}") int chunkSize, FlatFileItemReader<LakeRow> registryReader,
            ParquetPartWriter registryWriter, RejectLog registryRejectLog, RejectLimitSkipPolicy registrySkipPolicy,
            FileReconciliation registryReconciliation) {
        return new LoadSteps(jobRepository, transactionManager, chunkSize, registryReader, registryWriter,
                registryRejectLog, registrySkipPolicy, registryReconciliation);
    }

    /**
     * The rules every load step checks against, with the accepted patients and outcomes of the extract: computed once
     * per job execution (a restart recomputes them from the same files). Job-scoped without a proxy.
     */
    @Bean
    @Scope(value = "job", proxyMode = ScopedProxyMode.NO)
    public RegistryRules registryRules(@Value("#{jobParameters['input']}") String input,
            @Value("#{jobParameters['products']}") String products,
            @Value("#{jobParameters['encoding']}") String encoding) throws Exception {
        RegistryExtract extract = RegistryExtract.open(Path.of(input), encoding);
        ProductDictionary dictionary = ProductDictionary.load(Path.of(products));
        return new RegistryRules(dictionary, RegistryIndex.scan(extract.scan(RegistryTable.PATIENTS),
                extract.scan(RegistryTable.OUTCOMES), extract.decoder(), dictionary));
    }

    /** What one load step works on; step-scoped without a proxy. */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    public RegistryLoadContext registryLoadContext(@Value("#{stepExecution}") StepExecution stepExecution,
            @Value("#{jobParameters['input']}") String input,
            @Value("#{jobParameters['encoding']}") String encoding, RegistryRules registryRules) throws IOException {
        return RegistryLoadContext.of(stepExecution, RegistryExtract.open(Path.of(input), encoding), registryRules);
    }

    @Bean
    @StepScope
    public FlatFileItemReader<LakeRow> registryReader(RegistryLoadContext registryLoadContext) {
        RegistryLineMapper lines = registryLoadContext.lines();
        return ByteLineReaders.csv(registryLoadContext.table().loadStepName() + "Reader",
                registryLoadContext.input().resource(), lines, lines);
    }

    @Bean
    @StepScope
    public ParquetPartWriter registryWriter(RegistryLoadContext registryLoadContext) {
        return registryLoadContext.writer();
    }

    @Bean
    @StepScope
    public RejectLog registryRejectLog(RegistryLoadContext registryLoadContext) {
        return registryLoadContext.rejectLog();
    }

    @Bean
    @StepScope
    public RejectLimitSkipPolicy registrySkipPolicy(RegistryLoadContext registryLoadContext,
            @Value("#{jobParameters['maxRejectFraction']}") Double maxRejectFraction) {
        return registryLoadContext.skipPolicy(maxRejectFraction);
    }

    @Bean
    @StepScope
    public FileReconciliation registryReconciliation(RegistryLoadContext registryLoadContext) {
        return registryLoadContext.reconciliation();
    }

    @Bean
    @StepScope
    public LakePublishTasklet registryPublishTasklet(JobRepository jobRepository,
            @Value("#{stepExecution}") StepExecution stepExecution,
            @Value("#{jobParameters['input']}") String input,
            @Value("#{jobParameters['products']}") String products,
            @Value("#{jobParameters['encoding']}") String encoding) {
        Lake lake = StagingArea.lake(stepExecution.getJobExecution());
        Path staging = StagingArea.of(stepExecution.getJobExecution());
        List<LakePublishTasklet.Publication> publications = new ArrayList<>();
        for (RegistryTable table : RegistryTable.values()) {
            publications.add(new LakePublishTasklet.Publication(table.loadStepName(),
                    staging.resolve(table.lakeName()), table.schema(), lake.registryTable(table)));
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("source", "registry");
        description.put("input", input);
        return new LakePublishTasklet(jobRepository, publications, staging.resolve("rejects"),
                lake.registryRejects(), lake.registryManifest(), description, "the registry extract",
                LakePublishTasklet.command("iago", "ingest", "registry", "--input", input, "--lake", lake.toString(),
                        "--conf", Path.of(products).getParent().toString(), "--encoding", encoding));
    }
}
