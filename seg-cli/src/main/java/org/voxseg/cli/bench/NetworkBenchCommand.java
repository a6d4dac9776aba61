package org.voxseg.cli.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.voxseg.cli.DeviceOption;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.network.FlopCount;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.prediction.NetworkPredictor;
import org.voxseg.core.prediction.Predictor;
import org.voxseg.core.prediction.SlidingWindow;
import org.voxseg.core.prediction.WindowPlan;
import org.voxseg.core.training.TrainingSetup;
import org.voxseg.core.training.TrainingStep;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxseg bench network}: times a training step (forward, Dice loss, backward, Adam update), an inference
 * forward pass on a random patch, or a sliding-window pass over a random volume (roi = patch, overlap 0.5,
 * Gaussian), and reports the achieved GFLOP/s (from {@link FlopCount}) and the process's peak memory. Run one mode
 * and size per process so that the peak belongs to it.
 */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Time a U-Net training step, inference pass or sliding window (one size per process).")
public final class NetworkBenchCommand implements Callable<Integer> {

    /** What is timed. */
    enum Mode { TRAIN, INFER, WINDOW }

    @Option(names = "--volume", split = ",", defaultValue = "240,240,155", paramLabel = "X,Y,Z",
            description = "Volume of the window mode (default: ${DEFAULT-VALUE}).")
    int[] volume;

    @Option(names = "--mode", defaultValue = "train",
            description = "train, infer or window (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--patch", defaultValue = "64", description = "Cubic patch size (default: ${DEFAULT-VALUE}).")
    int patch;

    @Option(names = "--batch", defaultValue = "1", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--channels", split = ",", defaultValue = "4,3", paramLabel = "IN,OUT",
            description = "Input and output channels (default: ${DEFAULT-VALUE}).")
    int[] channels;

    @Option(names = "--filters", split = ",", defaultValue = "16,32,64,128",
            description = "Filters per level (default: ${DEFAULT-VALUE}, the reference network of docs/engine.md).")
    int[] filters;

    @Option(names = "--precision", defaultValue = "fp32", paramLabel = "fp32|bf16|fp16",
            description = "The number type of the convolutions; in train mode mixed precision, with float32 weights, "
                    + "normalisation and loss (default: ${DEFAULT-VALUE}).")
    Precision precision;

    @Option(names = "--profile", paramLabel = "TRACE.json",
            description = "After timing, run once more under libtorch's profiler and write its Chrome trace (op "
                    + "names, shapes, times; bench/profile_summary.py totals it per op).")
    Path profile;

    @Mixin
    BenchRun run;

    @Mixin
    DeviceOption device;

    @Spec
    CommandSpec spec;

    /** Anonymous resident memory after each training step, warm-up included: whether it stays flat. */
    private final List<Long> anonymousAfterStep = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        NetworkConfig config = NetworkConfig.basic(channels[0], channels[1], filters);
        Shape input = new Shape(batch, channels[0], patch, patch, patch);
        Shape output = new Shape(batch, channels[1], patch, patch, patch);
        long baseline = PeakMemory.currentBytes().orElse(0);
        int[] roi = {patch, patch, patch};
        precision.requireSupportedOn(device.resolved());
        try (NDManager manager = TorchRuntime.engine().newBaseManager(device.resolved());
                TrainingSetup setup = TrainingSetup.create(config, precision, batch, Extent.of(roi),
                        DiceLoss.of(OutputActivation.SIGMOID), OptimizerConfig.named("adam", 1e-4), 0, manager)) {
            UNet3d net = setup.network();
            long parameters = net.getParameters().stream().mapToLong(p -> p.getValue().getArray().size()).sum();
            Timings timings;
            double flops;
            if (mode == Mode.WINDOW) {
                Volume image = randomVolume();
                SlidingWindow slidingWindow = SlidingWindow.gaussian(roi, 0.5);
                Predictor predictor = NetworkPredictor.frozen(net, OutputActivation.SIGMOID, precision);
                timings = run.time(() -> slidingWindow.predict(image, predictor, manager));
                int windows = new WindowPlan(volume, roi, 0.5).windows().size();
                flops = windows * FlopCount.forward(config, 1, roi);
            } else {
                TrainingStep training = setup.step();
                Predictor inference = NetworkPredictor.frozen(net, OutputActivation.NONE, precision);
                timings = run.time(() -> step(manager, inference, training, input, output));
                if (profile != null) {
                    JniUtils.startProfile(false, true, false);
                    step(manager, inference, training, input, output);
                    JniUtils.stopProfile(profile.toAbsolutePath().toString());
                }
                flops = (mode == Mode.TRAIN ? 3 : 1) * FlopCount.forward(config, batch, roi);
            }
            report(timings, parameters, flops / timings.median() / 1e9, baseline, PeakMemory.peakBytes().orElse(0));
        }
        return 0;
    }

    /** One training step (the one the training loop runs) or inference pass on a random patch. */
    private void step(NDManager manager, Predictor inference, TrainingStep training, Shape input, Shape output) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.randomNormal(input);
            if (mode == Mode.INFER) {
                inference.predict(x).close();
                return;
            }
            training.run(x, step.randomUniform(0, 1, output).gt(0.8).toType(DataType.FLOAT32, false), 1e-4);
        }
        PeakMemory.anonymousBytes().ifPresent(anonymousAfterStep::add);
    }

    private Volume randomVolume() {
        Random random = new Random(0);
        float[] values = new float[channels[0] * volume[0] * volume[1] * volume[2]];
        for (int v = 0; v < values.length; v++) {
            values[v] = (float) random.nextGaussian();
        }
        return Volume.wrap(Geometry.of(Extent.of(volume), Affine.identity()), channels[0], values);
    }

    private void report(Timings timings, long parameters, double gflops, long baseline, long peak)
            throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("mode", mode.name().toLowerCase(Locale.ROOT));
        results.put("precision", precision.toString());
        results.put("input", new long[] {batch, channels[0], patch, patch, patch});
        results.put("parameters", parameters);
        results.put("threads", Integer.getInteger("ai.djl.pytorch.num_threads",
                Runtime.getRuntime().availableProcessors()));
        results.put("repeats", run.repeats);
        results.put("median_s", timings.median());
        results.put("gflops_per_s", gflops);
        results.put("min_s", timings.min());
        results.put("rss_before_bytes", baseline);
        results.put("rss_peak_bytes", peak);
        if (!anonymousAfterStep.isEmpty()) {
            results.put("rss_anon_after_step_bytes", anonymousAfterStep);
        }
        PrintWriter out = spec.commandLine().getOut();
        String what = switch (mode) {
            case TRAIN -> "training step " + batch + "x" + channels[0] + "x" + patch + "^3";
            case INFER -> "inference " + batch + "x" + channels[0] + "x" + patch + "^3 in " + precision;
            case WINDOW -> "sliding window " + channels[0] + "x" + volume[0] + "x" + volume[1] + "x" + volume[2]
                    + " (roi " + patch + ", " + precision + ")";
        };
        out.printf(Locale.ROOT, "%s, %.2f M parameters: median %.3f s (min %.3f), %.1f GFLOP/s, peak RSS %.0f MB"
                + " (%.0f MB before), %d runs%n", what, parameters / 1e6, timings.median(), timings.min(), gflops,
                peak / 1e6, baseline / 1e6, run.repeats);
        out.flush();
        run.save(results);
    }
}
