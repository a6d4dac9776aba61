package org.voxseg.core.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.voxseg.core.prediction.CasePredictor;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.NiftiFiles;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.io.RealPaths;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;

/**
 * Where a segmentation's files go and how they are written: one label map per case ({@code <case>.nii.gz} in a
 * folder, or the one file named), the probabilities beside it, never onto an input, each file written atomically.
 */
final class PredictionFiles {

    private PredictionFiles() {
    }

    /** The label map of each case: {@code output} itself if {@code single}, else {@code output/<case>.nii.gz}. */
    static List<Path> targets(List<CaseFiles> cases, Path output, boolean single) {
        return cases.stream().map(entry -> single ? output : output.resolve(entry.id() + ".nii.gz")).toList();
    }

    /**
     * Makes {@code output} ready: the folder of a single file must exist, a folder of label maps is created; the
     * temporary files killed predictions left there are removed.
     *
     * @throws NoSuchFileException if the folder of a single output file does not exist
     */
    static void prepareOutput(Path output, boolean single) throws IOException {
        if (single) {
            Path folder = output.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                throw new NoSuchFileException(folder.toString(), null, "the output's folder does not exist");
            }
            AtomicFiles.removeStaleOf(output);
            AtomicFiles.removeStaleOf(probabilitiesFile(output));
        } else {
            Files.createDirectories(output);
            AtomicFiles.removeStale(output);
        }
    }

    /**
     * Refuses outputs (label maps and, with {@code probabilities}, probabilities) that would land on an input file,
     * however either is spelt.
     */
    static void requireNoInputOverwritten(List<CaseFiles> cases, List<Path> targets, boolean probabilities)
            throws IOException {
        Map<Path, Path> inputs = new HashMap<>();
        for (CaseFiles entry : cases) {
            for (Path file : entry.images()) {
                inputs.put(RealPaths.of(file), file);
            }
            if (entry.label().isPresent()) {
                inputs.put(RealPaths.of(entry.label().get()), entry.label().get());
            }
        }
        for (Path target : targets) {
            List<Path> outputs = new ArrayList<>(List.of(target));
            Path probabilityFile = probabilitiesFile(target); // also refuses a label map not named .nii(.gz)
            if (probabilities) {
                outputs.add(probabilityFile);
            }
            for (Path file : outputs) {
                Path input = inputs.get(RealPaths.of(file));
                if (input != null) {
                    throw new IllegalArgumentException(file + ": the output would overwrite the input " + input
                            + "; choose another output");
                }
            }
        }
    }

    /** Where the probabilities of the label map {@code labels} go: {@code <name>_probabilities.nii.gz} beside it. */
    static Path probabilitiesFile(Path labels) {
        String name = NiftiFiles.stem(labels).orElseThrow(() -> new IllegalArgumentException(labels
                + ": a label map is written as .nii.gz or .nii"));
        return labels.resolveSibling(name + "_probabilities.nii.gz");
    }

    /** Writes a label map of {@code labels} as uint8 (int16 for labels above 255), atomically. */
    static void writeLabels(CasePredictor.Prediction prediction, int[] labels, Path file) throws IOException {
        boolean small = Arrays.stream(labels).allMatch(label -> label >= 0 && label <= 255);
        NiftiWriter.of(small ? NiftiDataType.UINT8 : NiftiDataType.INT16).withDescription("voxseg labels")
                .write(prediction.labels(), file);
    }

    /** Writes the probabilities as a 4-D float32 image, one volume per output channel, atomically. */
    static void writeProbabilities(CasePredictor.Prediction prediction, List<String> outputNames, Path file)
            throws IOException {
        NiftiWriter.of(NiftiDataType.FLOAT32).withDescription("voxseg probabilities " + String.join(" ",
                outputNames)).write(prediction.probabilities(), file);
    }
}
