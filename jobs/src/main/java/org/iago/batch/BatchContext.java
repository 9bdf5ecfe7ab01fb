package org.iago.batch;

import java.util.Map;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A Spring context holding the batch infrastructure and the configurations of the jobs one command runs. */
public final class BatchContext implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;

    private BatchContext(AnnotationConfigApplicationContext context) {
        this.context = context;
    }

    /**
     * @param properties values for {@code @Value("${...}")} placeholders of the job configurations
     * @param jobConfigurations one {@code @Configuration} class per job; none to read the run history only
     */
    public static BatchContext open(JobRepositoryDatabase database, Map<String, Object> properties,
            Class<?>... jobConfigurations) {
        return open(database, properties, Map.of(), jobConfigurations);
    }

    /**
     * @param beans objects of the calling process the jobs may use, by bean name (the nightly job's {@link RunLock})
     */
    public static BatchContext open(JobRepositoryDatabase database, Map<String, Object> properties,
            Map<String, Object> beans, Class<?>... jobConfigurations) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("iago", properties));
        // a path or password may hold "${...}": as a property, Spring would substitute it (an environment variable
        // holding ";INIT=..." would reach H2's URL), so the database is a bean
        context.getBeanFactory().registerSingleton("jobRepositoryDatabase", database);
        beans.forEach(context.getBeanFactory()::registerSingleton);
        context.register(BatchInfrastructure.class);
        if (jobConfigurations.length > 0) {
            context.register(jobConfigurations);
        }
        context.refresh();
        return new BatchContext(context);
    }

    public Job job(String name) {
        return context.getBean(name, Job.class);
    }

    public JobRepository jobRepository() {
        return context.getBean(JobRepository.class);
    }

    public JobOperator jobOperator() {
        return context.getBean(JobOperator.class);
    }

    @Override
    public void close() {
        DataSource dataSource = context.getBean(DataSource.class);
        context.close();
        if (dataSource instanceof JdbcConnectionPool pool) {
            pool.dispose();
        }
    }
}
