package org.voxseg.core.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.voxseg.data.synthetic.SyntheticBrats;

/** A synthetic BraTS folder of a few 32x32x24 cases and a config that trains a tiny U-Net on it in seconds. */
final class TinyDataset {

    static final String VALIDATION_CASE = "BraTS20_Synth_004";
    static final String FIRST_CASE = "BraTS20_Synth_000";

    private TinyDataset() {
    }

    /** Writes {@code count} cases under {@code root}. */
    static List<Path> cases(Path root, int count, long seed) throws IOException {
        return new SyntheticBrats(new int[] {32, 32, 24}, seed).write(root, count);
    }

    /**
     * Writes a config training {@code epochs} epochs on the cases under {@code trainRoot} (relative to the config's
     * folder) with the extra JSON members {@code extra} in the config's top-level object.
     */
    static Path config(Path file, String trainRoot, int epochs, String extra) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.format(Locale.ROOT, """
                {
                  "model": {"in_channels": 4, "out_channels": 3, "filters": [4, 8]},
                  "optimizer": {"name": "adam", "lr": 0.01},
                  "loss": {"name": "dice_bce"},
                  "dataset": {"brats_root": "%s", "validation_cases": ["%s"]},
                  "training": {"epochs": %d, "iterations_per_epoch": 2, "batch_size": 2, "patch_size": [16, 16, 16],
                               "foreground_fraction": 0.5, "seed": 7, "validation_batches": 2}%s
                }
                """, trainRoot, VALIDATION_CASE, epochs, extra.isEmpty() ? "" : ",\n  " + extra));
        return file;
    }
}
