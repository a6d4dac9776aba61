package org.voxseg.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.voxseg.core.api.RunListener;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.RunConfig;
import org.voxseg.data.synthetic.SyntheticBrats;

/**
 * What the Spark tests share: one Spark session in local mode (2 task slots, a failed task tried up to 3 times), a
 * tiny U-Net trained for one epoch on synthetic 32x32x24 cases (per test class, in its folder), and a folder of 4
 * unseen cases plus a broken one.
 */
public final class TinyCases {

    /** The case whose FLAIR file is cut short. */
    public static final String BROKEN = "BraTS20_Synth_900";
    public static final int GOOD = 4;

    private static SparkSession spark;

    private TinyCases() {
    }

    /** The tests' Spark session: {@code local[2,3]}, no UI; started again after a command has stopped it. */
    public static synchronized SparkSession spark() {
        if (spark == null || spark.sparkContext().isStopped()) {
            spark = SparkSession.builder().master("local[2,3]").appName("voxseg-spark tests")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        }
        return spark;
    }

    /** A run folder trained under {@code dir} in a few seconds (1 epoch of 2 steps, filters 4-8). */
    public static Path run(Path dir) throws IOException {
        Path data = dir.resolve("train");
        new SyntheticBrats(new int[] {32, 32, 24}, 1).write(data, 3);
        Path config = Files.writeString(dir.resolve("config.json"), """
                {
                  "model": {"in_channels": 4, "out_channels": 3, "filters": [4, 8]},
                  "optimizer": {"name": "adam", "lr": 0.01},
                  "loss": {"name": "dice_bce"},
                  "dataset": {"brats_root": "train", "validation_cases": ["BraTS20_Synth_002"]},
                  "training": {"epochs": 1, "iterations_per_epoch": 2, "batch_size": 2,
                               "patch_size": [16, 16, 16], "foreground_fraction": 0.5, "seed": 7,
                               "validation_batches": 1}
                }
                """);
        Path run = dir.resolve("run");
        try (Voxseg voxseg = Voxseg.builder().threads(2).build()) {
            voxseg.train(RunConfig.read(config), run, RunListener.NONE);
        }
        return run;
    }

    /** Writes the {@value #GOOD} good cases into {@code good}, and them plus the broken case into {@code all}. */
    public static void write(Path good, Path all) throws IOException {
        List<Path> cases = new SyntheticBrats(new int[] {32, 32, 24}, 5).write(good, GOOD);
        for (Path folder : cases) {
            copyCase(folder, all, folder.getFileName().toString());
        }
        Path flair = copyCase(cases.get(0), all, BROKEN).resolve(BROKEN + "_flair.nii.gz");
        byte[] bytes = Files.readAllBytes(flair);
        Files.write(flair, Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** Copies the case folder {@code from} to {@code root/id}, its files renamed after {@code id}. */
    private static Path copyCase(Path from, Path root, String id) throws IOException {
        Path target = Files.createDirectories(root.resolve(id));
        String old = from.getFileName().toString();
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString().replace(old, id)));
            }
        }
        return target;
    }
}
