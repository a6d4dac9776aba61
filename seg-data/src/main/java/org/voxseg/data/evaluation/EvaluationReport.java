package org.voxseg.data.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.voxseg.data.io.AtomicFiles;

/**
 * The scores of many cases: a per-case CSV ({@code case,dice_WT,hd95_WT,...}) and a summary per structure and
 * metric (mean, median, population standard deviation, and how many cases had a defined value; NaN values are
 * left out).
 *
 * @param cases the cases' scores, all over the same structures
 */
public record EvaluationReport(List<CaseScores> cases) {

    public EvaluationReport {
        cases = List.copyOf(cases);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no case to report");
        }
    }

    /**
     * One summary row.
     *
     * @param structure the structure
     * @param metric "dice" or "hd95"
     * @param mean mean over defined values
     * @param median median over defined values
     * @param std population standard deviation over defined values
     * @param defined how many cases had a defined value
     */
    public record Summary(String structure, String metric, double mean, double median, double std, int defined) {

        /** The row as {@code voxseg evaluate} and {@code voxseg-spark evaluate} print it. */
        public String line() {
            return String.format(Locale.ROOT, "%-6s %-5s mean %.4f  median %.4f  (%d case(s))", structure, metric, mean,
                    median, defined);
        }
    }

    /** The summary rows, structure by structure, Dice before Hausdorff 95. */
    public List<Summary> summary() {
        List<Summary> rows = new ArrayList<>();
        List<String> structures = cases.get(0).structures();
        for (int s = 0; s < structures.size(); s++) {
            final int index = s;
            rows.add(summarise(structures.get(s), "dice", cases.stream().mapToDouble(c -> c.dice().get(index))
                    .toArray()));
            rows.add(summarise(structures.get(s), "hd95", cases.stream().mapToDouble(c -> c.hausdorff95().get(index))
                    .toArray()));
        }
        return rows;
    }

    private static Summary summarise(String structure, String metric, double[] values) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = defined.length;
        if (n == 0) {
            return new Summary(structure, metric, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = Arrays.stream(defined).average().orElseThrow();
        double median = n % 2 == 1 ? defined[n / 2] : (defined[n / 2 - 1] + defined[n / 2]) / 2;
        double variance = Arrays.stream(defined).map(v -> (v - mean) * (v - mean)).sum() / n;
        return new Summary(structure, metric, mean, median, Math.sqrt(variance), n);
    }

    /** Writes the per-case table to {@code file} (atomically). */
    public void writeCases(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("case");
        for (String structure : cases.get(0).structures()) {
            csv.append(",dice_").append(structure).append(",hd95_").append(structure);
        }
        csv.append('\n');
        for (CaseScores scores : cases) {
            csv.append(quote(scores.caseId()));
            for (int s = 0; s < scores.structures().size(); s++) {
                csv.append(',').append(number(scores.dice().get(s))).append(',')
                        .append(number(scores.hausdorff95().get(s)));
            }
            csv.append('\n');
        }
        write(file, csv);
    }

    /** Writes the summary table ({@code structure,metric,mean,median,std,n}) to {@code file} (atomically). */
    public void writeSummary(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("structure,metric,mean,median,std,n\n");
        for (Summary row : summary()) {
            csv.append(quote(row.structure())).append(',').append(row.metric()).append(',').append(number(row.mean()))
                    .append(',').append(number(row.median())).append(',').append(number(row.std())).append(',')
                    .append(row.defined()).append('\n');
        }
        write(file, csv);
    }

    private static void write(Path file, StringBuilder csv) throws IOException {
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** RFC 4180 quoting for a field that holds a comma, quote or line break. */
    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
