package org.voxseg.core.prediction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.network.PytorchWeights;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.network.UNetProgram;

/**
 * A trained network run by libtorch as one call of its program ({@link UNetProgram}) per batch of windows, on a copy
 * of its weights converted once to the precision it computes in. Only float32 crosses JNI: windows in, outputs out;
 * the program converts inside libtorch, which DJL cannot do for bfloat16.
 */
final class ScriptedNetwork {

    private final UNetProgram program;

    private ScriptedNetwork(UNetProgram program) {
        this.program = program;
    }

    /** The program loaded into the scope of {@code network}'s weights, holding its copy of them. */
    static ScriptedNetwork of(UNet3d network, Precision precision) {
        return of(network, precision, network.getParameters().valueAt(0).getArray().getManager());
    }

    /**
     * The program loaded into {@code scope} (on the weights' device), holding its copy of {@code network}'s weights
     * as they are now, in {@code precision}; closing {@code scope} frees both.
     */
    static ScriptedNetwork of(UNet3d network, Precision precision, NDManager scope) {
        UNetProgram program = UNetProgram.load(network.config(), Precision.FP32, scope);
        try (NDManager copies = scope.newSubManager()) {
            Map<String, PtNDArray> weights = new LinkedHashMap<>();
            PytorchWeights.of(network, copies).forEach((name, value) -> weights.put(name, (PtNDArray) value));
            program.holdWeights(weights, precision);
        }
        return new ScriptedNetwork(program);
    }

    /** The network's raw outputs (float32) for {@code windows}, in the windows' scope. */
    NDArray forward(NDArray windows) {
        return program.forward(windows);
    }
}
