package org.voxseg.data.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.voxseg.data.dataset.BratsLayout;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader;

/**
 * Predictions matched with their references by case name: two files, or a folder of {@code <case>.nii.gz}
 * predictions against a folder of {@code <case>.nii.gz} references or of BraTS case folders
 * ({@code <case>/<case>_seg.nii.gz}).
 *
 * @param pairs (case, prediction file, reference file)
 */
public record SegmentationPairs(List<Pair> pairs) {

    /** One case's files. */
    public record Pair(String caseId, Path prediction, Path reference) {
    }

    public SegmentationPairs {
        pairs = List.copyOf(pairs);
    }

    /**
     * Matches {@code prediction} (a file or folder) with {@code reference}.
     *
     * @throws NoSuchFileException if either does not exist, or a prediction has no reference (named)
     */
    public static SegmentationPairs find(Path prediction, Path reference) throws IOException {
        for (Path path : List.of(prediction, reference)) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString());
            }
        }
        if (Files.isRegularFile(prediction)) {
            Path referenceFile = Files.isRegularFile(reference) ? reference
                    : referenceIn(reference, stem(prediction)).orElseThrow(() -> new NoSuchFileException(reference
                    + " (no reference for " + stem(prediction) + ")"));
            return new SegmentationPairs(List.of(new Pair(stem(prediction), prediction, referenceFile)));
        }
        List<Pair> pairs = new ArrayList<>();
        try (Stream<Path> files = Files.list(prediction)) {
            for (Path file : files.filter(SegmentationPairs::isLabelMap).sorted().toList()) {
                String id = stem(file);
                Path referenceFile = referenceIn(reference, id).orElseThrow(() -> new NoSuchFileException(reference
                        + " (no reference for case " + id + ")"));
                pairs.add(new Pair(id, file, referenceFile));
            }
        }
        if (pairs.isEmpty()) {
            throw new IOException(prediction + ": no .nii or .nii.gz predictions");
        }
        return new SegmentationPairs(pairs);
    }

    /**
     * Scores every pair, after {@link #validate validating} them all.
     *
     * @throws InvalidLabelMapException if a pair cannot be scored; nothing is scored then
     */
    public EvaluationReport evaluate(List<Structure> structures, EmptyMaskConvention convention) throws IOException {
        return evaluate(structures, convention, Optional.empty());
    }

    /**
     * Scores every pair as {@link #evaluate(List, EmptyMaskConvention)} does, and each structure lesion-wise under
     * {@code lesionWise} if given.
     *
     * @throws InvalidLabelMapException if a pair cannot be scored; nothing is scored then
     */
    public EvaluationReport evaluate(List<Structure> structures, EmptyMaskConvention convention,
            Optional<LesionWiseRule> lesionWise) throws IOException {
        validate(structures);
        Evaluator evaluator = new Evaluator(structures, convention, lesionWise);
        List<CaseScores> scores = new ArrayList<>();
        for (Pair pair : pairs) {
            scores.add(evaluator.evaluate(pair.caseId(), NiftiReader.read(pair.prediction()).volume(),
                    NiftiReader.read(pair.reference()).volume()));
        }
        return new EvaluationReport(scores);
    }

    /**
     * Checks that every pair can be scored for {@code structures}: each file has one volume and a positive, finite
     * spacing; each prediction lies on its reference's grid (same shape, affine entries and spacing within 1e-3 mm);
     * every voxel of both files is 0 or a label of {@code structures}. All headers are checked first, then all
     * voxels, so the cheap checks fail fast.
     *
     * @throws InvalidLabelMapException naming the first file at fault and the problem
     * @throws IOException if a file cannot be read
     */
    public void validate(List<Structure> structures) throws IOException {
        for (Pair pair : pairs) {
            LabelMapChecks.requireOneGrid(pair.prediction(), NiftiReader.readHeader(pair.prediction()),
                    pair.reference(), NiftiReader.readHeader(pair.reference()));
        }
        int[] labels = LabelMapChecks.labelsOf(structures);
        for (Pair pair : pairs) {
            for (Path file : List.of(pair.prediction(), pair.reference())) {
                NiftiHeader header = NiftiReader.readHeader(file);
                float[] values = new float[Math.toIntExact(header.voxelCount())];
                NiftiReader.readInto(file, values, 0);
                LabelMapChecks.requireLabels(file, values, header.spatialShape(), labels);
            }
        }
    }

    /**
     * Where the reference of case {@code id} may be in a reference folder, relative to it and in the order they are
     * tried: {@code <id>.nii.gz}, {@code <id>.nii}, then a BraTS case folder's {@code <id>/<id>_seg.nii(.gz)} or,
     * as from BraTS 2023, {@code <id>/<id>-seg.nii(.gz)}.
     */
    public static List<String> referenceNames(String id) {
        List<String> names = new ArrayList<>(List.of(id + ".nii.gz", id + ".nii"));
        for (String separator : List.of("_", "-")) {
            String label = id + "/" + id + separator + BratsLayout.LABEL_SUFFIX;
            names.addAll(List.of(label + ".nii.gz", label + ".nii"));
        }
        return names;
    }

    private static Optional<Path> referenceIn(Path folder, String id) {
        for (String name : referenceNames(id)) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean isLabelMap(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".nii.gz") || name.endsWith(".nii"))
                && !name.contains("_probabilities.");
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.nii(\\.gz)?$", "");
    }
}
