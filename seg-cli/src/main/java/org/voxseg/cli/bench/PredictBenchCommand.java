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
import org.voxseg.core.api.PredictionCommandLine;
import org.voxseg.core.api.PredictionOverrides;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.prediction.CasePredictor;
import org.voxseg.core.prediction.MirrorAxes;
import org.voxseg.core.prediction.MirroredPredictor;
import org.voxseg.core.prediction.NetworkPredictor;
import org.voxseg.core.prediction.Predictor;
import org.voxseg.core.prediction.SlidingWindow;
import org.voxseg.data.geometry.Extent;
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
@Command(name = "predict", mixinStandardHelpOptions = true, modelTransformer = PredictionCommandLine.class,
        description = "Time predicting a 4x240x240x155 case with the reference network. The prediction options are "
                + "voxseg predict's, applied to the reference model's settings: roi 128, overlap 0.5, Gaussian, one "
                + "window a call, no TTA, no postprocessing.")
public final class PredictBenchCommand implements Callable<Integer> {

    /** The reference model's prediction settings, which the prediction options change as they change a run's. */
    static final PredictionConfig REFERENCE = PredictionConfig.builder().roi(Extent.cube(128)).build();

    @Option(names = "--shape", split = ",", defaultValue = "240,240,155", paramLabel = "X,Y,Z",
            description = "Case shape (default: ${DEFAULT-VALUE}).")
    int[] shape;

    @Option(names = "--filters", split = ",", defaultValue = "16,32,64,128",
            description = "Filters per level (default: ${DEFAULT-VALUE}, the reference network).")
    int[] filters;

    @Mixin
    BenchRun run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PredictionOverrides overrides = PredictionCommandLine.overrides(spec).build();
        PredictionConfig settings = overrides.applyTo(REFERENCE);
        MirrorAxes mirroring = settings.tta() ? overrides.mirrorAxes() : null;
        Precision precision = overrides.precision();
        Engine engine = TorchRuntime.engine();
        engine.setRandomSeed(0);
        Volume image = SyntheticHead.fourChannels(shape, 0);
        long baseline = PeakMemory.currentBytes().orElse(0);
        NetworkConfig config = NetworkConfig.basic(4, 3, filters);
        Device target = TorchRuntime.device(overrides.device() != null ? overrides.device() : settings.device(),
                "--device");
        precision.requireSupportedOn(target);
        Extent roi = settings.roi();
        try (NDManager manager = engine.newBaseManager(target)) {
            UNet3d net = new UNet3d(config);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 4, roi.z(), roi.y(), roi.x()));
            CasePredictor casePredictor = casePredictor(net, precision, settings.slidingWindow(), mirroring);
            Timings timings = run.time(() -> casePredictor.predict(image, manager));
            Double agreement = null;
            if (precision != Precision.FP32) {
                agreement = agreement(casePredictor.predict(image, manager).labels(), casePredictor(net,
                        Precision.FP32, settings.slidingWindow(), mirroring).predict(image, manager).labels());
            }
            report(new Measured(settings, mirroring, precision, TorchRuntime.name(target), timings, baseline,
                    PeakMemory.peakBytes().orElse(0), agreement));
        }
        return 0;
    }

    /** What one benchmark measured, with the settings it ran. */
    private record Measured(PredictionConfig settings, MirrorAxes mirroring, Precision precision, String device,
            Timings timings, long baseline, long peak, Double agreement) {
    }

    /**
     * The whole-case prediction the benchmarks time: foreground crop, z-score, padding to the window, {@code window},
     * mirror TTA along {@code mirroring} (null for none), BraTS region decoding, no postprocessing.
     */
    static CasePredictor casePredictor(UNet3d net, Precision type, SlidingWindow window, MirrorAxes mirroring) {
        Predictor predictor = NetworkPredictor.frozen(net, OutputActivation.SIGMOID, type);
        if (mirroring != null) {
            predictor = new MirroredPredictor(predictor, mirroring.flips());
        }
        PreprocessingSettings preprocessing = PreprocessingSettings.builder()
                .foregroundCrop(ForegroundCrop.above(0, 0))
                .normalization(IntensityNormalization.zScore(true, true))
                .padding(window.roi(), 1)
                .build();
        return new CasePredictor(preprocessing, window, predictor, LabelEncoding.of(new int[] {2, 1, 4}, true),
                Postprocessing.NONE);
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

    private void report(Measured measured) throws Exception {
        PredictionConfig settings = measured.settings();
        MirrorAxes mirroring = measured.mirroring();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("shape", shape);
        results.put("roi", settings.roi().toArray());
        results.put("overlap", settings.overlap());
        results.put("sw_batch", settings.swBatchSize());
        results.put("tta_axes", mirroring == null ? "none" : mirroring.toString());
        results.put("device", measured.device());
        results.put("precision", measured.precision().toString());
        if (measured.agreement() != null) {
            results.put("labels_agreeing_with_fp32", measured.agreement());
        }
        results.put("repeats", run.repeats);
        results.put("median_s", measured.timings().median());
        results.put("min_s", measured.timings().min());
        results.put("rss_before_bytes", measured.baseline());
        results.put("rss_peak_bytes", measured.peak());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "predict 4x%dx%dx%d (roi %s, overlap %.2f, %d window(s) a call%s, %s on %s): median "
                + "%.1f s (min %.1f), peak RSS %.0f MB (%.0f MB before), %d runs%s%n", shape[0], shape[1], shape[2],
                settings.roi(), settings.overlap(), settings.swBatchSize(), mirroring == null ? ""
                        : ", " + mirroring.passes() + "-flip TTA", measured.precision(), measured.device(),
                measured.timings().median(), measured.timings().min(), measured.peak() / 1e6,
                measured.baseline() / 1e6, run.repeats, measured.agreement() == null ? ""
                        : String.format(Locale.ROOT, "; labels agreeing with fp32: %.4f%%",
                                100 * measured.agreement()));
        out.flush();
        run.save(results);
    }
}
