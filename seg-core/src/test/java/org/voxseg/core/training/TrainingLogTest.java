package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLogTest {

    @TempDir
    Path dir;

    @Test
    void oneRowPerEpochInColumnOrder() throws IOException {
        Map<String, List<Double>> history = new LinkedHashMap<>();
        history.put("train_loss", List.of(0.9, 0.7));
        history.put("val_loss", List.of(Double.NaN, 0.65));
        history.put("lr", List.of(1e-3, 5e-4));
        Path file = dir.resolve("training_log.csv");

        TrainingLog.write(file, history);

        assertEquals("epoch,train_loss,val_loss,lr\n1,0.900000,,0.00100000\n2,0.700000,0.650000,0.000500000\n",
                Files.readString(file));
    }

    @Test
    void seriesOfDifferentLengthsAreRefused() {
        Map<String, List<Double>> history = new LinkedHashMap<>();
        history.put("train_loss", List.of(0.9, 0.7));
        history.put("lr", List.of(1e-3));

        assertThrows(IllegalArgumentException.class, () -> TrainingLog.write(dir.resolve("log.csv"), history));
    }
}
