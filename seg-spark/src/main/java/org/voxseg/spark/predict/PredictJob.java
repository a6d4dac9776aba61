package org.voxseg.spark.predict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.spark.io.HadoopSettings;
import org.voxseg.spark.io.Publisher;
import org.voxseg.spark.job.CaseRunner;
import org.voxseg.spark.job.ResultsTable;

/**
 * {@code voxseg-spark predict} as a Spark job: the driver reads the first model's description and finds the cases,
 * one task per case predicts and publishes {@code <output>/<case>.nii.gz}, then the driver removes what killed
 * attempts left and writes the results table ({@code results.parquet} and {@code results.csv}) into the results
 * folder.
 */
public final class PredictJob {

    /** The results table's name in its folder. */
    public static final String RESULTS = "results";

    private final SparkSession spark;
    private final ModelSettings model;
    private final HadoopSettings hadoop;

    public PredictJob(SparkSession spark, ModelSettings model) {
        this.spark = spark;
        this.model = model;
        this.hadoop = new HadoopSettings(spark.sparkContext().hadoopConfiguration());
    }

    /**
     * Predicts every case of {@code input} into the folder {@code output} and writes the results table into
     * {@code results}.
     *
     * @param overwrite whether to predict cases whose label map is already there and readable
     * @param insideInput whether the output may lie inside the input root
     * @return one result per case, in case-id order
     * @throws IOException if the model's description, the input or the output folder cannot be read or made (a
     *     case's own problems are results, not exceptions)
     * @throws IllegalArgumentException if the output lies inside the input root and that was not allowed
     */
    public List<CaseResult> run(String input, String output, String results, boolean overwrite, boolean insideInput)
            throws IOException {
        Path inputRoot = hadoop.qualified(input);
        Path outputFolder = hadoop.qualified(output);
        if (!insideInput) {
            requireOutside(inputRoot, outputFolder);
            requireOutside(inputRoot, hadoop.qualified(results));
        }
        ModelDescription description = ModelFiles.describe(model.models().get(0), hadoop);
        List<CaseRef> cases = new CaseCatalog(hadoop, description.channels()).find(inputRoot);
        hadoop.fileSystem(outputFolder).mkdirs(outputFolder);
        return run(cases, new PredictCase(model, description.labelArray(), outputFolder, overwrite, hadoop),
                outputFolder, hadoop.qualified(results), description.labelArray());
    }

    /**
     * Refuses an output at or inside the input root, compared as qualified URIs: the label maps would join the cases
     * that later jobs read.
     */
    static void requireOutside(Path inputRoot, Path output) {
        String root = inputRoot.toUri().normalize().toString().replaceAll("/+$", "");
        String written = output.toUri().normalize().toString();
        if (written.equals(root) || written.startsWith(root + "/")) {
            throw new IllegalArgumentException(output + ": the output is inside the input root " + inputRoot
                    + ", where later jobs would read the label maps as cases; choose an output outside it (or allow "
                    + "it with --output-inside-input)");
        }
    }

    /** Runs {@code task} on every case, cleans the output folder and writes the table (tests wrap the task). */
    List<CaseResult> run(List<CaseRef> cases, Function<CaseRef, CaseResult> task, Path output, Path results,
            int[] labels) throws IOException {
        List<CaseResult> done = CaseRunner.runEach(spark, cases, task);
        new Publisher(hadoop).removeStale(output);
        table(done, labels).write(spark, results, RESULTS, hadoop);
        return done;
    }

    /** Columns case, status, message, seconds, executor, voxels_L for the background and each model label L. */
    static ResultsTable table(List<CaseResult> results, int[] modelLabels) {
        int[] labels = PredictCase.counted(modelLabels);
        List<StructField> columns = ResultsTable.caseColumns();
        for (int label : labels) {
            columns.add(DataTypes.createStructField("voxels_" + label, DataTypes.LongType, true));
        }
        List<Row> rows = new ArrayList<>();
        for (CaseResult result : results) {
            List<Object> values = ResultsTable.caseValues(result.id(), result.status(), result.message(),
                    result.seconds(), result.executor());
            for (int l = 0; l < labels.length; l++) {
                values.add(result.voxels().isEmpty() ? null : result.voxels().get(l));
            }
            rows.add(RowFactory.create(values.toArray()));
        }
        return new ResultsTable(DataTypes.createStructType(columns), rows);
    }
}
