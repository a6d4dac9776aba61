package org.voxseg.core.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A trained network's inference weights under PyTorch's names and layouts: what {@code voxseg export} writes and the
 * scripted network reads. Names are the dotted DJL paths ({@code encoder0.conv0.conv.weight}) with PyTorch's
 * spellings ({@code gamma}, {@code beta}, {@code runningMean}, {@code runningVar} become {@code weight},
 * {@code bias}, {@code running_mean}, {@code running_var}); the transposed-convolution up-sampler, built here as a
 * 1x1x1 convolution and a depth-to-space step, is the {@code ConvTranspose3d} weight it equals.
 */
public final class PytorchWeights {

    private PytorchWeights() {
    }

    /** The weights of {@code network} in PyTorch's names, in parameter order; copies living in {@code scope}. */
    public static Map<String, NDArray> of(UNet3d network, NDManager scope) {
        Map<String, NDArray> weights = new LinkedHashMap<>();
        live(network, scope).forEach((name, value) -> {
            if (!name.startsWith("supervision")) {
                if (value.getManager() != scope) {
                    scope.tempAttachAll(value); // so that the copy lives in the scope
                }
                weights.put(name, value.duplicate());
            }
        });
        return weights;
    }

    /**
     * The weights of {@code network} in PyTorch's names, deep-supervision heads included: the network's own arrays,
     * and a view of them where the layout differs, made in {@code scope}, so that autograd reaches the weights.
     */
    public static Map<String, NDArray> live(UNet3d network, NDManager scope) {
        return inPytorchLayout(network, scope, parameter -> true, Parameter::getArray);
    }

    /**
     * The gradients of {@code network}'s trainable weights under PyTorch's names and in its layouts, the form in which
     * they are compared with PyTorch's own.
     */
    static Map<String, NDArray> gradients(UNet3d network, NDManager scope) {
        return inPytorchLayout(network, scope, Parameter::requiresGradient,
                parameter -> parameter.getArray().getGradient());
    }

    /** The arrays {@code array} gives for the parameters {@code which} selects, under PyTorch's names and layouts. */
    private static Map<String, NDArray> inPytorchLayout(UNet3d network, NDManager scope, Predicate<Parameter> which,
            Function<Parameter, NDArray> array) {
        NetworkConfig config = network.config();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            if (!which.test(parameter.getValue())) {
                continue;
            }
            String name = ParameterNames.readable(parameter.getKey());
            NDArray value = array.apply(parameter.getValue());
            if (name.matches("up\\d+\\.expand\\.weight")) {
                int level = Integer.parseInt(name.substring(2, name.indexOf('.')));
                scope.tempAttachAll(value); // so that the view lives in the scope
                arrays.put("up" + level + ".weight", transposedConvolution(value, config.filtersArray()[level],
                        config.stridesArray()[level + 1]));
            } else {
                arrays.put(pytorchName(name), value);
            }
        }
        return arrays;
    }

    /**
     * The {@code ConvTranspose3d} weight (in, out, sz, sy, sx) that a 1x1x1 convolution's weight
     * (out * sz * sy * sx, in, 1, 1, 1) followed by depth-to-space equals.
     */
    private static NDArray transposedConvolution(NDArray expand, int filters, int[] strideXyz) {
        long in = expand.getShape().get(1);
        return expand.reshape(filters, strideXyz[2], strideXyz[1], strideXyz[0], in).transpose(4, 0, 1, 2, 3);
    }

    private static String pytorchName(String readable) {
        return readable.replaceAll("\\.gamma$", ".weight").replaceAll("\\.beta$", ".bias")
                .replaceAll("\\.runningMean$", ".running_mean").replaceAll("\\.runningVar$", ".running_var");
    }
}
