package org.voxseg.spark.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

/** Where a task runs, for the results table, and a name unique to its attempt, for temporary files. */
public final class TaskPlace {

    private TaskPlace() {
    }

    /** {@code host/executor-id} ({@code driver} in local mode). */
    public static String executor() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        SparkEnv env = SparkEnv.get();
        return host + "/" + (env == null ? "none" : env.executorId());
    }

    /** The running task attempt's id, unique within the application ({@code local} outside a task). */
    public static String attempt() {
        TaskContext task = TaskContext.get();
        return task == null ? "local" : "attempt" + task.taskAttemptId();
    }
}
