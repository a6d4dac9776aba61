package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.GridChecks;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.Volume;

/**
 * Checks a whole dataset before training, reporting every problem at once rather than failing on case 117 in
 * epoch 3. {@link #validateHeaders} reads headers alone: missing or unreadable files, label maps that are not 3-D,
 * the wrong number of channels (a 4-D image file holds several), one file given twice, channels and label maps on
 * different grids. {@link #validate}
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
     * @param channels the image channels every case must have (0: any number)
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
        checkDistinctFiles(entry, problems);
        NiftiHeader reference = null;
        Path referenceFile = null;
        int channelsFound = 0;
        boolean allRead = true;
        for (Path image : entry.images()) {
            NiftiHeader header = check(entry.id(), image, false, readData, problems);
            allRead &= header != null;
            if (header == null) {
                continue;
            }
            channelsFound += header.channelCount();
            if (reference == null) {
                reference = header;
                referenceFile = image;
            } else {
                checkGrid(entry.id(), image, header.geometry(), referenceFile, reference.geometry(), problems);
            }
        }
        if (allRead && channels > 0 && channelsFound != channels) {
            problems.add(new DatasetProblem(entry.id(), entry.images().get(0), channelsFound + " channel(s) in "
                    + entry.images().size() + " image file(s) for " + channels + " channels"
                    + (reference != null && reference.channelCount() > 1 ? " (dims "
                    + Arrays.toString(reference.dims()) + ")" : "")));
        }
        if (entry.label().isEmpty()) {
            if (requireLabels) {
                problems.add(new DatasetProblem(entry.id(), entry.images().get(0).getParent(),
                        "no label map (expected a file for the case's labels)"));
            }
        } else {
            Path label = entry.label().get();
            NiftiHeader header = check(entry.id(), label, true, readData, problems);
            if (header != null && reference != null) {
                checkGrid(entry.id(), label, header.geometry(), referenceFile, reference.geometry(), problems);
            }
        }
        return problems;
    }

    /** No file given for two channels. */
    private static void checkDistinctFiles(CaseFiles entry, List<DatasetProblem> problems) {
        List<Path> images = entry.images();
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
     * The header of a readable file, checking its values too when {@code readData}; null, with the problem added, if
     * the file is missing or unreadable, or a label map that is not 3-D. An image may be 4-D (one channel per volume).
     */
    private NiftiHeader check(String id, Path file, boolean isLabel, boolean readData,
            List<DatasetProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new DatasetProblem(id, file, "missing file"));
            return null;
        }
        try {
            NiftiHeader header = NiftiReader.readHeader(file);
            if (isLabel && header.channelCount() != 1) {
                problems.add(new DatasetProblem(id, file, "a label map is 3-D, not dims "
                        + Arrays.toString(header.dims())));
                return null;
            }
            if (!readData) {
                NiftiReader.checkSize(file, header);
                return header;
            }
            Volume volume = NiftiReader.read(file).volume();
            if (isLabel) {
                dataChecks.checkLabels(id, file, volume, problems);
            } else {
                for (int c = 0; c < volume.channels(); c++) {
                    CaseDataChecks.checkImage(id, file, volume.channel(c), problems);
                }
            }
            return header;
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
        GridChecks.describeDifference(grid, reference, GRID_TOLERANCE).ifPresent(difference -> problems.add(
                new DatasetProblem(id, file, "not on the grid of " + referenceFile.getFileName() + ": " + difference)));
    }
}
