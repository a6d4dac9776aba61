package org.voxseg.spark.job;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one Spark task per case, so that the scheduler balances cases of uneven cost over the executors and a failed
 * attempt is retried for its own case only. The results, one small row per case, come back to the driver.
 */
public final class CaseRunner {

    private CaseRunner() {
    }

    /** {@code task} applied to every case on the executors, in the cases' order. */
    public static <C extends Serializable, R extends Serializable> List<R> runEach(SparkSession spark, List<C> cases,
            Function<C, R> task) {
        if (cases.isEmpty()) {
            return List.of();
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return context.parallelize(cases, cases.size()).map(task).collect();
    }
}
