package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cases a prediction runs on, from what a user names: explicit channel files (one case), a BraTS case folder
 * ({@code <case>/<case>_<channel>.nii.gz}), or a root of such folders (every case). Label files are not needed.
 */
public final class CaseInputs {

    private CaseInputs() {
    }

    /**
     * The cases {@code inputs} name, with channel files in {@code channels} order.
     *
     * @throws NoSuchFileException if an input does not exist
     * @throws IOException if a folder cannot be listed, or explicit files do not match the channel count
     */
    public static List<CaseFiles> resolve(List<Path> inputs, List<String> channels) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input given");
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new NoSuchFileException(input.toString());
            }
        }
        if (inputs.size() > 1 || Files.isRegularFile(inputs.get(0))) {
            return List.of(explicitFiles(inputs, channels));
        }
        Path folder = inputs.get(0);
        if (isCaseFolder(folder)) {
            List<CaseFiles> all = BratsLayout.discover(folder.toAbsolutePath().getParent(), channels);
            String id = folder.toAbsolutePath().getFileName().toString();
            return all.stream().filter(c -> c.id().equals(id)).toList();
        }
        return BratsLayout.discover(folder, channels);
    }

    /**
     * The cases {@code inputs} name, checked before prediction: files readable and 3-D, the channels of a case on one
     * grid, values finite (label maps, where present, hold only {@code labels}).
     *
     * @throws IOException as {@link #resolve}, if no case is found, or naming the first problem and how many more
     */
    public static List<CaseFiles> resolveChecked(List<Path> inputs, List<String> channels, int[] labels)
            throws IOException {
        List<CaseFiles> cases = resolve(inputs, channels);
        if (cases.isEmpty()) {
            throw new IOException(inputs + ": no cases found");
        }
        List<DatasetProblem> problems = new DatasetValidator(labels, false, channels.size()).validate(cases);
        if (!problems.isEmpty()) {
            throw new IOException(DatasetProblem.summarise(problems));
        }
        return cases;
    }

    private static CaseFiles explicitFiles(List<Path> files, List<String> channels) throws IOException {
        if (files.size() != channels.size()) {
            throw new IOException(files.size() + " input file(s) given; the model expects " + channels.size()
                    + " channels in this order: " + String.join(", ", channels));
        }
        String stem = NiftiFiles.stem(files.get(0)).orElseThrow(() -> new IOException(files.get(0)
                + ": not a .nii or .nii.gz file"));
        String suffix = "_" + channels.get(0);
        String id = stem.endsWith(suffix) && stem.length() > suffix.length()
                ? stem.substring(0, stem.length() - suffix.length()) : stem;
        return new CaseFiles(id, new ArrayList<>(files), Optional.empty());
    }

    /** Whether {@code folder} holds NIfTI files named after it (one BraTS case) rather than case folders. */
    private static boolean isCaseFolder(Path folder) throws IOException {
        String id = folder.toAbsolutePath().getFileName().toString() + "_";
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(f -> Files.isRegularFile(f) && f.getFileName().toString().startsWith(id)
                    && NiftiFiles.stem(f).isPresent());
        }
    }
}
