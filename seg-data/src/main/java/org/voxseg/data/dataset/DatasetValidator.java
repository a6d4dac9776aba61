package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.IntensityStatistics;
import org.voxseg.data.volume.Volume;

/**
 * Checks a whole dataset before training, reporting every problem at once rather than failing on case 117 in
 * epoch 3: missing or unreadable files, files that are not 3-D, channels and label maps on different grids, label
 * values outside the configured labels, empty images, NaN or infinite values. Cases are checked in parallel.
 */
public final class DatasetValidator {

    /** Largest difference between affine elements (mm) for two files to count as one grid. */
    public static final double GRID_TOLERANCE = 1e-3;

    private final int[] labels;
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
        this.labels = labels.clone();
        this.requireLabels = requireLabels;
        this.channels = channels;
    }

    /** Every problem of every case, in case order. */
    public List<DatasetProblem> validate(List<CaseFiles> cases) {
        return IntStream.range(0, cases.size()).parallel()
                .mapToObj(n -> validate(cases.get(n)))
                .flatMap(List::stream)
                .toList();
    }

    /** Every problem of one case. */
    public List<DatasetProblem> validate(CaseFiles entry) {
        List<DatasetProblem> problems = new ArrayList<>();
        checkChannelFiles(entry, problems);
        Geometry reference = null;
        Path referenceFile = null;
        for (Path image : entry.images()) {
            Geometry grid = checkImage(entry.id(), image, problems);
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
            Geometry grid = checkLabels(entry.id(), label, problems);
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

    private Geometry checkImage(String id, Path file, List<DatasetProblem> problems) {
        Volume volume = read(id, file, problems);
        if (volume == null) {
            return null;
        }
        IntensityStatistics stats = IntensityStatistics.of(volume);
        if (stats.nanCount() > 0 || stats.infiniteCount() > 0) {
            problems.add(new DatasetProblem(id, file, stats.nanCount() + " NaN and " + stats.infiniteCount()
                    + " infinite values"));
        }
        if (stats.finiteCount() > 0 && stats.finiteMin() == stats.finiteMax()) {
            problems.add(new DatasetProblem(id, file, "empty image: every voxel is " + stats.finiteMin()));
        }
        return volume.geometry();
    }

    private Geometry checkLabels(String id, Path file, List<DatasetProblem> problems) {
        Volume volume = read(id, file, problems);
        if (volume == null) {
            return null;
        }
        TreeSet<Float> unexpected = new TreeSet<>();
        var data = volume.data();
        for (int v = 0; v < data.limit(); v++) {
            float value = data.get(v);
            if (value != 0 && Arrays.stream(labels).noneMatch(l -> l == value)) {
                unexpected.add(value);
            }
        }
        if (!unexpected.isEmpty()) {
            problems.add(new DatasetProblem(id, file, "label values " + unexpected + " are not 0 or one of the"
                    + " configured labels " + Arrays.toString(labels)));
        }
        return volume.geometry();
    }

    private static Volume read(String id, Path file, List<DatasetProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new DatasetProblem(id, file, "missing file"));
            return null;
        }
        try {
            NiftiReader.NiftiImage image = NiftiReader.read(file);
            NiftiHeader header = image.header();
            if (header.channelCount() != 1) {
                problems.add(new DatasetProblem(id, file, "not a 3-D volume: dims " + Arrays.toString(header.dims())));
                return null;
            }
            return image.volume();
        } catch (IOException e) {
            String message = e.getMessage();
            String prefix = file + ": ";
            problems.add(new DatasetProblem(id, file, message.startsWith(prefix) ? message.substring(prefix.length())
                    : message));
            return null;
        }
    }

    private static void checkGrid(String id, Path file, Geometry grid, Path referenceFile, Geometry reference,
            List<DatasetProblem> problems) {
        grid.describeDifference(reference, GRID_TOLERANCE).ifPresent(difference -> problems.add(
                new DatasetProblem(id, file, "not on the grid of " + referenceFile.getFileName() + ": " + difference)));
    }
}
