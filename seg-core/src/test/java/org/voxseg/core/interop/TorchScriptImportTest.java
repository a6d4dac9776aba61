package org.voxseg.core.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.api.ModelPredictor;
import org.voxseg.core.api.PredictionListener;
import org.voxseg.core.api.PredictionOverrides;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.core.prediction.BlendMode;
import org.voxseg.core.prediction.BlendedValues;
import org.voxseg.core.prediction.TensorAxes;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.transform.Normalization;
import org.voxseg.data.volume.Volume;

/**
 * Imported TorchScript models predict what MONAI's sliding window computes for them (the reference written by
 * make_fixtures.py): roi smaller than the case, overlap 0.5, Gaussian weights, raw outputs blended and the sigmoid
 * applied afterwards, for a model reading (C, i, j, k) and one reading (C, k, j, i).
 */
class TorchScriptImportTest {

    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path dir;

    private static Voxseg voxseg;

    @BeforeAll
    static void start() {
        voxseg = Voxseg.builder().threads(2).build();
    }

    @AfterAll
    static void close() {
        voxseg.close();
    }

    private static TorchScriptImport.Builder fixtureImport(Path model, TensorAxes axes) {
        return TorchScriptImport.builder().model(model).channels(InteropFixtures.CHANNELS)
                .outputs(OutputLabels.parseRegions(InteropFixtures.REGIONS))
                .preprocessing(PreprocessingConfig.builder().cropForeground(false)
                        .normalization(Normalization.Kind.ZSCORE_NONZERO).channelWise(true).build())
                .roi(new Extent(16, 12, 8)).axes(axes).strideDivisor(4).prediction(PredictionConfig.builder()
                        .blend(BlendedValues.OUTPUTS).mode(BlendMode.GAUSSIAN).overlap(0.5));
    }

    /** The probabilities voxseg writes for the fixture case with the model in {@code run}. */
    private static Volume predictedProbabilities(Path run, Path output) throws IOException {
        PredictionOverrides overrides = PredictionOverrides.builder().probabilities(true).postprocessing(false).build();
        try (ModelPredictor predictor = voxseg.predictor(List.of(run), overrides)) {
            predictor.predictAll(List.of(InteropFixtures.caseFolder()), output, PredictionListener.NONE);
        }
        return NiftiReader.read(output.resolve("case_probabilities.nii.gz")).volume();
    }

    /** The largest difference between voxseg's channel and MONAI's of the same name, over all channels. */
    private static double largestDifference(Volume predicted, List<String> predictedNames, Volume reference) {
        double largest = 0;
        int voxels = reference.voxelsPerChannel();
        for (int c = 0; c < InteropFixtures.MODEL_OUTPUTS.size(); c++) {
            int ours = predictedNames.indexOf(InteropFixtures.MODEL_OUTPUTS.get(c));
            for (int v = 0; v < voxels; v++) {
                largest = Math.max(largest, Math.abs(predicted.data().get(ours * voxels + v)
                        - reference.data().get(c * voxels + v)));
            }
        }
        return largest;
    }

    private static double importAndCompare(TorchScriptImport modelImport, String name) throws IOException {
        Path run = dir.resolve(name);
        voxseg.importModel(modelImport, run);
        Volume predicted = predictedProbabilities(run, dir.resolve(name + "_out"));
        ModelDescription description = ModelDescription.read(run.resolve(ModelDescription.FILE));
        return largestDifference(predicted, description.outputNames(), InteropFixtures.reference());
    }

    @Test
    void aModelReadingIjkTensorsPredictsMonaisSlidingWindow() throws IOException {
        double difference = importAndCompare(fixtureImport(InteropFixtures.cijkModel(), TensorAxes.CIJK).build(),
                "cijk");
        assertTrue(difference < TOLERANCE, "largest difference " + difference);
    }

    @Test
    void aModelReadingKjiTensorsPredictsTheSame() throws IOException {
        double difference = importAndCompare(fixtureImport(InteropFixtures.ckjiModel(), TensorAxes.CKJI).build(),
                "ckji");
        assertTrue(difference < TOLERANCE, "largest difference " + difference);
    }

    @Test
    void theWrongAxisOrderGivesOtherNumbers() throws IOException {
        double difference = importAndCompare(fixtureImport(InteropFixtures.ckjiModel(), TensorAxes.CIJK).build(),
                "wrong_axes");
        assertTrue(difference > 0.01, "the test could not tell the axis orders apart: " + difference);
    }

    @Test
    void anImportTakesMonaiSlidingWindowInferersDefaultsUnlessTold() {
        PredictionConfig defaults = TorchScriptImport.builder().model(InteropFixtures.cijkModel())
                .channels(InteropFixtures.CHANNELS).outputs(OutputLabels.parseRegions(InteropFixtures.REGIONS))
                .roi(new Extent(16, 12, 8)).build().description().prediction();
        assertEquals(BlendMode.CONSTANT, defaults.mode());
        assertEquals(0.25, defaults.overlap());
        assertEquals(BlendedValues.OUTPUTS, defaults.blend());
    }

