package org.voxseg.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ConfigException;

/** A folder without a model is refused saying what it is and what to give instead. */
class RunFolderTest {

    @TempDir
    Path dir;

    @Test
    void aCrossValidationFolderNamesItsFolds() throws IOException {
        Path root = dir.resolve("cv");
        Files.createDirectories(root.resolve("fold_1"));
        Files.createDirectories(root.resolve("fold_0"));

        ConfigException refused = assertThrows(ConfigException.class, () -> RunFolder.checkpoint(root));

        assertEquals(root + ": a cross-validation folder; give its folds' run folders, which are averaged (--model "
                + root.resolve("fold_0") + " " + root.resolve("fold_1") + ")", refused.getMessage());
    }

    @Test
    void aRunBeforeItsFirstEpochEndedSaysSo() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve(RunFolder.MODEL), "{}");

        ConfigException refused = assertThrows(ConfigException.class, () -> RunFolder.checkpoint(run));

        assertEquals(run + ": the run has no checkpoint yet (latest.ckpt is written when its first epoch ends); wait "
                + "for that, or give a run that has trained", refused.getMessage());
    }

    @Test
    void anyOtherFolderIsNotARunFolder() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));

        ConfigException refused = assertThrows(ConfigException.class, () -> RunFolder.checkpoint(other));

        assertEquals(other + ": not a run folder (no best.ckpt, final.ckpt, latest.ckpt or model.ts); give a folder "
                + "written by voxseg train or voxseg import", refused.getMessage());
    }
}
