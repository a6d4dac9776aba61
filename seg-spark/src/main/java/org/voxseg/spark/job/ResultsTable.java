package org.voxseg.spark.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.voxseg.spark.io.HadoopSettings;
import org.voxseg.spark.io.LocalStage;
import org.voxseg.spark.io.Publisher;

/**
 * A job's table, one row per case, written as {@code NAME.parquet} (a Spark folder, for further queries) and
 * {@code NAME.csv} (one file, published atomically, for people and spreadsheets) into a folder.
 *
 * @param schema the columns
 * @param rows one row per case, in case order
 */
public record ResultsTable(StructType schema, List<Row> rows) {

    public ResultsTable {
        rows = List.copyOf(rows);
    }

    /** The columns every job's table starts with: case, status, message, seconds, executor. */
    public static List<StructField> caseColumns() {
        return new ArrayList<>(List.of(
                DataTypes.createStructField("case", DataTypes.StringType, false),
                DataTypes.createStructField("status", DataTypes.StringType, false),
                DataTypes.createStructField("message", DataTypes.StringType, true),
                DataTypes.createStructField("seconds", DataTypes.DoubleType, false),
                DataTypes.createStructField("executor", DataTypes.StringType, false)));
    }

    /** A row's values for {@link #caseColumns()}, to which a job adds its own. */
    public static List<Object> caseValues(String id, CaseStatus status, String message, double seconds,
            String executor) {
        List<Object> values = new ArrayList<>(List.of(id, status.label()));
        values.add(message);
        values.add(seconds);
        values.add(executor);
        return values;
    }

    /** Writes {@code folder/name.parquet} and {@code folder/name.csv}, replacing earlier ones. */
    public void write(SparkSession spark, Path folder, String name, HadoopSettings hadoop) throws IOException {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(new Path(folder, name + ".parquet").toString());
        try (LocalStage stage = LocalStage.create(hadoop)) {
            java.nio.file.Path csv = stage.newFile(name + ".csv");
            Files.writeString(csv, csv(), StandardCharsets.UTF_8);
            new Publisher(hadoop).publish(csv, new Path(folder, name + ".csv"), "driver");
        }
    }

    /** The table as CSV with a header row; empty fields for nulls, numbers in the root locale. */
    public String csv() {
        StringBuilder text = new StringBuilder();
        text.append(Arrays.stream(schema.fields()).map(StructField::name).collect(Collectors.joining(",")))
                .append('\n');
        for (Row row : rows) {
            for (int c = 0; c < row.size(); c++) {
                text.append(c == 0 ? "" : ",").append(field(row.get(c)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return number.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", number);
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
