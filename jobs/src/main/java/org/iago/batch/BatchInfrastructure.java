package org.iago.batch;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * What every iago job shares: the JobRepository database (created on first use), its transaction manager, and Spring
 * Batch's JobOperator. The database is the {@link JobRepositoryDatabase} bean that {@link BatchContext} registers
 * as it is: never a property, whose value Spring would search for {@code ${...}} placeholders to substitute.
 */
@Configuration(proxyBeanMethods = false)
@EnableBatchProcessing
@EnableJdbcJobRepository
public class BatchInfrastructure {

    /** Disposed by {@link BatchContext#close()} after the context, which closes the H2 database file. */
    @Bean(destroyMethod = "")
    public DataSource dataSource(JobRepositoryDatabase database) throws SQLException {
        DataSource dataSource = database.platform().equals("h2")
                ? JdbcConnectionPool.create(database.url(), database.user(), database.password())
                : new DriverManagerDataSource(database.url(), database.user(), database.password());
        createSchemaIfMissing(dataSource, database);
        return dataSource;
    }

    @Bean
    public JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    private static void createSchemaIfMissing(DataSource dataSource, JobRepositoryDatabase database)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : new String[] {"BATCH_JOB_INSTANCE", "batch_job_instance"}) {
                try (ResultSet tables = meta.getTables(null, null, name, null)) {
                    if (tables.next()) {
                        return;
                    }
                }
            }
            new ResourceDatabasePopulator(new ClassPathResource(database.schemaScript())).populate(connection);
        }
    }
}
