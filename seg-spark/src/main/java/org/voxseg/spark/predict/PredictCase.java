package org.voxseg.spark.predict;

import java.io.IOException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.voxseg.core.api.FailureMessages;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.DatasetProblem;
import org.voxseg.data.dataset.DatasetValidator;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.Volume;
import org.voxseg.spark.io.HadoopSettings;
import org.voxseg.spark.io.LocalStage;
import org.voxseg.spark.io.Publisher;
import org.voxseg.spark.job.CaseStatus;
import org.voxseg.spark.job.TaskPlace;

/**
 * The task of one case, on an executor: skip it if its label map is already there and readable (unless
 * overwriting); else copy its channel files to a local folder, check them as {@code voxseg predict} does, predict
 * them with seg-core's {@code ModelPredictor.predictFile} (the bytes {@code voxseg predict} writes) and publish
 * {@code <output>/<case>.nii.gz} atomically. Any failure of the case becomes its row; the job goes on.
 */
final class PredictCase implements Function<CaseRef, CaseResult> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ModelSettings model;
    private final int[] labels;
    private final String output;
    private final boolean overwrite;
    private final HadoopSettings hadoop;

    PredictCase(ModelSettings model, int[] labels, Path output, boolean overwrite, HadoopSettings hadoop) {
        this.model = model;
        this.labels = labels.clone();
        this.output = output.toString();
        this.overwrite = overwrite;
        this.hadoop = hadoop;
    }

    /** Where the label map of {@code caseId} goes. */
    static Path target(Path output, String caseId) {
        return new Path(output, caseId + ".nii.gz");
    }

    @Override
    public CaseResult call(CaseRef entry) throws IOException {
        long started = System.nanoTime();
        Path target = target(new Path(output), entry.id());
        try (LocalStage stage = LocalStage.create(hadoop)) {
            try {
                Optional<Volume> existing = overwrite ? Optional.empty() : readable(target, stage);
                Volume labelMap = existing.isPresent() ? existing.get() : predict(entry, target, stage);
                return result(entry, existing.isPresent() ? CaseStatus.SKIPPED : CaseStatus.OK, null, started,
                        count(labelMap));
            } catch (IOException | RuntimeException e) {
                return result(entry, CaseStatus.FAILED, stage.remoteNames(FailureMessages.describe(e)), started,
                        List.of());
            }
        }
    }

    /** The label map at {@code target} if there is one that reads to the end. */
    private Optional<Volume> readable(Path target, LocalStage stage) throws IOException {
        if (!hadoop.fileSystem(target).exists(target)) {
            return Optional.empty();
        }
        try {
            return Optional.of(NiftiReader.read(stage.fetch(target.toString())).volume());
        } catch (IOException e) {
            return Optional.empty(); // half a file from an older tool or a crash: predicted again
        }
    }

    private Volume predict(CaseRef entry, Path target, LocalStage stage) throws IOException {
        List<java.nio.file.Path> images = new ArrayList<>();
        for (String image : entry.images()) {
            images.add(stage.fetch(image));
        }
        CaseFiles files = new CaseFiles(entry.id(), images, Optional.empty());
        List<DatasetProblem> problems = new DatasetValidator(labels, false, images.size()).validate(files);
        if (!problems.isEmpty()) {
            throw new IOException(DatasetProblem.summarise(problems));
        }
        java.nio.file.Path local = stage.newFile(target.getName());
        try (PredictorPool.Lease lease = PredictorPool.borrow(model, hadoop)) {
            lease.predictor().predictFile(files, local);
        }
        new Publisher(hadoop).publish(local, target, TaskPlace.attempt());
        return NiftiReader.read(local).volume();
    }

    /** The labels whose voxels the table counts: the background, then the model's labels. */
    static int[] counted(int[] labels) {
        return IntStream.concat(IntStream.of(0), Arrays.stream(labels).filter(label -> label != 0)).toArray();
    }

    /** Voxels per {@link #counted} label. */
    private List<Long> count(Volume labelMap) {
        int[] counted = counted(labels);
        long[] counts = new long[counted.length];
        float[] values = labelMap.toArray();
        for (float value : values) {
            for (int l = 0; l < counted.length; l++) {
                if (value == counted[l]) {
                    counts[l]++;
                    break;
                }
            }
        }
        return Arrays.stream(counts).boxed().toList();
    }

    private static CaseResult result(CaseRef entry, CaseStatus status, String message, long started,
            List<Long> voxels) {
        return new CaseResult(entry.id(), status, message, (System.nanoTime() - started) / 1e9, TaskPlace.executor(),
                voxels);
    }
}
