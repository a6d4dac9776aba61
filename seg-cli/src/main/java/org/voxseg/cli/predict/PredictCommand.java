package org.voxseg.cli.predict;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.voxseg.cli.ConsoleProgress;
import org.voxseg.core.config.InferenceConfig;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.inference.CasePredictor;
import org.voxseg.core.workflow.Segmenter;
import org.voxseg.core.workflow.TrainedModel;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseInputs;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.dataset.NiftiFiles;
import org.voxseg.data.grid.Extent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg predict}: segments one case or every case under a root, writing label maps as .nii.gz. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Segment cases with trained models; writes <case>.nii.gz in each input's geometry.")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, arity = "1..*", paramLabel = "RUN_OR_CHECKPOINT",
            description = "A run folder (its best checkpoint) or a checkpoint; several are averaged (ensemble).")
    List<Path> models;

    @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "CASE_DIR|ROOT|FILES",
            description = "A BraTS case folder, a folder of case folders, or the channel files of one case in the "
                    + "model's channel order.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.nii.gz|DIR",
            description = "The label map of a single case, or a folder for <case>.nii.gz files.")
    Path output;

    @Option(names = "--overlap", paramLabel = "F", description = "Sliding-window overlap (default: the model's).")
    Double overlap;

    @Option(names = "--roi", split = ",", paramLabel = "X,Y,Z", description = "Window size (default: the model's).")
    int[] roi;

    @Option(names = "--sw-batch", paramLabel = "N", description = "Windows per forward pass (default: the model's).")
    Integer windowBatch;

    @Option(names = "--tta", description = "Average the 8 mirrored predictions (8x slower).")
    boolean tta;

    @Option(names = "--probabilities", description = "Also write <case>_probabilities.nii.gz (4-D float32).")
    boolean probabilities;

    @Option(names = "--threads", paramLabel = "N", description = "Compute threads (default: the engine's).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            TorchRuntime.useThreads(threads);
        }
        long started = System.nanoTime();
        int written = 0;
        try (NDManager manager = TorchRuntime.engine().newBaseManager()) {
            List<TrainedModel> loaded = new ArrayList<>();
            try {
                for (Path model : models) {
                    loaded.add(TrainedModel.load(model, manager));
                }
                Segmenter segmenter = new Segmenter(loaded, settings(Segmenter.defaults(loaded)));
                List<CaseFiles> cases = CaseInputs.resolveChecked(inputs, segmenter.description().channels(),
                        segmenter.description().labels());
                boolean single = cases.size() == 1 && NiftiFiles.stem(output).isPresent();
                if (!single) {
                    Files.createDirectories(output);
                }
                for (CaseFiles entry : cases) {
                    Path target = single ? output : output.resolve(entry.id() + ".nii.gz");
                    predict(segmenter, entry, target, manager);
                    written++;
                }
            } finally {
                loaded.forEach(TrainedModel::close);
            }
        }
        out().printf(Locale.ROOT, "wrote %d segmentation(s) to %s in %.1f s%n", written, output,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private InferenceConfig settings(InferenceConfig defaults) {
        return defaults.with(roi != null ? Extent.of(roi) : defaults.roi(),
                overlap != null ? overlap : defaults.overlap(),
                windowBatch != null ? windowBatch : defaults.swBatchSize(), tta || defaults.tta());
    }

    private void predict(Segmenter segmenter, CaseFiles entry, Path target, NDManager manager) throws IOException {
        CaseLoader.LoadedCase loaded = CaseLoader.load(entry);
        CasePredictor.Prediction prediction;
        try (ProgressBar bar = ConsoleProgress.bar(entry.id(), -1, quiet)) {
            prediction = segmenter.segment(loaded.image(), manager, done -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            });
        }
        segmenter.writeLabels(prediction, target);
        if (probabilities) {
            String name = NiftiFiles.stem(target).orElseThrow();
            segmenter.writeProbabilities(prediction, target.resolveSibling(name + "_probabilities.nii.gz"));
        }
        if (!quiet) {
            out().println(entry.id() + " -> " + target);
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
