package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The BraTS folder layout: a root whose sub-folders are cases ({@code BraTS20_Training_001}) holding
 * {@code <case>_<channel>.nii.gz} (or {@code .nii}) per channel and {@code <case>_seg} for the label map.
 */
public final class BratsLayout {

    /** BraTS's modalities in the usual channel order. */
    public static final List<String> DEFAULT_CHANNELS = List.of("flair", "t1", "t1ce", "t2");
    /** The label map's suffix. */
    public static final String LABEL_SUFFIX = "seg";

    private BratsLayout() {
    }

    /**
     * The cases under {@code root}, sorted by name. A channel file that is missing is given as the
     * {@code .nii.gz} path it should have, for validation to report; hidden folders are skipped.
     *
     * @throws NotDirectoryException if {@code root} is not a folder
     * @throws IOException if {@code root} cannot be listed, or holds the cases' files without case folders, or its
     *     case folders one level deeper
     */
    public static List<CaseFiles> discover(Path root, List<String> channels) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root.toString());
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(root)) {
            folders = entries.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        requireCaseFolders(root, folders);
        List<CaseFiles> cases = new ArrayList<>();
        for (Path folder : folders) {
            String id = folder.getFileName().toString();
            List<Path> images = new ArrayList<>();
            for (String channel : channels) {
                String stem = id + "_" + channel;
                images.add(NiftiFiles.find(folder, stem).orElse(folder.resolve(stem + NiftiFiles.EXTENSIONS[0])));
            }
            Optional<Path> label = NiftiFiles.find(folder, id + "_" + LABEL_SUFFIX);
            cases.add(new CaseFiles(id, images, label));
        }
        return cases;
    }

    /**
     * Refuses the two usual mistakes with a root, which would otherwise read as no cases or as one case missing every
     * file: the cases' files put straight into the root, and the case folders one level deeper.
     */
    private static void requireCaseFolders(Path root, List<Path> folders) throws IOException {
        if (folders.isEmpty() && holdsNifti(root)) {
            throw new IOException(root + ": holds NIfTI files but no case folders; a BraTS root has one folder per "
                    + "case (CASE/CASE_flair.nii.gz, ..., CASE/CASE_seg.nii.gz): move each case's files into a "
                    + "folder named as the case");
        }
        for (Path folder : folders) {
            if (holdsNifti(folder)) {
                return;
            }
        }
        for (Path folder : folders) {
            try (Stream<Path> inner = Files.list(folder)) {
                if (inner.filter(Files::isDirectory).anyMatch(BratsLayout::holdsNiftiQuietly)) {
                    throw new IOException(root + ": the case folders are one level deeper, in " + folder
                            + "; give that folder as the root (dataset.brats_root, --input)");
                }
            }
        }
    }

    private static boolean holdsNifti(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> Files.isRegularFile(file) && NiftiFiles.stem(file).isPresent());
        }
    }

    private static boolean holdsNiftiQuietly(Path folder) {
        try {
            return holdsNifti(folder);
        } catch (IOException e) {
            return false;
        }
    }
}
