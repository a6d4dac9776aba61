package org.voxseg.cli.bench;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.optim.OptimizerConfig;
import org.voxseg.core.training.TrainingSetup;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.sampling.AugmentationPipeline;
import org.voxseg.data.sampling.BatchLoader;
import org.voxseg.data.sampling.Flip;
import org.voxseg.data.sampling.IntensityAugmentation;
import org.voxseg.data.sampling.PatchSampler;
import org.voxseg.data.sampling.Rotate90;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.sampling.Zoom;
import org.voxseg.data.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxseg bench pipeline}: training steps of the reference network fed by the real data pipeline (patch
 * sampling with foreground oversampling and nnU-Net-like augmentation on background threads), reporting the step
 * time and the share of the loop spent waiting for batches.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Time training steps fed by the data pipeline and the share of time spent waiting for data.")
public final class PipelineBenchCommand implements Callable<Integer> {

    @Option(names = "--patch", defaultValue = "64", description = "Cubic patch size (default: ${DEFAULT-VALUE}).")
    int patch;

    @Option(names = "--batch", defaultValue = "2", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "10", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--cases", defaultValue = "4", description = "Synthetic cases (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--case-shape", split = ",", defaultValue = "160,160,128", paramLabel = "X,Y,Z",
            description = "Shape of each synthetic (cropped) case (default: ${DEFAULT-VALUE}).")
    int[] caseShape;

    @Option(names = "--workers", defaultValue = "1", description = "Batch threads (default: ${DEFAULT-VALUE}).")
    int workers;

    @Mixin
    BenchRun run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<SamplingCase> sources = new ArrayList<>();
        int[] shape = caseShape;
        for (int n = 0; n < cases; n++) {
            Volume image = SyntheticHead.fourChannels(shape, 10L * n);
            float[] labels = new float[image.voxelsPerChannel()];
            image.channel(0).get(labels);
            for (int v = 0; v < labels.length; v++) {
                labels[v] = labels[v] > 540 ? 4 : labels[v] > 520 ? 1 : labels[v] > 500 ? 2 : 0;
            }
            sources.add(new SamplingCase("case" + n, image, Volume.wrap(image.geometry(), 1, labels)));
        }
        AugmentationPipeline augmentation = new AugmentationPipeline(List.of(new Flip(0, 0.5), new Flip(1, 0.5),
                new Flip(2, 0.5), new Rotate90(0, 1, 0.5), new Zoom(0.2, 0.7, 1.4),
                new IntensityAugmentation(IntensityAugmentation.Kind.SCALE, 0.15, 0.75, 1.25),
                new IntensityAugmentation(IntensityAugmentation.Kind.NOISE, 0.1, 0, 0.1),
                new IntensityAugmentation(IntensityAugmentation.Kind.GAMMA, 0.3, 0.7, 1.5)));
        int[] roi = {patch, patch, patch};
        try (NDManager manager = TorchRuntime.engine().newBaseManager();
                BatchLoader loader = BatchLoader.builder().cases(sources).sampler(new PatchSampler(roi, 0.33))
                        .augmentation(augmentation).encoding(LabelEncoding.of(new int[] {2, 1, 4}, true))
                        .batchSize(batch).seed(1).threads(workers).build();
                TrainingSetup setup = TrainingSetup.create(NetworkConfig.basic(4, 3, 16, 32, 64, 128), Precision.FP32,
                        batch, Extent.of(roi), DiceLoss.of(OutputActivation.SIGMOID),
                        OptimizerConfig.named("adam", 1e-4), 0, manager)) {
            Timings.Action step = () -> setup.step().run(loader.next(), 1e-4);
            for (int w = 0; w < run.warmup; w++) {
                step.run();
            }
            long waitedBefore = loader.waitNanos();
            long start = System.nanoTime();
            Timings timings = Timings.measure(0, steps, step);
            double total = (System.nanoTime() - start) / 1e9;
            double waited = (loader.waitNanos() - waitedBefore) / 1e9;
            report(timings, waited / total);
        }
        return 0;
    }

    private void report(Timings timings, double waitShare) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("input", new long[] {batch, 4, patch, patch, patch});
        results.put("steps", steps);
        results.put("workers", workers);
        results.put("step_median_s", timings.median());
        results.put("wait_share", waitShare);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "training with the data pipeline, %dx4x%d^3, %d batch thread(s): step median %.3f s,"
                + " waiting for data %.1f%% of the loop, %d steps%n", batch, patch, workers, timings.median(),
                100 * waitShare, steps);
        out.flush();
        run.save(results);
    }
}
