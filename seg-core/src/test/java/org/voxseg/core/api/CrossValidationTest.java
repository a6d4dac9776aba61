package org.voxseg.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ChosenPostprocessing;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.RunConfig;

/** Two folds of one epoch on four tiny cases: every fold trains, then one postprocessing is decided for all. */
@Tag("slow")
class CrossValidationTest {

    @TempDir
    Path dir;

    @Test
    void postprocessingIsDecidedOnThePooledOutOfFoldPredictionsAndGivenToEveryFold() throws IOException {
        TinyDataset.cases(dir.resolve("data/train"), 4, 3);
        Path config = dir.resolve("data/config.json");
        Files.writeString(config, """
                {
                  "model": {"in_channels": 4, "out_channels": 3, "filters": [4, 8]},
                  "optimizer": {"name": "adam", "lr": 0.01},
                  "loss": {"name": "dice_bce"},
                  "dataset": {"brats_root": "train"},
                  "cross_validation": {"n_folds": 2},
                  "training": {"epochs": 1, "iterations_per_epoch": 1, "batch_size": 2, "patch_size": [16, 16, 16],
                               "seed": 7, "validation_batches": 1}
                }
                """);
        Path folder = dir.resolve("cv");

        try (Voxseg voxseg = Voxseg.builder().threads(2).build()) {
            voxseg.crossValidate(RunConfig.read(config), folder, RunListener.NONE);
        }

        PostprocessingDecision.Record pooled = ConfigJson.read(folder.resolve(PostprocessingDecision.FILE),
                PostprocessingDecision.Record.class);
        assertEquals("out-of-fold validation of 2 folds (epochs 1, 1) on 4 case(s)", pooled.decidedOn());
        List<String> validated = new ArrayList<>();
        for (String fold : List.of("fold_0", "fold_1")) {
            validated.addAll(ConfigJson.read(folder.resolve(fold).resolve(PostprocessingDecision.FILE),
                    PostprocessingDecision.Record.class).choice().cases());
        }
        assertEquals(validated, pooled.choice().cases(), "each case once, as the fold that did not train on it");
        ChosenPostprocessing expected = new ChosenPostprocessing(pooled.decidedOn(),
                pooled.choice().postprocessing());
        for (String fold : List.of("fold_0", "fold_1")) {
            assertEquals(expected, ModelDescription.read(folder.resolve(fold).resolve(RunFolder.MODEL))
                    .postprocessing(), fold);
        }
    }
}
