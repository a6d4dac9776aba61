package org.voxseg.spark.evaluate;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.voxseg.data.evaluation.EvaluationReport;
import org.voxseg.spark.job.CaseStatus;
import org.voxseg.spark.job.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg-spark evaluate}: {@code voxseg evaluate} over a cluster, one Spark task per case. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a folder of predictions against references on Spark (Dice, HD95 in mm); prints the "
                + "summary voxseg evaluate prints.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = {"-p", "--prediction"}, required = true, paramLabel = "URI",
            description = "A folder of <case>.nii.gz.")
    String prediction;

    @Option(names = {"-r", "--reference"}, required = true, paramLabel = "URI",
            description = "A folder of <case>.nii.gz or of BraTS case folders (<case>/<case>_seg).")
    String reference;

    @Option(names = "--labels", split = ",", paramLabel = "L,...",
            description = "Score each of these labels on its own instead of the BraTS regions WT, TC, ET.")
    List<Integer> labels;

    @Option(names = "--empty", defaultValue = "brats", paramLabel = "brats|monai",
            description = "Score when both masks are empty: brats (1) or monai (undefined)"
                    + " (default: ${DEFAULT-VALUE}).")
    ScoringSettings.Empty empty;

    @Option(names = "--output", paramLabel = "URI",
            description = "A folder for scores.parquet, scores.csv and scores_summary.csv.")
    String output;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master, e.g. local[2] (default: the one spark-submit sets).")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EvaluateJob.Outcome outcome;
        try (SparkSession spark = SparkSessions.start("evaluate", master)) {
            outcome = new EvaluateJob(spark, new ScoringSettings(labels, empty)).run(prediction, reference, output);
        }
        PrintWriter out = spec.commandLine().getOut();
        outcome.cases().stream().filter(result -> result.status() == CaseStatus.FAILED)
                .forEach(result -> out.println(result.id() + ": failed: " + result.message()));
        outcome.report().ifPresent(report -> report.summary().stream().map(EvaluationReport.Summary::line)
                .forEach(out::println));
        long scored = outcome.cases().size() - outcome.cases().stream()
                .filter(result -> result.status() == CaseStatus.FAILED).count();
        out.println("evaluated " + scored + " case(s)" + (scored < outcome.cases().size()
                ? ", " + (outcome.cases().size() - scored) + " failed" : "")
                + (output != null ? "; scores in " + output : ""));
        return 0;
    }
}
