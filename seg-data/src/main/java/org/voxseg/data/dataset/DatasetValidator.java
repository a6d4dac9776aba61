package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader;

/**
 * Checks a whole dataset before training, reporting every problem at once rather than failing on case 117 in
 * epoch 3. {@link #validateHeaders} reads headers alone: missing or unreadable files, files that are not 3-D, the
 * wrong number of channel files, one file given twice, channels and label maps on different grids. {@link #validate}
 * also reads every voxel for the {@link CaseDataChecks} (NaN or infinite values, empty images, label values outside
 * the configured labels); training runs those while preprocessing instead, so that each case is read once. Cases
 * are checked in parallel.
 */
public final class DatasetValidator {

    /** Largest difference between affine elements (mm) for two files to count as one grid. */
    public static final double GRID_TOLERANCE = 1e-3;

    private final CaseDataChecks dataChecks;
    private final boolean requireLabels;
    private final int channels;

    /**
     * A validator that accepts any number of channels per case.
     *
     * @param labels the label values allowed besides 0
     * @param requireLabels whether every case needs a label map (training), or label maps are optional (inference)
     */
    public DatasetValidator(int[] labels, boolean requireLabels) {
        this(labels, requireLabels, 0);
    }

    /**
     * @param labels the label values allowed besides 0
     * @param requireLabels whether every case needs a label map (training), or label maps are optional (inference)
     * @param channels the image files every case must have, one per channel (0: any number)
     */
    public DatasetValidator(int[] labels, boolean requireLabels, int channels) {
        this.dataChecks = new CaseDataChecks(labels);
        this.requireLabels = requireLabels;
        this.channels = channels;
    }

    /** Every problem of every case, headers and voxel values, in case order. */
    public List<DatasetProblem> validate(List<CaseFiles> cases) {
        return validate(cases, true);
    }

    /** Every problem of one case, headers and voxel values. */
    public List<DatasetProblem> validate(CaseFiles entry) {
        return validate(entry, true);
    }

    /** Every problem of every case that its files' headers show, in case order; no voxel is read. */
    public List<DatasetProblem> validateHeaders(List<CaseFiles> cases) {
        return validate(cases, false);
    }

    private List<DatasetProblem> validate(List<CaseFiles> cases, boolean readData) {
        return IntStream.range(0, cases.size()).parallel()
                .mapToObj(n -> validate(cases.get(n), readData))
                .flatMap(List::stream)
                .toList();
    }

    private List<DatasetProblem> validate(CaseFiles entry, boolean readData) {
        List<DatasetProblem> problems = new ArrayList<>();
        checkChannelFiles(entry, problems);
        Geometry reference = null;
        Path referenceFile = null;
        for (Path image : entry.images()) {
            Geometry grid = check(entry.id(), image, false, readData, problems);
            if (grid != null && reference == null) {
                reference = grid;
                referenceFile = image;
            } else if (grid != null) {
                checkGrid(entry.id(), image, grid, referenceFile, reference, problems);
            }
        }
        if (entry.label().isEmpty()) {
            if (requireLabels) {
                problems.add(new DatasetProblem(entry.id(), entry.images().get(0).getParent(),
                        "no label map (expected a file for the case's labels)"));
            }
        } else {
            Path label = entry.label().get();
            Geometry grid = check(entry.id(), label, true, readData, problems);
            if (grid != null && reference != null) {
                checkGrid(entry.id(), label, grid, referenceFile, reference, problems);
            }
        }
        return problems;
    }

    /** One distinct file per channel, as many as the configured channels. */
    private void checkChannelFiles(CaseFiles entry, List<DatasetProblem> problems) {
        List<Path> images = entry.images();
        if (channels > 0 && images.size() != channels) {
            problems.add(new DatasetProblem(entry.id(), images.get(0), images.size() + " image file(s) for "
                    + channels + " channels"));
        }
        for (int a = 0; a < images.size(); a++) {
            for (int b = a + 1; b < images.size(); b++) {
                if (images.get(a).toAbsolutePath().normalize().equals(images.get(b).toAbsolutePath().normalize())) {
                    problems.add(new DatasetProblem(entry.id(), images.get(b), "the same file is given for channels "
                            + (a + 1) + " and " + (b + 1)));
                }
            }
        }
    }

    /**
     * The grid of a 3-D file, checking its values too when {@code readData}; null, with the problem added, if the
     * file is missing, unreadable or not 3-D.
     */
    private Geometry check(String id, Path file, boolean isLabel, boolean readData, List<DatasetProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new DatasetProblem(id, file, "missing file"));
            return null;
        }
        try {
            if (readData) {
                NiftiReader.NiftiImage image = NiftiReader.read(file);
                if (!is3d(id, file, image.header(), problems)) {
                    return null;
                }
                if (isLabel) {
                    dataChecks.checkLabels(id, file, image.volume(), problems);
                } else {
                    CaseDataChecks.checkImage(id, file, image.volume().data(), problems);
                }
                return image.volume().geometry();
            }
            NiftiHeader header = NiftiReader.readHeader(file);
            if (!is3d(id, file, header, problems)) {
                return null;
            }
            NiftiReader.checkSize(file, header);
            return header.geometry();
        } catch (IOException e) {
            String message = e.getMessage();
            String prefix = file + ": ";
            problems.add(new DatasetProblem(id, file, message.startsWith(prefix) ? message.substring(prefix.length())
                    : message));
            return null;
        }
    }

    private static boolean is3d(String id, Path file, NiftiHeader header, List<DatasetProblem> problems) {
        if (header.channelCount() != 1) {
            problems.add(new DatasetProblem(id, file, "not a 3-D volume: dims " + Arrays.toString(header.dims())));
            return false;
        }
        return true;
    }

    private static void checkGrid(String id, Path file, Geometry grid, Path referenceFile, Geometry reference,
            List<DatasetProblem> problems) {
        grid.describeDifference(reference, GRID_TOLERANCE).ifPresent(difference -> problems.add(
                new DatasetProblem(id, file, "not on the grid of " + referenceFile.getFileName() + ": " + difference)));
    }
}
