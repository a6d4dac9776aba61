package org.voxseg.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.optim.Optimizer;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.schedule.ConstantRate;
import org.voxseg.core.schedule.LearningRateSchedule;
import org.voxseg.core.schedule.ReduceLrOnPlateau;
import org.voxseg.core.schedule.WarmupCosine;
import org.voxseg.core.testing.NdManagerExtension;

@ExtendWith(NdManagerExtension.class)
class CheckpointFileTest {

    private static final NetworkConfig CONFIG = NetworkConfig.basic(1, 1, 4, 8);
    private static final Shape INPUT = new Shape(1, 1, 8, 8, 8);

    @TempDir
    Path dir;

    private Engine engine;
    private NDManager manager;

    @BeforeEach
    void open(NDManager manager) {
        engine = TorchRuntime.engine();
        this.manager = manager;
    }

    private UNet3d network(int seed) {
        engine.setRandomSeed(seed);
        UNet3d net = new UNet3d(CONFIG);
        net.initialize(manager, DataType.FLOAT32, INPUT);
        return net;
    }

    /** One training step on batch {@code n} (a function of n only, like BatchLoader's). */
    private void step(UNet3d net, Optimizer optimizer, LearningRateSchedule schedule, int n) {
        try (NDManager scope = manager.newSubManager()) {
            engine.setRandomSeed(1000 + n);
            NDArray x = scope.randomNormal(INPUT);
            NDArray targets = x.gt(0).toType(DataType.FLOAT32, false);
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray logits = net.forward(new ParameterStore(scope, false), new NDList(x), true).get(0);
                collector.backward(DiceLoss.of(OutputActivation.SIGMOID).evaluate(logits, targets));
            }
            optimizer.step(net.getParameters(), schedule.learningRate());
            schedule.step(Double.NaN);
        }
    }

    @Test
    void aRunResumedFromItsCheckpointFileContinuesBitForBit() throws IOException {
        UNet3d straight = network(1);
        try (Optimizer adam = OptimizerConfig.named("adam", 0.01).build(manager)) {
            LearningRateSchedule schedule = new WarmupCosine(0.01, 2, 10, 0, 0.5, 0);
            for (int n = 0; n < 4; n++) {
                step(straight, adam, schedule, n);
            }
        }

        Path file = dir.resolve("latest.ckpt");
        UNet3d first = network(1);
        try (Optimizer adam = OptimizerConfig.named("adam", 0.01).build(manager)) {
            LearningRateSchedule schedule = new WarmupCosine(0.01, 2, 10, 0, 0.5, 0);
            for (int n = 0; n < 2; n++) {
                step(first, adam, schedule, n);
            }
            CheckpointFile.write(file, Checkpoint.capture(first, adam, schedule, 2, 2, 0.7, 1,
                    Map.of("train_loss", List.of(0.9, 0.8))));
        }
        UNet3d resumed = network(99);
        Checkpoint checkpoint = CheckpointFile.read(file);
        try (Optimizer adam = OptimizerConfig.named("adam", 0.01).build(manager)) {
            LearningRateSchedule schedule = new WarmupCosine(0.01, 2, 10, 0, 0.5, 0);
            checkpoint.restoreInto(resumed, manager, adam, schedule);
            for (int n = (int) checkpoint.step(); n < 4; n++) {
                step(resumed, adam, schedule, n);
            }
        }

        assertEquals(2, checkpoint.epoch());
        assertEquals(0.7, checkpoint.bestMetric());
        assertEquals(List.of(0.9, 0.8), checkpoint.history().get("train_loss"));
        for (Pair<String, Parameter> p : straight.getParameters()) {
            assertArrayEquals(p.getValue().getArray().toFloatArray(),
                    resumed.getParameters().get(p.getKey()).getArray().toFloatArray(), p.getKey());
        }
    }

    @Test
    void theLossScalersStateSurvivesAndIsAbsentWhereThereIsNone() throws IOException {
        Path scaled = dir.resolve("scaled.ckpt");
        Path plain = dir.resolve("plain.ckpt");
        try (Optimizer adam = OptimizerConfig.named("adam", 1e-3).build(manager)) {
            Checkpoint checkpoint = Checkpoint.capture(network(1), adam, new ConstantRate(1e-3), 0, 0, Double.NaN, -1,
                    Map.of());
            CheckpointFile.write(scaled, checkpoint.withLossScaling(new LossScaler.State(8192f, 1999, 3)));
            CheckpointFile.write(plain, checkpoint);
        }

        assertEquals(Optional.of(new LossScaler.State(8192f, 1999, 3)), CheckpointFile.read(scaled).lossScaling());
        assertEquals(Optional.empty(), CheckpointFile.read(plain).lossScaling());
    }

    @Test
    void infiniteAndUndefinedValuesSurvive() throws IOException {
        ReduceLrOnPlateau plateau = new ReduceLrOnPlateau(1e-3, ReduceLrOnPlateau.Mode.MIN, 0.5, 2, 1e-4, true, 0, 0);
        Path file = dir.resolve("plateau.ckpt");
        try (Optimizer adam = OptimizerConfig.named("adam", 1e-3).build(manager)) {
            CheckpointFile.write(file, Checkpoint.capture(network(1), adam, plateau, 0, 0, Double.NaN, -1, Map.of()));
        }

        Checkpoint back = CheckpointFile.read(file);

        assertEquals(Double.POSITIVE_INFINITY, back.scheduleState().get("best"));
        assertTrue(Double.isNaN(back.bestMetric()));
    }

    @Test
    void aWriteInterruptedHalfWayLeavesThePreviousCheckpoint() throws IOException {
        Path file = dir.resolve("latest.ckpt");
        UNet3d net = network(1);
        try (Optimizer adam = OptimizerConfig.named("adam", 1e-3).build(manager)) {
            CheckpointFile.write(file, Checkpoint.capture(net, adam, new WarmupCosine(1e-3, 0, 5, 0, 0.5, 0), 3, 30,
                    0.5, 2, Map.of()));
        }
        byte[] good = Files.readAllBytes(file);
        // A run killed while writing leaves only its temporary file behind; latest.ckpt is never touched.
        Files.write(dir.resolve(".latest.ckpt12345.part"), Arrays.copyOf(good, good.length / 2));

        Checkpoint resumed = CheckpointFile.read(file);

        assertEquals(3, resumed.epoch());
        assertEquals(30, resumed.step());
        assertArrayEquals(good, Files.readAllBytes(file));
    }

    @Test
    void tornOrForeignFilesAreRefusedInOneLine() throws IOException {
        Path torn = dir.resolve("torn.ckpt");
        try (Optimizer adam = OptimizerConfig.named("adam", 1e-3).build(manager)) {
            CheckpointFile.write(torn, Checkpoint.capture(network(1), adam, new WarmupCosine(1e-3, 0, 5, 0, 0.5, 0),
                    1, 1, 0.5, 0, Map.of()));
        }
        byte[] bytes = Files.readAllBytes(torn);
        Files.write(torn, Arrays.copyOf(bytes, bytes.length / 3));
        Path text = dir.resolve("notes.ckpt");
        Files.writeString(text, "not a checkpoint");

        for (Path bad : new Path[] {torn, text}) {
            IOException error = assertThrows(IOException.class, () -> CheckpointFile.read(bad));
            assertTrue(error.getMessage().startsWith(bad + ": not a complete voxseg checkpoint"), error.getMessage());
            assertEquals(1, error.getMessage().lines().count());
        }
    }

    @Test
    void anEntryThatInflatesBeyondItsBoundIsRefusedBeforeItFillsTheHeap() throws IOException {
        Path bomb = dir.resolve("bomb.ckpt");
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("checkpoint.json"));
            for (int mb = 0; mb < 80; mb++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < (1 << 20), "80 MB of spaces deflate to well under 1 MB");

        IOException error = assertThrows(IOException.class, () -> CheckpointFile.read(bomb));

        assertEquals(bomb + ": checkpoint.json inflates to more than 64 MB; not a voxseg checkpoint, or damaged",
                error.getMessage());
    }

    @Test
    void metadataOutOfRangeIsRefused() throws IOException {
        Path file = dir.resolve("negative.ckpt");
        try (Optimizer adam = OptimizerConfig.named("adam", 1e-3).build(manager)) {
            CheckpointFile.write(file, Checkpoint.capture(network(1), adam, new WarmupCosine(1e-3, 0, 5, 0, 0.5, 0),
                    -5, 1, 0.5, 0, Map.of()));
        }

        IOException error = assertThrows(IOException.class, () -> CheckpointFile.read(file));

        assertTrue(error.getMessage().startsWith(file + ": damaged checkpoint metadata (epoch -5"), error.getMessage());
    }

    @Test
    void aCheckpointOfAnotherArchitectureIsRefused() throws IOException {
        Path file = dir.resolve("other.ckpt");
        try (Optimizer adam = OptimizerConfig.named("adam", 1e-3).build(manager)) {
            CheckpointFile.write(file, Checkpoint.capture(network(1), adam, new WarmupCosine(1e-3, 0, 5, 0, 0.5, 0),
                    1, 1, 0.5, 0, Map.of()));
        }
        UNet3d wider = new UNet3d(NetworkConfig.basic(1, 1, 8, 16));
        wider.initialize(manager, DataType.FLOAT32, INPUT);

        try (Optimizer adam = OptimizerConfig.named("adam", 1e-3).build(manager)) {
            IOException error = assertThrows(IOException.class, () -> CheckpointFile.read(file).restoreInto(wider,
                    manager, adam, new WarmupCosine(1e-3, 0, 5, 0, 0.5, 0)));
            assertTrue(error.getMessage().startsWith("the checkpoint's parameters do not fit this network: "),
                    error.getMessage());
            assertEquals(1, error.getMessage().lines().count());
        }
    }
}
