package org.voxseg.spark.predict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.voxseg.core.api.RunFolder;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.spark.io.HadoopSettings;
import org.voxseg.spark.io.LocalStage;

/**
 * Local copies of models given as URIs: a run folder's files (not its sub-folders, which prediction does not read),
 * or a checkpoint with the {@code model.json} beside it. seg-core then loads them as it loads any run folder.
 */
final class ModelFiles {

    private ModelFiles() {
    }

    /** Copies each model into {@code stage} and returns the local run folders or checkpoints, in order. */
    static List<java.nio.file.Path> fetch(List<String> models, HadoopSettings hadoop, LocalStage stage)
            throws IOException {
        List<java.nio.file.Path> local = new ArrayList<>();
        for (String model : models) {
            Path uri = new Path(model);
            FileSystem fs = hadoop.fileSystem(uri);
            if (fs.getFileStatus(uri).isDirectory()) {
                List<String> files = new ArrayList<>();
                for (FileStatus file : fs.listStatus(uri)) {
                    if (file.isFile()) {
                        files.add(file.getPath().toString());
                    }
                }
                local.add(stage.fetchTogether(files));
            } else {
                Path description = new Path(uri.getParent(), RunFolder.MODEL);
                local.add(stage.fetchTogether(List.of(model, description.toString())).resolve(uri.getName()));
            }
        }
        return local;
    }

    /**
     * What the first model expects and produces, read from its {@code model.json} alone (the driver needs the
     * channels and labels, not the weights).
     */
    static ModelDescription describe(String model, HadoopSettings hadoop) throws IOException {
        Path uri = new Path(model);
        FileSystem fs = hadoop.fileSystem(uri);
        Path folder;
        try {
            folder = fs.getFileStatus(uri).isDirectory() ? uri : uri.getParent();
        } catch (java.io.FileNotFoundException e) {
            throw new IOException("no such file or folder: " + model, e);
        }
        try (LocalStage stage = LocalStage.create(hadoop)) {
            return ModelDescription.read(stage.fetch(new Path(folder, RunFolder.MODEL).toString()));
        }
    }
}
