package org.voxseg.core.interop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.ParameterNames;
import org.voxseg.core.network.UNet3d;
import org.voxseg.data.io.AtomicFiles;

/**
 * Writes a network voxseg trained for the Python world: {@code model.safetensors} (the weights under the names of
 * {@code voxseg_unet.py}'s PyTorch module), {@code voxseg_unet.py} (that module, standard torch only, built from
 * {@code model.json}), {@code model.json} and {@code preprocessing.json} (what a case goes through around the
 * network). Every file is written through a temporary file renamed into place.
 *
 * <p>The names follow PyTorch: a normalisation's {@code gamma}/{@code beta} are {@code weight}/{@code bias}, and a
 * transposed-convolution up-sampler, which voxseg builds as a 1x1x1 convolution and a depth-to-space
 * rearrangement, is written as the {@code ConvTranspose3d} weight it equals. Deep-supervision heads, used only in
 * training, are left out.
 */
public final class SafetensorsExport {

    /** The files an export writes. */
    public static final String WEIGHTS = "model.safetensors";
    public static final String MODULE = "voxseg_unet.py";
    public static final String PREPROCESSING = "preprocessing.json";

    private SafetensorsExport() {
    }

    /**
     * Exports {@code network} with its description into {@code folder} (created if missing).
     *
     * @throws IOException if a file cannot be written
     */
    public static void write(UNet3d network, ModelDescription description, Path folder) throws IOException {
        Objects.requireNonNull(description.model(), "a network voxseg trained");
        Files.createDirectories(folder);
        NDManager weights = network.getParameters().valueAt(0).getArray().getManager();
        try (NDManager scope = weights.newSubManager()) {
            NDList tensors = tensors(network, description.model(), scope);
            AtomicFiles.write(folder.resolve(WEIGHTS), out -> tensors.encode(out, NDList.Encoding.SAFETENSORS));
        }
        try (InputStream module = SafetensorsExport.class.getResourceAsStream(MODULE)) {
            byte[] source = Objects.requireNonNull(module, "the packaged " + MODULE).readAllBytes();
            AtomicFiles.write(folder.resolve(MODULE), out -> out.write(source));
        }
        ConfigJson.write(folder.resolve(ModelDescription.FILE), description);
        ConfigJson.write(folder.resolve(PREPROCESSING), PreprocessingDescription.of(description));
    }

    /** The inference weights under PyTorch's names, copies in {@code scope}. */
    private static NDList tensors(UNet3d network, NetworkConfig config, NDManager scope) {
        NDList tensors = new NDList();
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            String name = ParameterNames.readable(parameter.getKey());
            if (name.startsWith("supervision")) {
                continue;
            }
            NDArray value = parameter.getValue().getArray();
            scope.tempAttachAll(value); // so that every copy and view made from it lives in the scope
            NDArray exported;
            if (name.matches("up\\d+\\.expand\\.weight")) {
                int level = Integer.parseInt(name.substring(2, name.indexOf('.')));
                exported = transposedConvolution(value, config.filtersArray()[level],
                        config.stridesArray()[level + 1]);
                name = "up" + level + ".weight";
            } else {
                exported = value.duplicate();
                name = pytorchName(name);
            }
            exported.setName(name);
            tensors.add(exported);
        }
        return tensors;
    }

    /**
     * The {@code ConvTranspose3d} weight (in, out, sz, sy, sx) that a 1x1x1 convolution's weight
     * (out * sz * sy * sx, in, 1, 1, 1) followed by depth-to-space equals.
     */
    private static NDArray transposedConvolution(NDArray expand, int filters, int[] strideXyz) {
        long in = expand.getShape().get(1);
        return expand.reshape(filters, strideXyz[2], strideXyz[1], strideXyz[0], in).transpose(4, 0, 1, 2, 3)
                .duplicate();
    }

    /** PyTorch's name for a parameter voxseg names by DJL's conventions. */
    private static String pytorchName(String readable) {
        return readable.replaceAll("\\.gamma$", ".weight").replaceAll("\\.beta$", ".bias")
                .replaceAll("\\.runningMean$", ".running_mean").replaceAll("\\.runningVar$", ".running_var");
    }
}
