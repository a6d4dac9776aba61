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
     * @throws IOException if {@code root} cannot be listed
     */
    public static List<CaseFiles> discover(Path root, List<String> channels) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root.toString());
        }
        List<CaseFiles> cases = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path folder : entries.filter(Files::isDirectory).sorted().toList()) {
                String id = folder.getFileName().toString();
                if (id.startsWith(".")) {
                    continue;
                }
                List<Path> images = new ArrayList<>();
                for (String channel : channels) {
                    String stem = id + "_" + channel;
                    images.add(NiftiFiles.find(folder, stem).orElse(folder.resolve(stem + NiftiFiles.EXTENSIONS[0])));
                }
                Optional<Path> label = NiftiFiles.find(folder, id + "_" + LABEL_SUFFIX);
                cases.add(new CaseFiles(id, images, label));
            }
        }
        return cases;
    }
}
