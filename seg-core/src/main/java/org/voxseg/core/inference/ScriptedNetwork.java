package org.voxseg.core.inference;

import ai.djl.engine.EngineException;
import ai.djl.engine.StandardCapabilities;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.PytorchWeights;
import org.voxseg.core.network.UNet3d;

/**
 * A trained network run by libtorch as one TorchScript program ({@code scripted_unet.ts}, written by
 * {@code seg-core/src/main/python/make_scripted_unet.py}, code only) that reads the network's weights once, under
 * their PyTorch names, and computes in float32 or bfloat16. DJL cannot convert a tensor to or from bfloat16 (its JNI
 * has no code for the type), but the program converts inside libtorch, so only float32 crosses JNI: windows in,
 * outputs out. It keeps its weights in the channels-last memory format that oneDNN's kernels prefer.
 */
final class ScriptedNetwork {

    private static final String PROGRAM = "scripted_unet.ts";

    private final PtSymbolBlock program;

    private ScriptedNetwork(PtSymbolBlock program) {
        this.program = program;
    }

    /**
     * The program loaded into the scope of {@code network}'s weights, holding its converted copy of them.
     *
     * @param bfloat16 compute in bfloat16 rather than float32
     */
    static ScriptedNetwork of(UNet3d network, boolean bfloat16) {
        return of(network, bfloat16, network.getParameters().valueAt(0).getArray().getManager());
    }

    /**
     * The program loaded into {@code scope} (on the weights' device), holding its converted copy of {@code network}'s
     * weights as they are now; closing {@code scope} frees both.
     *
     * @param bfloat16 compute in bfloat16 rather than float32
     */
    static ScriptedNetwork of(UNet3d network, boolean bfloat16, NDManager scope) {
        if (!(scope instanceof PtNDManager torch)) {
            throw new IllegalStateException("the scripted network runs on the PyTorch engine, not " + scope);
        }
        PtSymbolBlock program;
        try (InputStream in = Objects.requireNonNull(ScriptedNetwork.class.getResourceAsStream(PROGRAM),
                "the packaged " + PROGRAM)) {
            program = JniUtils.loadModule(torch, in, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged " + PROGRAM, e);
        }
        try (NDManager names = scope.newSubManager()) {
            Map<String, PtNDArray> weights = new LinkedHashMap<>();
            PytorchWeights.of(network, names).forEach((name, value) -> weights.put(name, (PtNDArray) value));
            NetworkConfig config = network.config();
            boolean onednn = TorchRuntime.engine().hasCapability(StandardCapabilities.MKLDNN);
            List<IValue> arguments = List.of(IValue.stringMapFrom(weights), IValue.listFrom(codes(config)),
                    IValue.from(config.negativeSlope()), IValue.from(bfloat16), IValue.from(onednn));
            try {
                IValueUtils.runMethod(program, "load", arguments.toArray(IValue[]::new)).close();
            } catch (EngineException e) {
                program.close();
                throw e;
            } finally {
                arguments.forEach(IValue::close);
            }
        }
        return new ScriptedNetwork(program);
    }

    /**
     * The architecture as the program reads it: levels, convolutions per level, residual, norm (instance, group,
     * batch), groups, ReLU (else leaky ReLU), up-sampling (transposed, nearest, trilinear), the filters per level,
     * the strides and then the kernels per level along (z, y, x).
     */
    private static long[] codes(NetworkConfig config) {
        long norm = switch (config.norm()) {
            case INSTANCE -> 0;
            case GROUP -> 1;
            case BATCH -> 2;
        };
        long upsampling = switch (config.upsampling()) {
            case TRANSPOSED -> 0;
            case NEAREST -> 1;
            case TRILINEAR -> 2;
        };
        List<Long> codes = new ArrayList<>(List.of((long) config.levels(), (long) config.convsPerLevel(),
                config.residual() ? 1L : 0L, norm, (long) config.groups(),
                config.activation() == NetworkConfig.Activation.RELU ? 1L : 0L, upsampling));
        for (int filters : config.filtersArray()) {
            codes.add((long) filters);
        }
        for (int[][] triples : List.of(config.stridesArray(), config.kernelSizesArray())) {
            for (int[] xyz : triples) {
                codes.addAll(List.of((long) xyz[2], (long) xyz[1], (long) xyz[0]));
            }
        }
        return codes.stream().mapToLong(Long::longValue).toArray();
    }

    /** The network's raw outputs (float32) for {@code windows}, in the windows' scope. */
    NDArray forward(NDArray windows) {
        return program.forward(new ParameterStore(windows.getManager(), false), new NDList(windows), false).get(0);
    }
}
