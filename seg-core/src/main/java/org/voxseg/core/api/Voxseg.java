package org.voxseg.core.api;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.config.TrainingConfig;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.interop.SafetensorsExport;
import org.voxseg.core.interop.TorchScriptImport;
import org.voxseg.core.training.LearningRateFinder;
import org.voxseg.core.training.TrainingOutcome;
import org.voxseg.data.dataset.CaseShare;
import org.voxseg.data.io.NewFolder;

/**
 * voxseg from Java, with no command line or Fiji: train from a config into a run folder, cross-validate, run the LR
 * range test, and predict volumes, files or folders with trained models. It owns the engine's set-up (threads) and a
 * native memory scope that every run and predictor it starts lives in; close it to free them. A run computes on the
 * device its config's {@code training.device} names, a predictor on the one its overrides or its model's
 * {@code prediction.device} name (GPU 0 when libtorch sees one, else the CPU, by default).
 *
 * <p>One training at a time per process: the trainer seeds libtorch's process-wide random generator at every step,
 * so two trainings running at once would not be reproducible. libtorch reads its thread count once, when it first
 * loads; a config's {@code training.threads} is applied by the front ends when they build this object, and
 * {@link #train} runs with whatever the engine was started with.
 *
 * <pre>{@code
 * try (Voxseg voxseg = Voxseg.builder().threads(4).build()) {
 *     voxseg.train(RunConfig.read(config), runFolder, RunListener.NONE);
 *     try (ModelPredictor predictor = voxseg.predictor(List.of(runFolder), PredictionOverrides.NONE)) {
 *         predictor.predictAll(List.of(cases), outputFolder, PredictionListener.NONE);
 *     }
 * }
 * }</pre>
 */
public final class Voxseg implements AutoCloseable {

    private final NDManager manager;

    private Voxseg() {
        this.manager = TorchRuntime.engine().newBaseManager(Device.cpu());
    }

    /** A builder with the engine's defaults: its thread count. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains one run of {@code config} in {@code runFolder}, resuming from its {@code latest.ckpt} if it has one.
     *
     * @throws org.voxseg.core.config.ConfigException if the dataset has problems
     * @throws IOException if files cannot be read or written
     */
    public TrainingOutcome train(RunConfig config, Path runFolder, RunListener listener) throws IOException {
        return train(config, runFolder, listener, ConfigChange.REFUSE);
    }

    /**
     * As {@link #train(RunConfig, Path, RunListener)}, saying whether a folder with a checkpoint may be resumed with
     * a config that differs in more than its length, stopping rules, threads, checkpoint keeping and prediction.
     *
     * @throws org.voxseg.core.config.ConfigException if the change is refused, naming the keys
     */
    public TrainingOutcome train(RunConfig config, Path runFolder, RunListener listener, ConfigChange change)
            throws IOException {
        try (NDManager scope = forTraining(config.training(), listener)) {
            RunConfig completed = IntensityFingerprint.complete(absolute(config), runFolder, listener);
            return new TrainingRun(completed, runFolder, listener, change).run(scope);
        }
    }

    /** Trains every fold of {@code config}'s cross-validation into {@code folder/fold_k} and summarises them. */
    public List<CrossValidation.FoldResult> crossValidate(RunConfig config, Path folder, RunListener listener)
            throws IOException {
        try (NDManager scope = forTraining(config.training(), listener)) {
            return new CrossValidation(absolute(config), folder).run(scope, listener, Optional.empty());
        }
    }

    /**
     * As {@link #crossValidate(RunConfig, Path, RunListener)}, with the folds trained at the same time, one at a time
     * per device of {@code devices}, each in its own JVM logging to {@code fold_k/train.log} ({@code voxseg crossval
     * --devices}); {@code listener} hears a note per fold as it ends, from the device's thread.
     *
     * @throws org.voxseg.core.config.ConfigException naming a device libtorch does not see
     * @throws IllegalArgumentException if no device is given (both before anything is written)
     * @throws IOException naming the folds that failed, after every fold has ended
     */
    public List<CrossValidation.FoldResult> crossValidate(RunConfig config, Path folder, RunListener listener,
            List<DeviceRequest> devices) throws IOException {
        FoldProcesses processes = new FoldProcesses(devices, listener);
        try (NDManager scope = forTraining(config.training(), listener)) {
            return new CrossValidation(absolute(config), folder).run(scope, listener, Optional.of(processes));
        }
    }

    /** Runs the LR range test on {@code config}'s network and data, writing its CSV and plot into {@code folder}. */
    public LearningRateFinder.Result findLearningRate(RunConfig config, LearningRateFinder finder, Path folder)
            throws IOException {
        try (NDManager scope = forTraining(config.training(), RunListener.NONE)) {
            RunConfig completed = IntensityFingerprint.complete(absolute(config), folder, RunListener.NONE);
            return new LearningRateSearch(completed, finder).run(folder, scope);
        }
    }

