package org.iago.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.Test;

class IagoSparkTest {

    /**
     * A union of inputs hash-partitioned by id, repartitioned by id: the repartition must stay in the plan. With
     * {@link IagoSpark#UNION_OUTPUT_PARTITIONING} on, Spark 4.2 drops it, trusting the union to be partitioned like its
     * inputs, which it is not once adaptive execution has coalesced them to different partition counts (what gave 0
     * pairs at 20M reports when the pair counts gathered each report this way).
     */
    @Test
    void aRepartitionAfterAUnionStaysInThePlan() {
        SparkSession spark = SharedSpark.session();
        Dataset<Row> united = spark.range(400).toDF().repartition(col("id"))
                .unionByName(spark.range(400).toDF().repartition(col("id")));
        String plan = united.repartition(col("id")).queryExecution().executedPlan().toString();
        assertEquals(3, plan.split("Exchange hashpartitioning", -1).length - 1, plan);
    }
}
