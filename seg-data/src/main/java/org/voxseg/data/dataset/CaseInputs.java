package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.voxseg.data.nifti.NiftiReader;

/**
 * The cases a prediction runs on, from what a user names: explicit channel files or one 4-D file (one case), a case
 * list ({@code .json}), a BraTS case folder ({@code <case>/<case>_<channel>.nii.gz} or {@code -<channel>}), a root
 * of such folders (every case), a dataset root with a {@code dataset.json} (its test cases, or every case if it lists
 * none), a folder of nnU-Net channel files ({@code imagesTs/<case>_0000.nii.gz}), or a folder of one-file cases (the
 * Decathlon's {@code imagesTs/}, one CT per file). Label files are not needed.
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
        Path input = inputs.get(0);
        if (inputs.size() == 1 && NiftiFiles.stem(input).isEmpty() && Files.isRegularFile(input)) {
            return DatasetLayouts.describe(input).cases();
        }
        if (inputs.size() > 1 || Files.isRegularFile(input)) {
            return List.of(explicitFiles(inputs, channels));
        }
        if (DatasetJson.existsIn(input)) {
            DatasetDescription dataset = DatasetLayouts.describe(input);
            return dataset.unlabelledCases().isEmpty() ? dataset.cases() : dataset.unlabelledCases();
        }
        List<Path> files = niftiFiles(input);
        if (isCaseFolder(input, files)) {
            List<CaseFiles> all = BratsLayout.discover(input.toAbsolutePath().getParent(), channels);
            String id = input.toAbsolutePath().getFileName().toString();
            return all.stream().filter(c -> c.id().equals(id)).toList();
        }
        if (files.isEmpty() || files.stream().anyMatch(file -> isBratsChannelFile(file, channels))) {
            return BratsLayout.discover(input, channels); // refuses BraTS channel files outside case folders
        }
        List<CaseFiles> suffixed = SuffixLayout.discover(input, Optional.empty(), channels.size());
        if (!suffixed.isEmpty()) {
            return suffixed;
        }
        return files.stream().map(file -> new CaseFiles(NiftiFiles.caseId(file), List.of(file), Optional.empty()))
                .toList();
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
        boolean oneFileOfAllChannels = files.size() == 1
                && NiftiReader.readHeader(files.get(0)).channelCount() == channels.size();
        if (files.size() != channels.size() && !oneFileOfAllChannels) {
            throw new IOException(files.size() + " input file(s) given; the model expects " + channels.size()
                    + " channels in this order: " + String.join(", ", channels));
        }
        String stem = NiftiFiles.stem(files.get(0)).orElseThrow(() -> new IOException(files.get(0)
                + ": not a .nii or .nii.gz file"));
        for (String separator : List.of("_", "-")) {
            String suffix = separator + channels.get(0);
            if (stem.endsWith(suffix) && stem.length() > suffix.length()) {
                return new CaseFiles(stem.substring(0, stem.length() - suffix.length()), files, Optional.empty());
            }
        }
        return new CaseFiles(stem, files, Optional.empty());
    }

    /** Whether {@code file} is named as a BraTS case's channel file ({@code <case>_flair}, {@code <case>-t2f}). */
    private static boolean isBratsChannelFile(Path file, List<String> channels) {
        String stem = NiftiFiles.stem(file).orElse("");
        return channels.size() > 1 && channels.stream().anyMatch(c -> stem.endsWith("_" + c) || stem.endsWith("-" + c));
    }

    /** The NIfTI files straight in {@code folder}, sorted; hidden ones (a download's {@code ._x.nii.gz}) skipped. */
    private static List<Path> niftiFiles(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(f -> NiftiFiles.stem(f).isPresent())
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Whether {@code files}, the NIfTI files in {@code folder}, are named after it (one BraTS case). */
    private static boolean isCaseFolder(Path folder, List<Path> files) {
        String id = folder.toAbsolutePath().getFileName().toString();
        return files.stream().map(f -> f.getFileName().toString())
                .anyMatch(name -> name.startsWith(id + "_") || name.startsWith(id + "-"));
    }
}
