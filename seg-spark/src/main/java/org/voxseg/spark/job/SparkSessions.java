package org.voxseg.spark.job;

import org.apache.spark.sql.SparkSession;

/** The session of a {@code voxseg-spark} command: spark-submit's master, or the one {@code --master} names. */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * A session named {@code voxseg-spark <command>}; {@code master} (e.g. {@code local[2]}) is used when not null,
     * else the one spark-submit set.
     */
    public static SparkSession start(String command, String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("voxseg-spark " + command);
        if (master != null) {
            builder.master(master);
        }
        return builder.getOrCreate();
    }
}
