package org.voxseg.spark.predict;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.voxseg.core.api.PredictionCommandLine;
import org.voxseg.core.api.PredictionOverrides;
import org.voxseg.spark.job.CaseStatus;
import org.voxseg.spark.job.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg-spark predict}: {@code voxseg predict} over a cluster, one Spark task per case. */
@Command(name = "predict", mixinStandardHelpOptions = true, modelTransformer = PredictionCommandLine.class,
        description = "Predict every case of a folder or case list on Spark; writes <case>.nii.gz as voxseg predict "
                + "does, and a results table (results.parquet, results.csv).")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, split = ",", paramLabel = "RUN[,RUN...]",
            description = "Run folders or checkpoints (any Hadoop URI); several are averaged (ensemble).")
    List<String> models;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "URI",
            description = "A folder of BraTS case folders, or a case list (.json as voxseg reads, or .csv with the "
                    + "header id,<channel>,...).")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "URI",
            description = "The folder for <case>.nii.gz.")
    String output;

    @Option(names = "--results", paramLabel = "URI",
            description = "The folder for results.parquet and results.csv (default: the output folder).")
    String results;

    @Option(names = "--overwrite", description = "Predict again the cases whose label map is already there.")
    boolean overwrite;

    @Option(names = "--output-inside-input", description = "Allow the output or results inside the input root "
            + "(refused by default: later jobs over that root would read the label maps as cases).")
    boolean outputInsideInput;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master, e.g. local[2] (default: the one spark-submit sets).")
    String master;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "libtorch threads per executor JVM; set it to the executor's cores divided by the tasks "
                    + "it runs at once (default: the engine's, all cores).")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PredictionOverrides overrides = PredictionCommandLine.overrides(spec).build();
        ModelSettings settings = new ModelSettings(models, overrides, threads);
        long started = System.nanoTime();
        List<CaseResult> done;
        try (SparkSession spark = SparkSessions.start("predict", master)) {
            done = new PredictJob(spark, settings).run(input, output, results == null ? output : results, overwrite,
                    outputInsideInput);
        }
        PrintWriter out = spec.commandLine().getOut();
        done.stream().filter(result -> result.status() == CaseStatus.FAILED)
                .forEach(result -> out.println(result.id() + ": failed: " + result.message()));
        out.printf(Locale.ROOT, "%d case(s): %d predicted, %d skipped (already there), %d failed; %.1f s; results in "
                + "%s%n", done.size(), count(done, CaseStatus.OK), count(done, CaseStatus.SKIPPED),
                count(done, CaseStatus.FAILED), (System.nanoTime() - started) / 1e9,
                results == null ? output : results);
        return 0;
    }

    private static long count(List<CaseResult> done, CaseStatus status) {
        return done.stream().filter(result -> result.status() == status).count();
    }
}
