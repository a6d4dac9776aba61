package org.voxseg.cli.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.voxseg.cli.DeviceOption;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.prediction.SlidingWindow;
import org.voxseg.core.training.PretrainedWeights;
import org.voxseg.core.training.TrainingSetup;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.sampling.Batch;
import org.voxseg.data.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxseg bench devices}: does a device compute what the CPU computes? Trains the reference network for a few
 * steps on the CPU and on the device from the same weights (initialised on the CPU, copied) and the same host
 * batches, compares the loss curves, times the steps, and on a GPU compares fp16 with fp32 inference on one
 * BraTS-size case. Exits 1 when the curves differ beyond the tolerance or fp16 labels disagree too often; the last
 * line is the summary. {@code bench/gpu_check.sh} runs it; with {@code --device cpu} it is a dry run of itself.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Train a few steps on the CPU and on a device from the same weights and batches, compare the "
                + "loss curves and, on a GPU, fp16 with fp32 inference; exit 1 when they differ.")
public final class DevicesBenchCommand implements Callable<Integer> {

    @Option(names = "--device", defaultValue = "gpu", paramLabel = "cpu|gpu|gpu:N",
            converter = DeviceOption.Parser.class,
            description = "The device checked against the CPU (default: ${DEFAULT-VALUE}).")
    DeviceRequest device;

    @Option(names = "--steps", defaultValue = "20", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--patch", defaultValue = "64", description = "Cubic patch (default: ${DEFAULT-VALUE}).")
    int patch;

    @Option(names = "--filters", split = ",", defaultValue = "16,32,64,128",
            description = "Filters per level of the network (default: ${DEFAULT-VALUE}).")
    int[] filters;

    @Option(names = "--shape", split = ",", defaultValue = "240,240,155", paramLabel = "X,Y,Z",
            description = "The case predicted in fp32 and fp16 on a GPU (default: ${DEFAULT-VALUE}).")
    int[] shape;

    @Option(names = "--roi", defaultValue = "128", description = "Cubic window (default: ${DEFAULT-VALUE}).")
    int roi;

    @Option(names = "--tolerance", defaultValue = "1e-2",
            description = "Largest relative difference of the losses (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-disagreement", defaultValue = "1e-3",
            description = "Largest share of voxels whose fp16 label differs from fp32's (default: ${DEFAULT-VALUE}).")
    double maxDisagreement;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Device checked = TorchRuntime.device(device, "--device");
        NetworkConfig config = NetworkConfig.basic(4, 3, filters);
        PrintWriter out = spec.commandLine().getOut();
        out.println(TorchRuntime.describeDevices());
        try (NDManager base = TorchRuntime.engine().newBaseManager(Device.cpu())) {
            TorchRuntime.seed(0);
            UNet3d reference = UNet3d.initialized(config, base, 1, Extent.cube(patch));
            Curve cpu = train(config, reference, Device.cpu(), base);
            Curve other = train(config, reference, checked, base);
            double difference = 0;
            for (int s = 0; s < steps; s++) {
                out.printf(Locale.ROOT, "step %2d: loss %.6f (cpu) %.6f (%s)%n", s + 1, cpu.losses.get(s),
                        other.losses.get(s), TorchRuntime.name(checked));
                difference = Math.max(difference, Math.abs(other.losses.get(s) - cpu.losses.get(s))
                        / Math.max(Math.abs(cpu.losses.get(s)), 1e-12));
            }
            boolean curvesAgree = difference <= tolerance;
            String half = "fp16: skipped (half precision runs on a GPU only)";
            boolean halfAgrees = true;
            if (checked.isGpu()) {
                double[] comparison = compareHalf(config, reference, checked, base);
                halfAgrees = 1 - comparison[2] <= maxDisagreement;
                half = String.format(Locale.ROOT, "fp16 %.1f s vs fp32 %.1f s on 4x%dx%dx%d, labels agree on %.3f%% "
                        + "(need %.3f%%)", comparison[1], comparison[0], shape[0], shape[1], shape[2],
                        100 * comparison[2], 100 * (1 - maxDisagreement));
            }
            boolean pass = curvesAgree && halfAgrees;
            out.printf(Locale.ROOT, "device check cpu vs %s: %d steps, largest relative loss difference %.2e (limit "
                    + "%.0e), step %.3f s vs %.3f s; %s: %s%n", TorchRuntime.name(checked), steps, difference,
                    tolerance, cpu.medianStep(), other.medianStep(), half, pass ? "PASS" : "FAIL");
            out.flush();
            return pass ? 0 : 1;
        }
    }

    /** Losses and step times of one device's training. */
    private record Curve(List<Double> losses, List<Double> seconds) {
        double medianStep() {
            double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[sorted.length / 2];
        }
    }

    /** Trains {@code steps} steps on {@code target} from the reference's weights, on batches made on the host. */
    private Curve train(NetworkConfig config, UNet3d reference, Device target, NDManager base) {
        List<Double> losses = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        try (NDManager manager = base.newSubManager(target);
                TrainingSetup setup = TrainingSetup.create(config, Precision.FP32, 1, Extent.cube(patch),
                        DiceLoss.of(OutputActivation.SIGMOID), OptimizerConfig.named("adam", 1e-3), 0, manager)) {
            PretrainedWeights.copyMatching(reference, setup.network());
            for (int s = 0; s < steps; s++) {
                Batch batch = batch(s);
                long started = System.nanoTime();
                losses.add(setup.step().run(batch, 1e-3));
                seconds.add((System.nanoTime() - started) / 1e9);
            }
        }
        return new Curve(losses, seconds);
    }

    /** Batch {@code step}: Gaussian images and targets thresholded from them, the same on every device. */
    private Batch batch(int step) {
        Random random = new Random(step);
        int voxels = patch * patch * patch;
        float[] images = new float[4 * voxels];
        float[] targets = new float[3 * voxels];
        for (int v = 0; v < images.length; v++) {
            images[v] = (float) random.nextGaussian();
        }
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < voxels; v++) {
                targets[c * voxels + v] = images[c * voxels + v] > 0.5 * c ? 1 : 0;
            }
        }
        return new Batch(1, 4, 3, Extent.cube(patch), images, targets);
    }

    /** Seconds of fp32 and of fp16 prediction of one synthetic case on {@code gpu}, and their label agreement. */
    private double[] compareHalf(NetworkConfig config, UNet3d reference, Device gpu, NDManager base) {
        Volume image = SyntheticHead.fourChannels(shape, 0);
        try (NDManager manager = base.newSubManager(gpu)) {
            UNet3d network = UNet3d.initialized(config, manager, 1, Extent.cube(roi));
            PretrainedWeights.copyMatching(reference, network);
            SlidingWindow window = SlidingWindow.gaussian(Extent.cube(roi), 0.5);
            long started = System.nanoTime();
            Volume full = PredictBenchCommand.casePredictor(network, Precision.FP32, window, null)
                    .predict(image, manager).labels();
            double fullSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            Volume half = PredictBenchCommand.casePredictor(network, Precision.FP16, window, null)
                    .predict(image, manager).labels();
            double halfSeconds = (System.nanoTime() - started) / 1e9;
            return new double[] {fullSeconds, halfSeconds, PredictBenchCommand.agreement(half, full)};
        }
    }

}
