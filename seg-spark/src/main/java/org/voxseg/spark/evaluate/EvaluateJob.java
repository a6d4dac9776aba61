package org.voxseg.spark.evaluate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.voxseg.data.evaluation.EvaluationReport;
import org.voxseg.data.evaluation.Structure;
import org.voxseg.spark.io.HadoopSettings;
import org.voxseg.spark.io.LocalStage;
import org.voxseg.spark.io.Publisher;
import org.voxseg.spark.job.CaseRunner;
import org.voxseg.spark.job.CaseStatus;
import org.voxseg.spark.job.ResultsTable;

/**
 * {@code voxseg-spark evaluate} as a Spark job: the driver pairs predictions with references, one task per case
 * scores Dice and HD95 per structure, and the driver summarises the scored cases with seg-data's
 * {@link EvaluationReport} (the summary {@code voxseg evaluate} prints) and, if asked, writes the scores table
 * ({@code scores.parquet}, {@code scores.csv}) and {@code scores_summary.csv}.
 */
public final class EvaluateJob {

    /** The scores table's name in its folder. */
    public static final String SCORES = "scores";

    private final SparkSession spark;
    private final ScoringSettings settings;
    private final HadoopSettings hadoop;

    /**
     * What a run found.
     *
     * @param cases one row per prediction, in case order
     * @param report the summary over the cases scored, or empty when none was
     */
    public record Outcome(List<ScoreResult> cases, Optional<EvaluationReport> report) {
    }

    public EvaluateJob(SparkSession spark, ScoringSettings settings) {
        this.spark = spark;
        this.settings = settings;
        this.hadoop = new HadoopSettings(spark.sparkContext().hadoopConfiguration());
    }

    /**
     * Scores the predictions in the folder {@code prediction} against the references in {@code reference}; writes
     * the tables into {@code output} unless it is null.
     *
     * @throws IOException if a folder does not exist or holds no prediction (a case's own problems are rows)
     */
    public Outcome run(String prediction, String reference, String output) throws IOException {
        List<PairRef> pairs = new PairCatalog(hadoop).find(hadoop.qualified(prediction), hadoop.qualified(reference));
        List<ScoreResult> scored = CaseRunner.runEach(spark, pairs, new ScoreCase(settings, hadoop));
        List<String> structures = settings.structures().stream().map(Structure::name).toList();
        List<ScoreResult> ok = scored.stream().filter(result -> result.status() == CaseStatus.OK).toList();
        Optional<EvaluationReport> report = ok.isEmpty() ? Optional.empty()
                : Optional.of(new EvaluationReport(ok.stream().map(result -> result.scores(structures)).toList()));
        if (output != null) {
            Path folder = hadoop.qualified(output);
            hadoop.fileSystem(folder).mkdirs(folder);
            table(scored, structures).write(spark, folder, SCORES, hadoop);
            if (report.isPresent()) {
                writeSummary(report.get(), new Path(folder, SCORES + "_summary.csv"));
            }
        }
        return new Outcome(scored, report);
    }

    private void writeSummary(EvaluationReport report, Path target) throws IOException {
        try (LocalStage stage = LocalStage.create(hadoop)) {
            java.nio.file.Path local = stage.newFile(target.getName());
            report.writeSummary(local);
            new Publisher(hadoop).publish(local, target, "driver");
        }
    }

    /** Columns case, status, message, seconds, executor, then dice_S and hd95_S per structure S. */
    static ResultsTable table(List<ScoreResult> results, List<String> structures) {
        List<StructField> columns = ResultsTable.caseColumns();
        for (String structure : structures) {
            columns.add(DataTypes.createStructField("dice_" + structure, DataTypes.DoubleType, true));
            columns.add(DataTypes.createStructField("hd95_" + structure, DataTypes.DoubleType, true));
        }
        List<Row> rows = new ArrayList<>();
        for (ScoreResult result : results) {
            List<Object> values = ResultsTable.caseValues(result.id(), result.status(), result.message(),
                    result.seconds(), result.executor());
            for (int s = 0; s < structures.size(); s++) {
                boolean scored = !result.dice().isEmpty();
                values.add(scored ? result.dice().get(s) : null);
                values.add(scored ? result.hausdorff95().get(s) : null);
            }
            rows.add(RowFactory.create(values.toArray()));
        }
        return new ResultsTable(DataTypes.createStructType(columns), rows);
    }
}
