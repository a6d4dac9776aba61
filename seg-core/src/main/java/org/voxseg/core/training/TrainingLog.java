package org.voxseg.core.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.voxseg.data.io.AtomicFiles;

/**
 * {@code training_log.csv}: one row per epoch ({@code epoch} then the run's series, e.g. train_loss, val_loss, lr,
 * dice_WT, seconds), rewritten atomically from the checkpoint's histories after each epoch, so the log and the
 * checkpoint never disagree and an interrupted run never leaves a half-written row.
 */
public final class TrainingLog {

    private TrainingLog() {
    }

    /**
     * Writes the log of {@code history} (series of equal length, in column order) to {@code file}.
     *
     * @throws IllegalArgumentException if the series differ in length
     */
    public static void write(Path file, Map<String, List<Double>> history) throws IOException {
        int epochs = history.values().stream().mapToInt(List::size).max().orElse(0);
        for (Map.Entry<String, List<Double>> series : history.entrySet()) {
            if (series.getValue().size() != epochs) {
                throw new IllegalArgumentException("series " + series.getKey() + " has " + series.getValue().size()
                        + " values, not " + epochs);
            }
        }
        StringBuilder csv = new StringBuilder("epoch");
        history.keySet().forEach(name -> csv.append(',').append(name));
        csv.append('\n');
        for (int e = 0; e < epochs; e++) {
            csv.append(e + 1);
            for (List<Double> series : history.values()) {
                double v = series.get(e);
                csv.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            csv.append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
