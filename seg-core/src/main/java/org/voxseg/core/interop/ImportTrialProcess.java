package org.voxseg.core.interop;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.engine.TorchScriptFile;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.prediction.TensorAxes;
import org.voxseg.core.prediction.TorchScriptPredictor;

/**
 * The process {@link ImportTrial} starts: loads a TorchScript model, predicts one window of zeros and prints its
 * {@link Verdict} on one line (with the reason after {@code MISFIT}).
 */
public final class ImportTrialProcess {

    /** What the trial found. */
    enum Verdict {
        /** Every output is a finite number. */
        FINITE,
        /** An output is NaN or infinite. */
        NOT_FINITE,
        /** The model could not be loaded or did not take the window. */
        MISFIT
    }

    private ImportTrialProcess() {
    }

    /**
     * Arguments: the model file, its axes ({@link TensorAxes}), its input channels, its output channels in use
     * (comma-separated), the window x,y,z, the device type and id.
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int[] outputs = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        int[] roi = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        Device device = Device.of(args[5], Integer.parseInt(args[6]));
        try (NDManager scope = TorchRuntime.engine().newBaseManager(device)) {
            Block network = TorchScriptFile.load(Path.of(args[0]), scope);
            TorchScriptPredictor predictor = new TorchScriptPredictor(network, TensorAxes.valueOf(args[1]), outputs,
                    OutputActivation.NONE);
            NDArray predicted = predictor.predict(scope.zeros(new Shape(1, Integer.parseInt(args[2]), roi[2],
                    roi[1], roi[0])));
            boolean finite = !predicted.isNaN().any().getBoolean() && !predicted.isInfinite().any().getBoolean();
            out.println(finite ? Verdict.FINITE : Verdict.NOT_FINITE);
        } catch (Exception e) {
            out.println(Verdict.MISFIT + " " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
