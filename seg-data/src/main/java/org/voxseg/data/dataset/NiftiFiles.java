package org.voxseg.data.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Finding NIfTI files by stem: {@code stem.nii.gz} or {@code stem.nii}. */
public final class NiftiFiles {

    static final String[] EXTENSIONS = {".nii.gz", ".nii"};

    private NiftiFiles() {
    }

    /** The existing {@code stem.nii.gz} or {@code stem.nii} in {@code folder}, if any. */
    static Optional<Path> find(Path folder, String stem) {
        for (String extension : EXTENSIONS) {
            Path candidate = folder.resolve(stem + extension);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The name a case read from {@code file} alone goes by: its name without {@code .nii.gz} or {@code .nii}. */
    static String caseId(Path file) {
        return stem(file).orElse(file.getFileName().toString());
    }

    /** The file name without {@code .nii.gz} or {@code .nii}, or empty if it has neither. */
    public static Optional<String> stem(Path file) {
        String name = file.getFileName().toString();
        for (String extension : EXTENSIONS) {
            if (name.toLowerCase(Locale.ROOT).endsWith(extension)) {
                return Optional.of(name.substring(0, name.length() - extension.length()));
            }
        }
        return Optional.empty();
    }
}
