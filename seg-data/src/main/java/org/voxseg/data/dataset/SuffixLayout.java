package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The nnU-Net layout for any dataset: images {@code <case>_0000.nii.gz}, {@code <case>_0001...} (one file per
 * channel, four-digit suffix) in one folder, label maps {@code <case>.nii.gz} in another.
 */
public final class SuffixLayout {

    private static final Pattern CHANNEL_FILE = Pattern.compile("(.+)_(\\d{4})");

    private SuffixLayout() {
    }

    /**
     * The cases in {@code imagesDir} (any file named {@code <case>_NNNN.nii[.gz]}), sorted by name, with
     * {@code channels} channel files each (missing ones given as the path they should have) and their label maps
     * from {@code labelsDir} when given.
     *
     * @throws NotDirectoryException if a folder is not a folder
     * @throws IOException if a folder cannot be listed
     */
    public static List<CaseFiles> discover(Path imagesDir, Optional<Path> labelsDir, int channels)
            throws IOException {
        if (!Files.isDirectory(imagesDir)) {
            throw new NotDirectoryException(imagesDir.toString());
        }
        if (labelsDir.isPresent() && !Files.isDirectory(labelsDir.get())) {
            throw new NotDirectoryException(labelsDir.get().toString());
        }
        TreeSet<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(imagesDir)) {
            files.map(NiftiFiles::stem).flatMap(Optional::stream).map(CHANNEL_FILE::matcher)
                    .filter(Matcher::matches).forEach(m -> ids.add(m.group(1)));
        }
        List<CaseFiles> cases = new ArrayList<>();
        for (String id : ids) {
            List<Path> images = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                String stem = String.format(Locale.ROOT, "%s_%04d", id, c);
                images.add(NiftiFiles.find(imagesDir, stem)
                        .orElse(imagesDir.resolve(stem + NiftiFiles.EXTENSIONS[0])));
            }
            cases.add(new CaseFiles(id, images, labelsDir.flatMap(dir -> NiftiFiles.find(dir, id))));
        }
        return cases;
    }
}
