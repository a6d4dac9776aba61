package org.voxseg.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.core.config.RunConfig;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.transform.ChannelIntensities;
import org.voxseg.data.transform.DatasetNormalization;
import org.voxseg.data.transform.Normalization;
import org.voxseg.data.volume.Volume;

/**
 * A Decathlon-style CT task trains with nnU-Net's CT normalisation without a word about it in the config: the
 * statistics come from the labelled cases' foreground, land in the run's model.json, and a resumed run keeps them.
 */
@Tag("slow")
class IntensityFingerprintTest {

    private static final int[] SHAPE = {20, 20, 16};

    @TempDir
    Path dir;

    /**
     * Writes a CT task whose cases hold air (-1000 HU) around a box of label 1; the box holds {@code organ[n]} HU in
     * case n, so the foreground statistics are known exactly.
     */
    private Path ctTask(int... organ) throws IOException {
        Path root = Files.createDirectories(dir.resolve("Task09_Spleen"));
        Files.createDirectories(root.resolve("imagesTr"));
        Files.createDirectories(root.resolve("labelsTr"));
        Geometry grid = Geometry.of(Extent.of(SHAPE), Affine.identity());
        StringBuilder training = new StringBuilder();
        for (int n = 0; n < organ.length; n++) {
            float[] image = new float[grid.voxelCount()];
            float[] labels = new float[grid.voxelCount()];
            for (int k = 0; k < SHAPE[2]; k++) {
                for (int j = 0; j < SHAPE[1]; j++) {
                    for (int i = 0; i < SHAPE[0]; i++) {
                        int voxel = i + SHAPE[0] * (j + SHAPE[1] * k);
                        boolean inside = i >= 4 && i < 14 && j >= 5 && j < 15 && k >= 3 && k < 11;
                        image[voxel] = inside ? organ[n] : -1000;
                        labels[voxel] = inside ? 1 : 0;
                    }
                }
            }
            String name = "spleen_" + n + ".nii.gz";
            NiftiWriter.of(NiftiDataType.INT16).write(Volume.wrap(grid, 1, image), root.resolve("imagesTr/" + name));
            NiftiWriter.of(NiftiDataType.UINT8).write(Volume.wrap(grid, 1, labels), root.resolve("labelsTr/" + name));
            training.append(n == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"image\": \"./imagesTr/%s\", \"label\": \"./labelsTr/%s\"}", name, name));
        }
        Files.writeString(root.resolve("dataset.json"), "{\"name\": \"Spleen\", \"modality\": {\"0\": \"CT\"}, "
                + "\"labels\": {\"0\": \"background\", \"1\": \"spleen\"}, \"training\": [" + training + "]}");
        return root;
    }

    private static float[] filled(float value) {
        float[] values = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
        Arrays.fill(values, value);
        return values;
    }

    private Path config(String extra) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, String.format(Locale.ROOT, """
                {
                  "model": {"filters": [4, 8]},
                  "dataset": {"root": "Task09_Spleen", "validation_cases": ["spleen_0"]%s},
                  "training": {"epochs": 1, "iterations_per_epoch": 1, "batch_size": 1, "patch_size": [16, 16, 16],
                               "seed": 7, "validation_batches": 1}
                }
                """, extra));
        return file;
    }

    @Test
    void aCtTaskIsNormalisedWithItsTrainingForegroundsStatisticsAndAResumeKeepsThem() throws IOException {
        ctTask(100, 300, 200);
        RunConfig config = RunConfig.read(config(""));
        assertEquals(Normalization.Kind.CT, config.dataset().preprocessing().normalization());
        Path run = dir.resolve("run");

        try (Voxseg voxseg = Voxseg.builder().threads(2).build()) {
            voxseg.train(config, run, RunListener.NONE);

            // every case draws as many samples: a third at each of 100, 200 and 300 HU, the air never
            double std = Math.sqrt((100.0 * 100 + 100 * 100) / 3);
            List<ChannelIntensities> expected = List.of(new ChannelIntensities(200, std, 100, 300));
            PreprocessingConfig stored = ModelDescription.read(run.resolve(RunFolder.MODEL)).preprocessing();
            assertEquals(expected.get(0).mean(), stored.intensityStatistics().get(0).mean(), 1e-9);
            assertEquals(expected.get(0).std(), stored.intensityStatistics().get(0).std(), 1e-9);
            assertEquals(new DatasetNormalization(stored.intensityStatistics()),
                    ModelDescription.read(run.resolve(RunFolder.MODEL)).preprocessingSettings().normalization());
            assertEquals(stored, RunConfig.read(run.resolve(RunFolder.CONFIG)).dataset().preprocessing());
            try (ModelPredictor predictor = voxseg.predictor(List.of(run), PredictionOverrides.NONE)) {
                Volume air = Volume.wrap(Geometry.of(Extent.of(SHAPE), Affine.identity()), 1, filled(-1000));
                assertArrayEquals(SHAPE, predictor.predict(air).labels().geometry().shape().toArray(),
                        "prediction normalises with the stored statistics");
            }

            // a resume takes the numbers from the run folder, even when the cases changed since
            ctTask(900, 900, 900);
            List<String> notes = new ArrayList<>();
            voxseg.train(config.withTraining(config.training().toBuilder().epochs(2).build()), run,
                    new RunListener() {
                        @Override
                        public void note(String message) {
                            notes.add(message);
                        }
                    });
            assertEquals(stored, ModelDescription.read(run.resolve(RunFolder.MODEL)).preprocessing());
            assertTrue(notes.stream().anyMatch(n -> n.startsWith("resuming with the foreground intensity")), notes
                    .toString());
        }
    }

    @Test
    void aTaskWithoutForegroundIsRefusedNamingTheDatasetBeforeTheRunFolderIsWritten() throws IOException {
        Path root = ctTask(100, 300);
        Volume empty = Volume.wrap(Geometry.of(Extent.of(SHAPE), Affine.identity()), 1, filled(0));
        for (String name : List.of("spleen_0.nii.gz", "spleen_1.nii.gz")) {
            NiftiWriter.of(NiftiDataType.UINT8).write(empty, root.resolve("labelsTr/" + name));
        }
        Path run = dir.resolve("run");

        try (Voxseg voxseg = Voxseg.builder().threads(2).build()) {
            ConfigException refused = assertThrows(ConfigException.class,
                    () -> voxseg.train(RunConfig.read(config("")), run, RunListener.NONE));
            assertEquals(root + ": no label map has a label above 0, and dataset.preprocessing.normalization 'ct' "
                    + "takes its statistics from the training cases' foreground; label the cases, or choose zscore",
                    refused.getMessage());
        }
        assertFalse(Files.exists(run));
    }

    @Test
    void aConfigThatChoosesItsOwnNormalisationKeepsIt() throws IOException {
        ctTask(100);

        PreprocessingConfig chosen = RunConfig.read(config(", \"preprocessing\": {\"clip_percentiles\": [1, 99]}"))
                .dataset().preprocessing();

        assertEquals(Normalization.Kind.ZSCORE_NONZERO, chosen.normalization());
        assertFalse(chosen.cropForeground(), "a CT channel is still not cropped above 0 HU");
    }
}
