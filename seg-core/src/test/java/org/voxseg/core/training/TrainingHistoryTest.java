package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingHistoryTest {

    private static TrainingHistory oneEpoch() {
        ValidationScores scores = new ValidationScores(0.4, List.of(new ValidationScores.OutputDice("WT", 0.8, 0.05)),
                0.8);
        return new TrainingHistory(List.of("WT"), List.of(new EpochResult(1, 0.5, 1e-3, Optional.of(scores), 2)));
    }

    @Test
    void theSeriesGiveBackTheHistoryWithItsPredictedFractions() {
        TrainingHistory history = oneEpoch();

        assertEquals(history, TrainingHistory.fromSeries(history.toSeries(), List.of("WT")));
        assertEquals(List.of(0.05), history.toSeries().get("foreground_WT"));
    }

    @Test
    void aHistoryOfAnEarlierVersionWithoutPredictedFractionsReadsThemAsUnknown() {
        Map<String, List<Double>> series = new LinkedHashMap<>(oneEpoch().toSeries());
        series.remove("foreground_WT");

        TrainingHistory read = TrainingHistory.fromSeries(series, List.of("WT"));

        ValidationScores.OutputDice output = read.epoch(1).validation().orElseThrow().outputs().get(0);
        assertEquals(0.8, output.dice());
        assertTrue(Double.isNaN(output.predictedFraction()));
    }
}
