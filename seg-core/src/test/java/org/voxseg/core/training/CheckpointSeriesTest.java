package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.optim.OptimizerState;

class CheckpointSeriesTest {

    @TempDir
    Path dir;

    @Test
    void periodicCheckpointNamesUseAsciiDigitsInEveryLocale() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
        try {
            CheckpointSeries series = new CheckpointSeries(dir, 1, 0);
            OptimizerState noState = new OptimizerState(Map.of(), Map.of());
            series.afterEpoch(new Checkpoint(3, 3, 0.5, 3, Map.of(), Map.of(), noState, Map.of(), new byte[0]), false);

            assertEquals(List.of(dir.resolve("epoch_0003.ckpt")), series.periodic());
        } finally {
            Locale.setDefault(before);
        }
    }
}