    @Test
    void ctNormalisationIsRefusedSinceAnImportHasNoTrainingStatistics() {
        TorchScriptImport.Builder ct = TorchScriptImport.builder().model(InteropFixtures.cijkModel())
                .channels(InteropFixtures.CHANNELS).outputs(OutputLabels.parseRegions(InteropFixtures.REGIONS))
                .roi(new Extent(16, 12, 8)).preprocessing(PreprocessingConfig.builder()
                        .normalization(Normalization.Kind.CT).build());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, ct::build);
        assertEquals(InteropFixtures.cijkModel() + ": normalization 'ct' needs the statistics of the training set's "
                + "foreground, which an import does not have; use zscore or none", refused.getMessage());
    }

    @Test
    void regionsAreKeptLargestFirstWithTheModelsChannelRemembered() {
        ModelDescription description = fixtureImport(InteropFixtures.cijkModel(), TensorAxes.CIJK).build()
                .description();
        assertEquals(List.of("WT", "TC", "ET"), description.outputNames());
        assertEquals(List.of(2, 1, 4), description.labels());
        assertEquals(List.of(1, 0, 2), description.torchscript().outputChannels());
    }

    @Test
    void aMonaiBundleImportsAndPredictsMonaisNumbers() throws IOException {
        TorchScriptImport bundle = MonaiBundle.read(InteropFixtures.bundle()).build();
        assertEquals("RAS", bundle.description().preprocessing().orientation());
        double difference = importAndCompare(bundle, "bundle");
        assertTrue(difference < TOLERANCE, "largest difference " + difference);
        Path labels = dir.resolve("bundle_out/case.nii.gz");
        assertEquals(NiftiReader.read(InteropFixtures.caseFolder().resolve("case_flair.nii.gz")).volume()
                .geometry(), NiftiReader.read(labels).volume().geometry());
    }

    @Test
    void aBundleWithATransformVoxsegCannotReproduceIsRefusedByName() throws IOException {
        Path bundle = InteropFixtures.bundleCopy(dir.resolve("noisy"));
        Path inference = bundle.resolve("configs/inference.json");
        Files.writeString(inference, Files.readString(inference).replace("{\n        \"_target_\": \"EnsureTyped\"",
                "{\"_target_\": \"RandGaussianNoised\", \"keys\": \"image\", \"prob\": 0.5},\n      {\n        "
                        + "\"_target_\": \"EnsureTyped\""));
        ConfigException refused = assertThrows(ConfigException.class, () -> MonaiBundle.read(bundle));
        assertTrue(refused.getMessage().endsWith("configs/inference.json: transform RandGaussianNoised is not "
                + "supported"), refused.getMessage());
    }

    @Test
    void anExpressionWhereVoxsegNeedsAValueIsRefusedByKey() throws IOException {
        Path bundle = InteropFixtures.bundleCopy(dir.resolve("expression"));
        Path inference = bundle.resolve("configs/inference.json");
        Files.writeString(inference, Files.readString(inference).replace("\"overlap\": 0.5",
                "\"overlap\": \"$0.25 * 2\""));
        ConfigException refused = assertThrows(ConfigException.class, () -> MonaiBundle.read(bundle));
        assertTrue(refused.getMessage().contains("'inferer.overlap' is a Python expression"), refused.getMessage());
    }

    @Test
    void aModelThatDoesNotFitItsDescriptionIsRefusedBeforeAnythingIsWritten() {
        TorchScriptImport twoRegions = fixtureImport(InteropFixtures.cijkModel(), TensorAxes.CIJK)
                .outputs(OutputLabels.parseRegions("WT=1+2,TC=1")).build();
        Path run = dir.resolve("misfit");
        IOException refused = assertThrows(IOException.class, () -> voxseg.importModel(twoRegions, run));
        assertTrue(refused.getMessage().startsWith(InteropFixtures.cijkModel() + ": does not fit"),
                refused.getMessage());
        assertFalse(Files.exists(run));
    }

    @Test
    void anImportNeverWritesIntoAFolderThatHasFiles() throws IOException {
        Path run = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(run.resolve("notes.txt"), "mine");
        IOException refused = assertThrows(IOException.class, () -> voxseg.importModel(
                fixtureImport(InteropFixtures.cijkModel(), TensorAxes.CIJK).build(), run));
        assertEquals(run + ": the folder is not empty; choose a new or empty folder for the import",
                refused.getMessage());
        try (Stream<Path> files = Files.list(run)) {
            assertEquals(List.of(run.resolve("notes.txt")), files.toList());
        }
    }
}
