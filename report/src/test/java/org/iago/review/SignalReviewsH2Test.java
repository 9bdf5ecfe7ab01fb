package org.iago.review;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/** The review log on an H2 file database, opened as the embedded JobRepository is. */
class SignalReviewsH2Test extends SignalReviewsContract {

    private final java.util.List<JdbcConnectionPool> pools = new java.util.ArrayList<>();
    private int databases;

    @Override
    DataSource database() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + work.resolve("db" + databases++)
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "");
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void close() {
        pools.forEach(JdbcConnectionPool::dispose);
    }
}
