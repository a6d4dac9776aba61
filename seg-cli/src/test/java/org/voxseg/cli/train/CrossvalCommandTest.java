package org.voxseg.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;
import org.voxseg.core.api.CrossValidation;

/** Folds trained at the same time, each in its own process on its own device (the CPU twice here). */
@Tag("slow")
class CrossvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void foldsTrainedInParallelProcessesWriteWhatTrainingEachAloneWrites() throws IOException {
        assertEquals(0, CommandRun.of("synth", "--out", dir.resolve("train").toString(), "--cases", "4", "--shape",
                "32,32,24", "--seed", "5").exitCode());
        Path config = Files.writeString(dir.resolve("config.json"), """
                {
                  "model": {"in_channels": 4, "out_channels": 3, "filters": [4, 8]},
                  "optimizer": {"name": "adam", "lr": 0.01},
                  "loss": {"name": "dice_bce"},
                  "dataset": {"brats_root": "train"},
                  "cross_validation": {"n_folds": 2},
                  "training": {"epochs": 1, "iterations_per_epoch": 2, "batch_size": 2, "patch_size": [16, 16, 16],
                               "seed": 7, "validation_batches": 1, "threads": 1}
                }
                """);
        Path parallel = dir.resolve("parallel");

        CommandRun run = CommandRun.of("crossval", "--config", config.toString(), "--output-dir",
                parallel.toString(), "--devices", "cpu,cpu", "--quiet");

        assertEquals(0, run.exitCode(), run.err() + run.out());
        for (String fold : new String[] {"fold_0", "fold_1"}) {
            assertTrue(run.out().contains(fold + " on cpu: trained (" + parallel.resolve(fold)
                    .resolve(CrossValidation.FOLD_LOG) + ")"), run.out());
            assertTrue(Files.readString(parallel.resolve(fold).resolve(CrossValidation.FOLD_LOG))
                    .contains("trained 1 epoch(s)"));
        }
        assertTrue(Files.isRegularFile(parallel.resolve("crossval_summary.csv")));
        assertTrue(Files.isRegularFile(parallel.resolve("postprocessing.json")));

        Path alone = dir.resolve("alone");
        assertEquals(0, CommandRun.of("train", "--config", parallel.resolve("fold_1/config.json").toString(),
                "--output-dir", alone.toString(), "--quiet").exitCode());
        assertEquals(withoutSeconds(alone.resolve("training_log.csv")),
                withoutSeconds(parallel.resolve("fold_1/training_log.csv")), "the same run as training it alone");
    }

    /** The log's rows without the wall-clock column, which no two runs share. */
    private static List<String> withoutSeconds(Path log) throws IOException {
        List<String> rows = Files.readAllLines(log);
        int seconds = List.of(rows.get(0).split(",")).indexOf("seconds");
        assertTrue(seconds >= 0, rows.get(0));
        return rows.stream().map(row -> {
            List<String> fields = new ArrayList<>(List.of(row.split(",", -1)));
            fields.remove(seconds);
            return String.join(",", fields);
        }).toList();
    }
}
