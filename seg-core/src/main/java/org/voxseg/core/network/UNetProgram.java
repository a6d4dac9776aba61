package org.voxseg.core.network;

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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.data.geometry.Extent;

/**
 * voxseg's U-Net forward as libtorch runs it: {@code voxseg_unet.UNetProgram}, the one definition of the forward
 * (the module {@code voxseg export} ships), scripted into {@code scripted_unet.ts} by
 * {@code seg-core/src/main/python/make_scripted_unet.py}. The program holds code only; it is told the architecture
 * once, by name, and computes from weights it is handed under their PyTorch names ({@link PytorchWeights}), so a
 * training step's forward is one native call that autograd records back to the weights, and a window one call.
 * Libtorch converts to and from bfloat16 and float16 inside the program, which DJL cannot.
 *
 * <p>The program lives in the scope it was loaded into and is freed with it.
 */
public final class UNetProgram {

    private static final String RESOURCE = "scripted_unet.ts";
    private static final String DEFINITION = "voxseg_unet.py";

    private final PtSymbolBlock module;

    private UNetProgram(PtSymbolBlock module) {
        this.module = module;
    }

    /**
     * The program for {@code architecture}, loaded into {@code scope}, training in {@code trainingPrecision} (the
     * precision of {@link #train} and {@link #evaluate}).
     */
    public static UNetProgram load(NetworkConfig architecture, Precision trainingPrecision, NDManager scope) {
        if (!(scope instanceof PtNDManager torch)) {
            throw new IllegalStateException("voxseg's U-Net program runs on the PyTorch engine, not " + scope);
        }
        PtSymbolBlock module;
        try {
            module = JniUtils.loadModule(torch, new ByteArrayInputStream(packaged(RESOURCE)), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the packaged " + RESOURCE, e);
        }
        UNetProgram program = new UNetProgram(module);
        program.call("configure", architectureArguments(architecture, trainingPrecision));
        return program;
    }

    /**
     * The source of {@code voxseg_unet.py}, the module the program is scripted from: standard PyTorch that rebuilds
     * the network from {@code model.json} and its weights, for Python users ({@code voxseg export}).
     */
    public static byte[] definition() {
        return packaged(DEFINITION);
    }

    /** The bytes of the resource {@code name} packaged beside this class. */
    private static byte[] packaged(String name) {
        InputStream resource = UNetProgram.class.getResourceAsStream(name);
        if (resource == null) {
            throw new IllegalStateException("the packaged " + name + " is missing");
        }
        try (InputStream in = resource) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged " + name, e);
        }
    }

    /** The architecture as {@code UNetProgram.configure} takes it: named arguments, triples along (z, y, x). */
    private static List<IValue> architectureArguments(NetworkConfig config, Precision trainingPrecision) {
        return List.of(
                IValue.listFrom(config.filters().stream().mapToLong(Integer::longValue).toArray()),
                zyxTriples(config.strides()),
                zyxTriples(config.kernelSizes()),
                IValue.from((long) config.convsPerLevel()),
                IValue.from(config.residual()),
                IValue.from(config.norm().name().toLowerCase(Locale.ROOT)),
                IValue.from((long) config.groups()),
                IValue.from(config.activation() == NetworkConfig.Activation.RELU ? "relu" : "leaky_relu"),
                IValue.from(config.negativeSlope()),
                IValue.from(config.upsampling().name().toLowerCase(Locale.ROOT)),
                IValue.from(config.deepSupervision()),
                IValue.from(config.dropout()),
                IValue.from(trainingPrecision.toString()));
    }

    private static IValue zyxTriples(List<Extent> triples) {
        List<IValue> lists = new ArrayList<>();
        for (Extent xyz : triples) {
            lists.add(IValue.listFrom(xyz.z(), xyz.y(), xyz.x()));
        }
        IValue list = IValue.listFrom(lists.toArray(IValue[]::new));
        lists.forEach(IValue::close);
        return list;
    }

    /**
     * Keeps converted copies of {@code weights} (PyTorch names) for {@link #forward}, computing in
     * {@code precision}; the copies live in the program's scope.
     */
    public void holdWeights(Map<String, PtNDArray> weights, Precision precision) {
        boolean onednn = TorchRuntime.engine().hasCapability(StandardCapabilities.MKLDNN);
        call("load", List.of(IValue.stringMapFrom(weights), IValue.from(precision.toString()),
                IValue.from(onednn)));
    }

    /** Raw float32 outputs for {@code windows} from the held weights, in the windows' scope. */
    public NDArray forward(NDArray windows) {
        return module.forward(new ParameterStore(windows.getManager(), false), new NDList(windows), false).get(0);
    }

    /**
     * Training-mode float32 outputs for {@code images} from {@code weights} (PyTorch names; the arrays autograd
     * reaches): the network's output, then the deep-supervision outputs finest first. Batch norm's running
     * statistics among {@code weights} are updated in place.
     */
    public NDList train(NDArray images, Map<String, NDArray> weights) {
        return run("train_forward", images, weights, true);
    }

    /** The inference-mode float32 output for {@code images} from {@code weights}, in the training precision. */
    public NDArray evaluate(NDArray images, Map<String, NDArray> weights) {
        return run("eval_forward", images, weights, false).get(0);
    }

    private NDList run(String method, NDArray images, Map<String, NDArray> weights, boolean training) {
        NDManager manager = images.getManager();
        try (NDManager names = manager.newSubManager()) {
            NDList inputs = new NDList(weights.size() + 2);
            inputs.add(images);
            // DJL builds a Dict[str, Tensor] argument from arrays named "<argument>.<key>": named views, so that
            // the weights themselves keep their names and autograd reaches them through the views.
            weights.forEach((name, value) -> {
                NDArray view = value.reshape(value.getShape());
                view.setName("weights." + name);
                view.attach(names);
                inputs.add(view);
            });
            NDArray selector = names.create(0f);
            selector.setName("module_method:" + method);
            inputs.add(selector);
            return module.forward(new ParameterStore(manager, false), inputs, training);
        }
    }

    private void call(String method, List<IValue> arguments) {
        try {
            IValueUtils.runMethod(module, method, arguments.toArray(IValue[]::new)).close();
        } catch (EngineException e) {
            module.close();
            throw e;
        } finally {
            arguments.forEach(IValue::close);
        }
    }
}