    /**
     * A predictor with the models of these run folders or checkpoints (several are averaged), their stored
     * prediction settings changed by {@code overrides}. Close it when done.
     *
     * @throws IOException if a model is missing or malformed
     */
    public ModelPredictor predictor(List<Path> runsOrCheckpoints, PredictionOverrides overrides) throws IOException {
        return ModelPredictor.load(runsOrCheckpoints, overrides, manager);
    }

    /**
     * Predicts the cases of {@code share} of {@code inputs} into {@code output}, as {@link ModelPredictor#predictAll}
     * does, with the models loaded once per device of {@code devices} and the cases split between the devices, one
     * thread each ({@code voxseg predict --devices}). {@code listener} hears every device's cases, from their
     * threads, so it must be safe to call from several.
     *
     * @return the label maps written, sorted
     * @throws org.voxseg.core.config.ConfigException naming a device libtorch does not see
     * @throws IllegalArgumentException if the overrides name a device too
     * @throws IOException the first failure of a device, after every device has stopped
     */
    public List<Path> predictAll(List<Path> runsOrCheckpoints, PredictionOverrides overrides,
            List<DeviceRequest> devices, List<Path> inputs, Path output, CaseShare share,
            PredictionListener listener) throws IOException {
        return new DeviceSpread(this, devices).predictAll(runsOrCheckpoints, overrides, inputs, output, share,
                listener);
    }

    /**
     * Writes the run folder {@code runFolder} for a model trained elsewhere (TorchScript, a MONAI bundle), after
     * loading it and predicting one window to check it fits its description. The folder then works as any run
     * folder does with {@link #predictor}.
     *
     * @throws IOException if the model cannot be loaded or does not fit, or the folder exists and is not empty
     */
    public void importModel(TorchScriptImport modelImport, Path runFolder) throws IOException {
        modelImport.writeTo(runFolder, manager);
    }

    /**
     * Exports the network of a run folder (or checkpoint) voxseg trained into {@code folder} as safetensors with a
     * PyTorch module that rebuilds it ({@link SafetensorsExport}).
     *
     * @throws IOException if the model cannot be read or the files cannot be written
     * @throws IllegalArgumentException if the model is an imported one
     * @throws IOException if {@code folder} is not new or empty (a run folder, its own included, never is)
     */
    public void exportModel(Path runOrCheckpoint, Path folder) throws IOException {
        NewFolder.requireNewOrEmpty(folder, "the export");
        try (TrainedModel model = TrainedModel.load(runOrCheckpoint, manager)) {
            NewFolder.write(folder, "the export", temporary -> SafetensorsExport.write(model.network(),
                    model.description(), temporary));
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    /**
     * A scope whose arrays live on the device {@code training} names, said to {@code listener} with the libtorch in
     * use and the precision. Every array of a run is made in it, so one run uses one device.
     *
     * @throws ConfigException naming the key when the device is not there or cannot compute in the precision
     */
    private NDManager forTraining(TrainingConfig training, RunListener listener) throws ConfigException {
        Device device = device(training.device(), "training.device");
        try {
            training.precision().requireTrainableOn(device);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("training.precision: " + e.getMessage());
        }
        listener.note(TorchRuntime.describeDevices() + "; training on " + TorchRuntime.name(device) + " in "
                + training.precision());
        return manager.newSubManager(device);
    }

    /**
     * {@code config} with relative paths taken against the working directory, so that the {@code config.json} a run
     * folder keeps names its data wherever it is read from ({@link RunConfig#read} has resolved a file's already).
     */
    private static RunConfig absolute(RunConfig config) {
        return config.resolvedAgainst(Path.of("").toAbsolutePath());
    }

    /** Refuses an empty list of devices to {@code task} on, and by name any device libtorch does not see. */
    static void requireDevices(List<DeviceRequest> devices, String task) throws ConfigException {
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("no device given to " + task);
        }
        for (DeviceRequest request : devices) {
            device(request, "devices");
        }
    }

    /**
     * The device {@code request} names, which came from {@code origin} (a config key, or a file and key).
     *
     * @throws ConfigException naming the origin when libtorch does not see the device
     */
    static Device device(DeviceRequest request, String origin) throws ConfigException {
        try {
            return TorchRuntime.device(request, origin);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Chooses threads before the engine starts. */
    public static final class Builder {
        private int threads;

        private Builder() {
        }

        /**
         * Native compute threads (0: the engine's default). libtorch reads this once, when it first loads in the
         * process; later values are ignored.
         */
        public Builder threads(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("threads must not be negative: " + count);
            }
            this.threads = count;
            return this;
        }

        /** Starts the engine (loading libtorch on first use) and opens the scope. */
        public Voxseg build() {
            if (threads > 0) {
                TorchRuntime.useThreads(threads);
            }
            return new Voxseg();
        }
    }
}
