package org.voxseg.cli.predict;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.voxseg.cli.ConsoleProgress;
import org.voxseg.cli.DeviceOption;
import org.voxseg.cli.OutputPathConverter;
import org.voxseg.core.api.ModelPredictor;
import org.voxseg.core.api.PredictionCommandLine;
import org.voxseg.core.api.PredictionListener;
import org.voxseg.core.api.PredictionOverrides;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.data.dataset.CaseShare;
import org.voxseg.data.io.RealPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg predict}: predicts the label maps of one case or every case under a root, as .nii.gz. */
@Command(name = "predict", mixinStandardHelpOptions = true, modelTransformer = PredictionCommandLine.class,
        description = "Predict the label maps of cases with trained models; writes <case>.nii.gz in each input's "
                + "geometry.")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, arity = "1..*", paramLabel = "RUN_OR_CHECKPOINT",
            description = "A run folder (its best checkpoint) or a checkpoint; several are averaged (ensemble).")
    List<Path> models;

    @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "CASE_DIR|ROOT|FILES",
            description = "A BraTS case folder, a folder of case folders, or the channel files of one case in the "
                    + "model's channel order.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, converter = OutputPathConverter.class, required = true,
            paramLabel = "FILE.nii.gz|DIR",
            description = "The label map of a single case, or a folder for <case>.nii.gz files.")
    Path output;

    @Option(names = "--output-inside-input", description = "Allow the output inside an input folder (refused by "
            + "default: later training and prediction over that folder would read the label maps as cases).")
    boolean outputInsideInput;

    @Option(names = "--probabilities", description = "Also write <case>_probabilities.nii.gz (4-D float32).")
    boolean probabilities;

    @Option(names = "--threads", paramLabel = "N", description = "Compute threads (default: the engine's).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Option(names = "--part", paramLabel = "K/N", converter = ShareParser.class,
            description = "Predict only the K-th of N deterministic shares of the cases (every N-th in case-id order "
                    + "from the K-th), so N jobs, e.g. of an HPC array, cover every case once.")
    CaseShare part;

    @Option(names = "--devices", split = ",", paramLabel = "D,D,...", converter = DeviceOption.Parser.class,
            description = "Spread the cases over these devices (e.g. gpu:0,gpu:1), one model copy and thread each.")
    List<DeviceRequest> devices;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!outputInsideInput) {
            requireOutsideInputFolders();
        }
        long started = System.nanoTime();
        CaseShare share = part == null ? CaseShare.ALL : part;
        List<Path> written;
        // The engine starts with the thread count; the device is checked on it.
        try (Voxseg voxseg = Voxseg.builder().threads(threads == null ? 0 : threads).build()) {
            PredictionOverrides overrides = PredictionCommandLine.overrides(spec).probabilities(probabilities).build();
            if (overrides.device() != null) {
                TorchRuntime.device(overrides.device(), "--device");
            }
            written = devices == null ? predictOnOneDevice(voxseg, overrides, share, new Progress())
                    : onDevices(voxseg, overrides, share);
        }
        out().printf(Locale.ROOT, "wrote %d segmentation(s) to %s in %.1f s%n", written.size(), output,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /**
     * Refuses an output inside a folder given as input (a dataset root or a case folder), however either is spelt:
     * the label maps would become part of the dataset that later runs read.
     */
    private void requireOutsideInputFolders() throws IOException {
        for (Path input : inputs) {
            if (Files.isDirectory(input) && RealPaths.isInside(output, input)) {
                throw new IllegalArgumentException(output + ": the output is inside the input folder " + input
                        + ", where later training and prediction would read the label maps as cases; choose an "
                        + "output outside it (or allow it with --output-inside-input)");
            }
        }
    }

    /** Predicts the cases of {@code share} with the models on the overrides' device. */
    private List<Path> predictOnOneDevice(Voxseg voxseg, PredictionOverrides overrides, CaseShare share,
            PredictionListener listener) throws IOException {
        try (ModelPredictor predictor = voxseg.predictor(models, overrides)) {
            if (!quiet) {
                synchronized (this) {
                    out().println(TorchRuntime.describeDevices() + "; predicting on "
                            + TorchRuntime.name(predictor.device()) + (share.isAll() ? "" : ", share " + share));
                    out().println(predictor.postprocessing().describe());
                }
            }
            return predictor.predictAll(inputs, output, listener, share);
        }
    }

    /** Predicts the cases of {@code share} split over the devices, one thread and model copy each. */
    private List<Path> onDevices(Voxseg voxseg, PredictionOverrides overrides, CaseShare share) throws IOException {
        if (overrides.device() != null) {
            throw new IllegalArgumentException("give --device or --devices, not both");
        }
        DeviceOption.requireVisible("--devices", devices);
        if (!quiet) {
            for (int d = 0; d < devices.size(); d++) {
                out().println(TorchRuntime.describeDevices() + "; predicting on " + TorchRuntime.name(
                        TorchRuntime.device(devices.get(d))) + ", share " + share.split(d + 1, devices.size()));
            }
        }
        return voxseg.predictAll(models, overrides, devices, inputs, output, share, new Lines());
    }

    /** One line per case written, from any thread. */
    private final class Lines implements PredictionListener {
        @Override
        public void caseWritten(String caseId, Path file) {
            if (!quiet) {
                synchronized (PredictCommand.this) {
                    out().println(caseId + " -> " + file);
                }
            }
        }
    }

    /** Reads {@code --part K/N}. */
    static final class ShareParser implements ITypeConverter<CaseShare> {
        @Override
        public CaseShare convert(String value) {
            return CaseShare.parse(value);
        }
    }

    /** A progress bar per case, then the file it went to. */
    private final class Progress implements PredictionListener {
        private ProgressBar bar;

        @Override
        public void caseStarted(String caseId, int index, int total) {
            bar = ConsoleProgress.bar(caseId, -1, quiet);
        }

        @Override
        public void windowsDone(int windows) {
            if (bar != null) {
                bar.stepTo(windows);
            }
        }

        @Override
        public void caseWritten(String caseId, Path file) {
            if (bar != null) {
                bar.close();
            }
            if (!quiet) {
                out().println(caseId + " -> " + file);
            }
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
