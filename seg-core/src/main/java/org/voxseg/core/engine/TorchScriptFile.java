package org.voxseg.core.engine;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads a TorchScript file (a model traced or scripted in PyTorch) as a DJL block through libtorch, onto the
 * device of the manager whatever device it was saved from ({@code map_location}), with its parameters frozen.
 */
public final class TorchScriptFile {

    private TorchScriptFile() {
    }

    /**
     * The model in {@code file}, living in {@code manager} (closed with it).
     *
     * @throws IOException naming the file if it is missing or not a TorchScript model this libtorch can load
     */
    public static Block load(Path file, NDManager manager) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!(manager instanceof PtNDManager torch)) {
            throw new IllegalStateException("TorchScript models run on the PyTorch engine, not " + manager);
        }
        try {
            PtSymbolBlock block = JniUtils.loadModule(torch, file.toAbsolutePath(), true, new String[0],
                    new String[0], false);
            block.freezeParameters(true);
            return block;
        } catch (EngineException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new IOException(file + ": not a TorchScript model libtorch can load (" + reason + ")", e);
        }
    }
}
