package org.voxseg.spark.evaluate;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.voxseg.data.dataset.NiftiFiles;
import org.voxseg.data.evaluation.SegmentationPairs;
import org.voxseg.spark.io.HadoopSettings;

/**
 * The driver's side of {@code voxseg-spark evaluate}: the predictions of a folder ({@code <case>.nii.gz}, without
 * probability maps and hidden files), each with its reference in the reference folder where seg-data's
 * {@link SegmentationPairs#referenceNames} says it may be.
 */
final class PairCatalog {

    private final HadoopSettings hadoop;

    PairCatalog(HadoopSettings hadoop) {
        this.hadoop = hadoop;
    }

    /**
     * The pairs of {@code predictions} and {@code references}, sorted by case.
     *
     * @throws IOException naming a folder that does not exist, or a prediction folder without label maps
     */
    List<PairRef> find(Path predictions, Path references) throws IOException {
        FileSystem predictionFs = hadoop.fileSystem(predictions);
        FileSystem referenceFs = hadoop.fileSystem(references);
        List<PairRef> pairs = new ArrayList<>();
        for (FileStatus file : list(predictionFs, predictions)) {
            String name = file.getPath().getName();
            if (!file.isFile() || name.startsWith(".") || name.contains("_probabilities.")) {
                continue;
            }
            String id = NiftiFiles.stem(java.nio.file.Path.of(name)).orElse(null);
            if (id != null) {
                pairs.add(new PairRef(id, file.getPath().toString(), reference(referenceFs, references, id)));
            }
        }
        if (pairs.isEmpty()) {
            throw new IOException(predictions + ": no .nii or .nii.gz predictions");
        }
        list(referenceFs, references);
        return pairs.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    private static FileStatus[] list(FileSystem fs, Path folder) throws IOException {
        try {
            return fs.listStatus(folder);
        } catch (FileNotFoundException e) {
            throw new IOException("no such file or folder: " + folder, e);
        }
    }

    private static String reference(FileSystem fs, Path folder, String id) throws IOException {
        for (String name : SegmentationPairs.referenceNames(id)) {
            Path candidate = new Path(folder, name);
            try {
                if (fs.getFileStatus(candidate).isFile()) {
                    return candidate.toString();
                }
            } catch (FileNotFoundException e) {
                // not this one: try the next name
            }
        }
        return null;
    }
}
