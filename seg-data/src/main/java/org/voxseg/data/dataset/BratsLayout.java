package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The BraTS folder layout: a root whose sub-folders are cases ({@code BraTS20_Training_001},
 * {@code BraTS-GLI-00000-000}) holding {@code <case>_<channel>.nii.gz} (or {@code .nii}, or {@code <case>-<channel>}
 * as from 2023) per channel and {@code <case>_seg} for the label map. Cases without a label map are a validation or
 * test set.
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
        List<Path> folders = caseFolders(root);
        return cases(folders, edition(folders), channels);
    }

    /**
     * The BraTS dataset at {@code root}: its edition found from the file names, that edition's channels and labels,
     * and its cases.
     *
     * @throws NotDirectoryException if {@code root} is not a folder
     * @throws IOException as {@link #discover} does
     */
    public static DatasetDescription describe(Path root) throws IOException {
        List<Path> folders = caseFolders(root);
        BratsEdition edition = edition(folders);
        return new DatasetDescription(edition.layout(), root, edition.channels(), Optional.of(edition.labels()),
                cases(folders, edition, edition.channels()));
    }

    /** The cases in {@code folders}, missing channel files named with {@code edition}'s separator. */
    private static List<CaseFiles> cases(List<Path> folders, BratsEdition edition, List<String> channels)
            throws IOException {
        List<CaseFiles> cases = new ArrayList<>();
        for (Path folder : folders) {
            String id = folder.getFileName().toString();
            List<Path> images = new ArrayList<>();
            for (String channel : channels) {
                images.add(find(folder, id, channel).orElse(folder.resolve(id + edition.separator() + channel
                        + NiftiFiles.EXTENSIONS[0])));
            }
            cases.add(new CaseFiles(id, images, label(folder, id)));
        }
        return cases;
    }

    /** The case folders under {@code root}, sorted, hidden ones skipped. */
    private static List<Path> caseFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root.toString());
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(root)) {
            folders = entries.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        requireCaseFolders(root, folders);
        return folders;
    }

    /** 2023 and later if a case folder holds a {@code <case>-<channel>} file of that edition, else 2020. */
    private static BratsEdition edition(List<Path> folders) {
        for (Path folder : folders) {
            String id = folder.getFileName().toString();
            for (String channel : BratsEdition.BRATS_2023.channels()) {
                if (NiftiFiles.find(folder, id + BratsEdition.BRATS_2023.separator() + channel).isPresent()) {
                    return BratsEdition.BRATS_2023;
                }
            }
        }
        return BratsEdition.BRATS_2020;
    }

    /**
     * The case's label map: {@code <case>_seg} or {@code <case>-seg}, else the folder's one NIfTI file not named
     * after the case whose name says it is a segmentation (BraTS 2020's case 355 ships
     * {@code W39_1998.09.19_Segm.nii}).
     */
    private static Optional<Path> label(Path folder, String id) throws IOException {
        Optional<Path> named = find(folder, id, LABEL_SUFFIX);
        if (named.isPresent()) {
            return named;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> segmentations = files.filter(Files::isRegularFile).filter(f -> NiftiFiles.stem(f).isPresent())
                    .filter(f -> !f.getFileName().toString().startsWith(id))
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).contains(LABEL_SUFFIX)).toList();
            return segmentations.size() == 1 ? Optional.of(segmentations.get(0)) : Optional.empty();
        }
    }

    /** The case's file for {@code suffix}, named with either edition's separator. */
    private static Optional<Path> find(Path folder, String id, String suffix) {
        return NiftiFiles.find(folder, id + "_" + suffix).or(() -> NiftiFiles.find(folder, id + "-" + suffix));
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
