package org.voxseg.core.interop;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.network.PytorchWeights;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.network.UNetProgram;
import org.voxseg.data.io.AtomicFiles;

/**
 * Writes a network voxseg trained for the Python world: {@code model.safetensors} (the weights under the names of
 * {@code voxseg_unet.py}'s PyTorch module), {@code voxseg_unet.py} (that module, standard torch only, built from
 * {@code model.json}), {@code model.json} and {@code preprocessing.json} (what a case goes through around the
 * network). Every file is written through a temporary file renamed into place.
 *
 * <p>The names and layouts are PyTorch's ({@link PytorchWeights}).
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
            NDList tensors = new NDList();
            PytorchWeights.of(network, scope).forEach((name, value) -> {
                value.setName(name);
                tensors.add(value);
            });
            AtomicFiles.write(folder.resolve(WEIGHTS), out -> tensors.encode(out, NDList.Encoding.SAFETENSORS));
        }
        byte[] source = UNetProgram.definition();
        AtomicFiles.write(folder.resolve(MODULE), out -> out.write(source));
        ConfigJson.write(folder.resolve(ModelDescription.FILE), description);
        ConfigJson.write(folder.resolve(PREPROCESSING), PreprocessingDescription.of(description));
    }
}
