package org.voxseg.cli.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.voxseg.cli.CommandRun;
import org.voxseg.data.nifti.NiftiReader;

/**
 * Each public layout as a user downloads it (written by {@code voxseg synth --layout}): found from its root alone,
 * trained with a config that names only the root, its test cases predicted under the dataset's own case ids and
 * label values, and evaluated on the regions or classes the dataset describes.
 */
@Tag("slow")
class PublicLayoutsTest {

    @TempDir
    static Path dir;

    /**
     * The layouts as {@code --layout} names them; the test case's id in each (BraTS ships its validation cases as a
     * folder of their own, the others in their root's {@code imagesTs/}), and the input of the training cases.
     */
    enum Layout {
        BRATS2020("BraTS20_Synth_000", "BraTS20_Synth_000", Set.of(1f, 2f, 4f)),
        BRATS2023("BraTS-GLI-00000-000", "BraTS-GLI-00000-000", Set.of(1f, 2f, 3f)),
        DECATHLON("BRATS_004", "imagesTr", Set.of(1f, 2f, 3f)),
        NNUNET("BraTS_004", "imagesTr", Set.of(1f, 2f, 3f));

        final String testCase;
        final String trainingInput;
        final Set<Float> labels;

        Layout(String testCase, String trainingInput, Set<Float> labels) {
            this.testCase = testCase;
            this.trainingInput = trainingInput;
            this.labels = labels;
        }

        Path root() {
            return dir.resolve(name());
        }

        boolean brats() {
            return !trainingInput.equals("imagesTr");
        }

        /** What predicting the test cases is given: the dataset root, or BraTS's validation folder. */
        Path testInput() {
            return brats() ? dir.resolve(name() + "_Validation") : root();
        }

        /** Where the training cases' label maps are: the BraTS case folders, or {@code labelsTr/}. */
        Path references() {
            return brats() ? root() : root().resolve("labelsTr");
        }
    }

    private static final Map<Layout, CommandRun> TRAINED = new EnumMap<>(Layout.class);

    @BeforeAll
    static void writeAndTrainEachLayout() throws IOException {
        for (Layout layout : Layout.values()) {
            assertEquals(0, CommandRun.of("synth", "--out", layout.root().toString(), "--layout", layout.name(),
                    "--cases", layout.brats() ? "3" : "4", "--test-cases", layout.brats() ? "0" : "1", "--shape",
                    "16,16,16", "--seed", "3").exitCode());
            if (layout.brats()) {
                assertEquals(0, CommandRun.of("synth", "--out", layout.testInput().toString(), "--layout",
                        layout.name(), "--cases", "1", "--test-cases", "1", "--shape", "16,16,16", "--seed", "4")
                        .exitCode());
            }
            Path config = dir.resolve(layout + ".json");
            Files.writeString(config, String.format(Locale.ROOT, """
                    {"model": {"filters": [4, 8]}, "dataset": {"root": "%s"}, "scheduler": {"name": "constant"},
                     "training": {"epochs": 1, "iterations_per_epoch": 2, "batch_size": 1, "patch_size": [16, 16, 16],
                                  "validation_batches": 1, "seed": 5},
                     "cross_validation": {"n_folds": 3}}""", layout.name()));
            TRAINED.put(layout, CommandRun.of("train", "--config", config.toString(), "--output-dir",
                    run(layout).toString(), "--threads", "1", "--quiet"));
        }
    }

    private static Path run(Layout layout) {
        return dir.resolve("run_" + layout);
    }

    private static Path testPredictions(Layout layout) throws IOException {
        Path output = dir.resolve("test_" + layout);
        if (!Files.isDirectory(output)) {
            CommandRun predict = CommandRun.of("predict", "--model", run(layout).toString(), "--input",
                    layout.testInput().toString(), "--output", output.toString(), "--threads", "1", "--quiet");
            assertEquals(0, predict.exitCode(), predict.err());
        }
        return output;
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void isCheckedTrainedPredictedAndEvaluatedFromItsRootAlone(Layout layout) throws IOException {
        CommandRun check = CommandRun.of("dataset", "check", layout.root().toString());
        assertEquals(0, check.exitCode(), check.out());
        assertTrue(check.out().contains("cases:    3 with label maps, " + (layout.brats() ? 0 : 1) + " without"),
                check.out());
        assertEquals(0, TRAINED.get(layout).exitCode(), TRAINED.get(layout).err());

        Path written = testPredictions(layout).resolve(layout.testCase + ".nii.gz");
        assertTrue(Files.isRegularFile(written), "the test case under the dataset's own id: " + written);
        TreeSet<Float> values = new TreeSet<>();
        for (float value : NiftiReader.read(written).volume().toArray()) {
            values.add(value);
        }
        values.remove(0f);
        assertTrue(layout.labels.containsAll(values), "labels in the dataset's own values: " + values);

        Path predictions = dir.resolve("training_" + layout);
        CommandRun predict = CommandRun.of("predict", "--model", run(layout).toString(), "--input",
                layout.root().resolve(layout.trainingInput).toString(), "--output", predictions.toString(),
                "--threads", "1", "--quiet");
        assertEquals(0, predict.exitCode(), predict.err());
        CommandRun evaluate = CommandRun.of("evaluate", "--prediction", predictions.toString(), "--reference",
                layout.references().toString(), "--dataset", layout.root().toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        String firstRegion = layout == Layout.NNUNET ? "whole tumor" : "WT";
        assertTrue(evaluate.out().contains(firstRegion), evaluate.out());
    }

    @Test
    void brats2023AndBrats2021RunsOnTheSameCasesGiveTheSameLabelMapsAfterRelabelling() throws IOException {
        float[] old = NiftiReader.read(testPredictions(Layout.BRATS2020)
                .resolve(Layout.BRATS2020.testCase + ".nii.gz")).volume().toArray();
        float[] current = NiftiReader.read(testPredictions(Layout.BRATS2023)
                .resolve(Layout.BRATS2023.testCase + ".nii.gz")).volume().toArray();

        float[] relabelled = old.clone();
        for (int v = 0; v < relabelled.length; v++) {
            relabelled[v] = relabelled[v] == 4 ? 3 : relabelled[v];
        }
        assertArrayEquals(relabelled, current);
        assertTrue(List.of(Layout.values()).stream().allMatch(l -> TRAINED.get(l).exitCode() == 0));
    }
}
