package org.voxseg.spark.job;

import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/** The session of a {@code voxseg-spark} command: spark-submit's master, or the one {@code --master} names. */
public final class SparkSessions {

    /** Spark's master URL forms: local threads, a local cluster, standalone, YARN, Kubernetes, Mesos. */
    private static final Pattern MASTER = Pattern.compile("local|local\\[(\\d+|\\*)(,\\s*\\d+)?]"
            + "|local-cluster\\[\\d+,\\s*\\d+,\\s*\\d+]|(spark|k8s|mesos)://\\S+|yarn");

    private SparkSessions() {
    }

    /**
     * A session named {@code voxseg-spark <command>}; {@code master} (e.g. {@code local[2]}) is used when not null,
     * else the one spark-submit set.
     */
    public static SparkSession start(String command, String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("voxseg-spark " + command);
        if (master != null) {
            builder.master(checkedMaster(master));
        }
        return builder.getOrCreate();
    }

    /**
     * {@code master} if it has the form of a Spark master URL; Spark itself reports any other as stack traces in its
     * log before failing.
     *
     * @throws IllegalArgumentException naming {@code --master} and the forms it takes
     */
    static String checkedMaster(String master) {
        if (!MASTER.matcher(master).matches()) {
            throw new IllegalArgumentException("--master '" + master + "' is not a Spark master URL; give local, "
                    + "local[N], local[*], spark://HOST:PORT, yarn or k8s://URL (or leave it out under spark-submit)");
        }
        return master;
    }
}
