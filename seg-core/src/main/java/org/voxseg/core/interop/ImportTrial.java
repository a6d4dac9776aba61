package org.voxseg.core.interop;

import ai.djl.Device;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.TorchScriptModel;
import org.voxseg.core.engine.ChildJvm;
import org.voxseg.data.geometry.Extent;

/**
 * The check an import makes before writing anything: the model is loaded and predicts one window of zeros, as
 * prediction will. It runs in a process of its own ({@link ImportTrialProcess}), because libtorch cannot be
 * interrupted: a model that never returns is killed at the time limit, where a thread of this process would keep
 * running and crash it as it exits. A model that does not fit its description, does not answer within the limit, or
 * answers NaN or infinity is refused naming the file.
 */
final class ImportTrial {

    private final Path model;
    private final ModelDescription description;
    private final Duration limit;

    ImportTrial(Path model, ModelDescription description, Duration limit) {
        this.model = model;
        this.description = description;
        this.limit = limit;
    }

    /**
     * Runs the trial window on {@code device}.
     *
     * @throws IOException naming the model file and what went wrong
     */
    void run(Device device) throws IOException {
        TorchScriptModel imported = description.torchscript();
        Extent roi = description.prediction().roi();
        List<String> command = ChildJvm.command(ImportTrialProcess.class, List.of(model.toAbsolutePath().toString(),
                imported.axes().name(), String.valueOf(imported.inChannels()), imported.outputChannels().stream()
                        .map(String::valueOf).collect(Collectors.joining(",")),
                roi.x() + "," + roi.y() + "," + roi.z(), device.getDeviceType(),
                String.valueOf(device.getDeviceId())));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String answer;
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IOException(model + ": the model did not answer one window " + roi + " within "
                        + limit.toSeconds() + " s; check the model, or allow it longer (--trial-seconds)");
            }
            answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while trying " + model);
        }
        String verdict = answer.lines().findFirst().orElse("");
        if (verdict.equals(ImportTrialProcess.Verdict.FINITE.name())) {
            return;
        }
        if (verdict.equals(ImportTrialProcess.Verdict.NOT_FINITE.name())) {
            throw new IOException(model + ": the model's outputs for a window of zeros hold NaN or infinity, so its "
                    + "label maps would be meaningless; check the model (it was not imported)");
        }
        String reason = verdict.startsWith(ImportTrialProcess.Verdict.MISFIT.name())
                ? verdict.substring(ImportTrialProcess.Verdict.MISFIT.name().length()).strip()
                : "the trial ended with exit code " + process.exitValue();
        throw new IOException(model + ": does not fit the description (" + description.channels().size()
                + " channels in, " + description.outputNames().size() + " outputs, roi " + roi + ", axes "
                + imported.axes() + "): " + reason);
    }
}
