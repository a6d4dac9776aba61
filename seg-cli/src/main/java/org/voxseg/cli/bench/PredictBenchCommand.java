package org.voxseg.cli.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxseg.cli.DeviceOption;
import org.voxseg.cli.MirrorAxesConverter;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.prediction.CasePredictor;
import org.voxseg.core.prediction.MirrorAxes;
import org.voxseg.core.prediction.MirroredPredictor;
import org.voxseg.core.prediction.NetworkPredictor;
import org.voxseg.core.prediction.Predictor;
import org.voxseg.core.prediction.SlidingWindow;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.UNet3d;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.label.Postprocessing;
import org.voxseg.data.transform.ForegroundCrop;
import org.voxseg.data.transform.IntensityNormalization;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxseg bench predict}: times predicting one 4-channel BraTS-size case (preprocessing, sliding window,
 * inverse, decoding) with the reference network, optionally with 8-flip mirror TTA, and reports peak memory.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Time predicting a 4x240x240x155 case (sliding window, roi 128, overlap 0.5, Gaussian).")
public final class PredictBenchCommand implements Callable<Integer> {

    @Option(names = "--shape", split = ",", defaultValue = "240,240,155", paramLabel = "X,Y,Z",
            description = "Case shape (default: ${DEFAULT-VALUE}).")
    int[] shape;

    @Option(names = "--roi", split = ",", defaultValue = "128,128,128", paramLabel = "X,Y,Z",
            description = "Window size (default: ${DEFAULT-VALUE}).")
    int[] roi;

    @Option(names = "--overlap", defaultValue = "0.5", description = "Window overlap (default: ${DEFAULT-VALUE}).")
    double overlap;

    @Option(names = "--sw-batch", defaultValue = "1", description = "Windows per call (default: ${DEFAULT-VALUE}).")
    int windowBatch;

    @Option(names = "--tta", description = "Average the 8 mirror flips (8 network passes).")
    boolean tta;

    @Option(names = "--tta-axes", paramLabel = "x,y,z", converter = MirrorAxesConverter.class,
            description = "Mirror along these axes only: 2^k passes for k axes (implies --tta).")
    MirrorAxes ttaAxes;

    @Option(names = "--filters", split = ",", defaultValue = "16,32,64,128",
            description = "Filters per level (default: ${DEFAULT-VALUE}, the reference network).")
    int[] filters;

    @Mixin
    BenchRun run;

    @Mixin
    DeviceOption device;

    @Option(names = "--precision", defaultValue = "fp32", paramLabel = "fp32|bf16|fp16",
            description = "The number type the network computes in; other than fp32, the labels are also compared "
                    + "with one fp32 prediction (default: ${DEFAULT-VALUE}).")
    Precision precision;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Engine engine = TorchRuntime.engine();
        engine.setRandomSeed(0);
        Volume image = SyntheticHead.fourChannels(shape, 0);
        long baseline = PeakMemory.currentBytes().orElse(0);
        NetworkConfig config = NetworkConfig.basic(4, 3, filters);
        Device target = device.resolved();
        precision.requireSupportedOn(target);
        try (NDManager manager = engine.newBaseManager(target)) {
            UNet3d net = new UNet3d(config);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 4, roi[2], roi[1], roi[0]));
            CasePredictor casePredictor = casePredictor(net, precision);
            Timings timings = run.time(() -> casePredictor.predict(image, manager));
            Double agreement = null;
            if (precision != Precision.FP32) {
                agreement = agreement(casePredictor.predict(image, manager).labels(),
                        casePredictor(net, Precision.FP32).predict(image, manager).labels());
            }
            report(timings, baseline, PeakMemory.peakBytes().orElse(0), target, agreement);
        }
        return 0;
    }

    /** The whole-case prediction with {@code net} computing in {@code type}. */
    private CasePredictor casePredictor(UNet3d net, Precision type) {
        return casePredictor(net, type, roi, overlap, windowBatch, mirroring());
    }

    /** The axes mirroring flips, or null for none. */
    private MirrorAxes mirroring() {
        return ttaAxes != null ? ttaAxes : tta ? MirrorAxes.ALL : null;
    }

    /**
     * The whole-case prediction the benchmarks time: foreground crop, z-score, Gaussian sliding window of
     * {@code window}, mirror TTA along {@code mirroring} (null for none), BraTS region decoding, no postprocessing.
     */
    static CasePredictor casePredictor(UNet3d net, Precision type, int[] window, double overlap, int windowBatch,
            MirrorAxes mirroring) {
        Predictor predictor = NetworkPredictor.frozen(net, OutputActivation.SIGMOID, type);
        if (mirroring != null) {
            predictor = new MirroredPredictor(predictor, mirroring.flips());
        }
        PreprocessingSettings preprocessing = PreprocessingSettings.builder()
                .foregroundCrop(ForegroundCrop.above(0, 0))
                .normalization(IntensityNormalization.zScore(true, true))
                .padding(window, 1)
                .build();
        return new CasePredictor(preprocessing, new SlidingWindow(window, overlap, windowBatch, true, 0.125),
                predictor, LabelEncoding.of(new int[] {2, 1, 4}, true), Postprocessing.NONE);
    }

    /** The share of voxels with the same label in both maps. */
    static double agreement(Volume labels, Volume reference) {
        float[] a = labels.toArray();
        float[] b = reference.toArray();
        long same = 0;
        for (int v = 0; v < a.length; v++) {
            same += a[v] == b[v] ? 1 : 0;
        }
        return (double) same / a.length;
    }

    private void report(Timings timings, long baseline, long peak, Device target, Double agreement)
            throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("shape", shape);
        results.put("roi", roi);
        results.put("overlap", overlap);
        results.put("tta_axes", mirroring() == null ? "none" : mirroring().toString());
        results.put("device", TorchRuntime.name(target));
        results.put("precision", precision.toString());
        if (agreement != null) {
            results.put("labels_agreeing_with_fp32", agreement);
        }
        results.put("repeats", run.repeats);
        results.put("median_s", timings.median());
        results.put("min_s", timings.min());
        results.put("rss_before_bytes", baseline);
        results.put("rss_peak_bytes", peak);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "predict 4x%dx%dx%d (roi %d, overlap %.2f%s, %s on %s): median %.1f s (min %.1f), "
                + "peak RSS %.0f MB (%.0f MB before), %d runs%s%n", shape[0], shape[1], shape[2], roi[0], overlap,
                mirroring() == null ? "" : ", " + mirroring().passes() + "-flip TTA", precision,
                TorchRuntime.name(target), timings.median(), timings.min(), peak / 1e6, baseline / 1e6, run.repeats,
                agreement == null ? ""
                        : String.format(Locale.ROOT, "; labels agreeing with fp32: %.4f%%", 100 * agreement));
        out.flush();
        run.save(results);
    }
}
