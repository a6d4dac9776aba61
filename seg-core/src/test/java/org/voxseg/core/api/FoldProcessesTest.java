package org.voxseg.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.engine.DeviceRequest;

/**
 * The folds' processes report each fold, collect the failures and leave each child's one-line reason in its log;
 * devices libtorch does not see are refused before anything is written. Training itself is {@code voxseg crossval
 * --devices}'s test.
 */
class FoldProcessesTest {

    @TempDir
    Path dir;

    @Test
    void aFoldWhoseProcessFailsIsNamedAfterEveryFoldHasEndedWithItsReasonInItsLog() throws IOException {
        List<Path> folds = List.of(Files.createDirectories(dir.resolve("fold_0")),
                Files.createDirectories(dir.resolve("fold_1")));
        List<String> notes = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };

        IOException failure = assertThrows(IOException.class, () -> new FoldProcesses(List.of(DeviceRequest.parse(
                "cpu")), listener).train(folds));

        assertEquals("fold_0, fold_1 failed; see train.log in each", failure.getMessage());
        assertEquals(List.of("fold_0 on cpu: failed with exit code 1 (" + folds.get(0).resolve("train.log") + ")",
                "fold_1 on cpu: failed with exit code 1 (" + folds.get(1).resolve("train.log") + ")"), notes);
        for (Path fold : folds) {
            List<String> log = Files.readAllLines(fold.resolve(CrossValidation.FOLD_LOG));
            assertEquals(List.of("no such file or folder: " + fold.resolve(RunFolder.CONFIG)), log);
        }
    }

    @Test
    void aDeviceLibtorchDoesNotSeeOrNoDeviceAtAllIsRefusedBeforeAnyFoldIsSetUp() throws IOException {
        Path config = Files.writeString(dir.resolve("config.json"), """
                {"model": {"in_channels": 4, "out_channels": 3, "filters": [4, 8]},
                 "dataset": {"brats_root": "train"}, "cross_validation": {"n_folds": 2}}
                """);
        Path folder = dir.resolve("cv");

        try (Voxseg voxseg = Voxseg.builder().build()) {
            ConfigException refusal = assertThrows(ConfigException.class, () -> voxseg.crossValidate(RunConfig.read(
                    config), folder, RunListener.NONE, List.of(DeviceRequest.parse("cpu"), DeviceRequest.parse(
                    "gpu:7"))));
            assertTrue(refusal.getMessage().startsWith("devices gpu:7: libtorch sees "), refusal.getMessage());
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> voxseg.crossValidate(
                    RunConfig.read(config), folder, RunListener.NONE, List.of()));
            assertEquals("no device given to train the folds on", none.getMessage());
        }
        assertFalse(Files.exists(folder));
    }
}
