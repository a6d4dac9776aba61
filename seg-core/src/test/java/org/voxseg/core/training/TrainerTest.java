package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.loss.OutputActivation;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.schedule.ScheduleConfig;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.sampling.AugmentationPipeline;
import org.voxseg.data.sampling.Flip;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.volume.Volume;

/** The training loop on a tiny problem: 2 channels, 24^3, a bright sphere to segment. */
class TrainerTest {

    private static final int N = 24;

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = TorchRuntime.engine().newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Two noisy channels with a sphere brighter in both; the label map marks the sphere. */
    private static SamplingCase sphereCase(long seed) {
        Random random = new Random(seed);
        int cx = 8 + random.nextInt(8);
        int cy = 8 + random.nextInt(8);
        int cz = 8 + random.nextInt(8);
        double radius = 4 + 2 * random.nextDouble();
        int voxels = N * N * N;
        float[] image = new float[2 * voxels];
        float[] labels = new float[voxels];
        for (int v = 0; v < voxels; v++) {
            int x = v % N;
            int y = v / N % N;
            int z = v / (N * N);
            boolean inside = Math.pow(x - cx, 2) + Math.pow(y - cy, 2) + Math.pow(z - cz, 2) < radius * radius;
            labels[v] = inside ? 1 : 0;
            image[v] = (float) ((inside ? 1.0 : 0.0) + 0.3 * random.nextGaussian());
            image[voxels + v] = (float) ((inside ? 0.8 : 0.1) + 0.3 * random.nextGaussian());
        }
        Geometry grid = Geometry.of(new int[] {N, N, N}, Affine.identity());
        return new SamplingCase("sphere" + seed, Volume.wrap(grid, 2, image), Volume.wrap(grid, 1, labels));
    }

    private static List<SamplingCase> cases(long first, int count) {
        List<SamplingCase> cases = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            cases.add(sphereCase(first + n));
        }
        return cases;
    }

    private static Trainer trainer(int epochs, int iterations) {
        return new Trainer(NetworkConfig.basic(2, 1, 8, 16), DiceLoss.of(OutputActivation.SIGMOID),
                OutputActivation.SIGMOID, OptimizerConfig.named("adam", 1e-2), ScheduleConfig.of(null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                LabelEncoding.of(new int[] {1}, true), new AugmentationPipeline(List.of(new Flip(0, 0.5))),
                new TrainingSettings(epochs, iterations, 2, new int[] {16, 16, 16}, 0.5, 7, 1, 0.5, 0));
    }

    @Test
    void trainingDrivesTheValidationDiceAboveEightTenths() throws IOException {
        Trainer.Outcome outcome = trainer(6, 8).train(cases(0, 4), cases(100, 1), dir.resolve("run"), manager);

        assertTrue(outcome.bestDice() > 0.8, "best validation Dice " + outcome.bestDice() + ", history "
                + outcome.history());
        for (String file : new String[] {Trainer.LATEST, Trainer.BEST, Trainer.FINAL, Trainer.LOG}) {
            assertTrue(Files.exists(dir.resolve("run").resolve(file)), file);
        }
        assertEquals(7, Files.readAllLines(dir.resolve("run").resolve(Trainer.LOG)).size(), "header + 6 epochs");
    }

    @Test
    void aResumedRunEqualsAnUninterruptedOne() throws IOException {
        Trainer.Outcome straight = trainer(4, 3).train(cases(0, 2), cases(100, 1), dir.resolve("straight"), manager);

        Path interrupted = dir.resolve("interrupted");
        trainer(2, 3).train(cases(0, 2), cases(100, 1), interrupted, manager);
        Trainer.Outcome resumed = trainer(4, 3).train(cases(0, 2), cases(100, 1), interrupted, manager);

        assertEquals(straight.history().get("train_loss"), resumed.history().get("train_loss"));
        assertEquals(straight.history().get("val_dice"), resumed.history().get("val_dice"));
        assertEquals(4, resumed.epochs());
    }
}
