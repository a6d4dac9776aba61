package org.voxseg.core.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.training.EpochSummary;
import org.voxseg.core.training.TrainingOutcome;
import org.voxseg.core.training.TrainingState;

/**
 * The main of one fold's process ({@link FoldProcesses}): trains the run folder of argument 1 on the device of
 * argument 2 from the {@code config.json} it holds (resuming from its checkpoint), printing one line per epoch for the
 * fold's log. Exits with 0 when trained, 1 with one line saying why when not, 2 when called wrongly.
 */
public final class FoldProcess {

    private FoldProcess() {
    }

    /** {@code FoldProcess RUN_FOLDER DEVICE}. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        if (args.length != 2) {
            out.println("usage: " + FoldProcess.class.getName() + " RUN_FOLDER DEVICE");
            System.exit(2);
        }
        Path fold = Path.of(args[0]);
        try {
            out.println(train(fold, DeviceRequest.parse(args[1]), out).summary() + "; run folder " + fold);
        } catch (IOException | RuntimeException e) {
            out.println(FailureMessages.describe(e));
            System.exit(1);
        }
        // The engine's and the loaders' pools must not keep the process, which its parent waits for, alive.
        System.exit(0);
    }

    private static TrainingOutcome train(Path fold, DeviceRequest device, PrintWriter out) throws IOException {
        RunConfig config = RunConfig.read(fold.resolve(RunFolder.CONFIG));
        RunConfig onDevice = config.withTraining(config.training().toBuilder().device(device).build());
        try (Voxseg voxseg = Voxseg.builder().threads(config.training().threads()).build()) {
            return voxseg.train(onDevice, fold, new LogLines(out), ConfigChange.REFUSE);
        }
    }

    /** One line per epoch and per note, as a log file wants them. */
    private record LogLines(PrintWriter out) implements RunListener {
        @Override
        public void epochEnded(TrainingState state) {
            out.println(EpochSummary.line(state));
        }

        @Override
        public void note(String message) {
            out.println(message);
        }
    }
}
