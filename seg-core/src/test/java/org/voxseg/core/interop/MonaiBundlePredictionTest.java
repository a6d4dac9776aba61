package org.voxseg.core.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
import org.voxseg.core.config.ModelDescription;
import org.voxseg.data.label.ConnectedComponents;
import org.voxseg.data.label.Postprocessing;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.Volume;

/**
 * Bundles shaped like the model zoo's spleen_ct_segmentation and brats_mri_segmentation (output names "Tumor core",
 * ..., and the label-decoding Lambdad), imported with no option, predict the probabilities MONAI computes for them
 * (make_bundle_fixtures.py) on cases that need resampling, one of them stored RAS and the others LPS.
 */
class MonaiBundlePredictionTest {

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

    /** The largest difference between voxseg's probabilities and MONAI's, channel by channel in the model's order. */
    private static double largestDifference(Path run, Path caseFolder, String caseId, Path reference)
            throws IOException {
        Path output = dir.resolve(caseId);
        PredictionOverrides overrides = PredictionOverrides.builder().probabilities(true).postprocessing(false).build();
        try (ModelPredictor predictor = voxseg.predictor(List.of(run), overrides)) {
            predictor.predictAll(List.of(caseFolder), output, PredictionListener.NONE);
        }
        Volume predicted = NiftiReader.read(output.resolve(caseId + "_probabilities.nii.gz")).volume();
        Volume expected = NiftiReader.read(reference).volume();
        List<Integer> modelChannel = ModelDescription.read(run.resolve(ModelDescription.FILE)).torchscript()
                .outputChannels();
        assertEquals(expected.geometry(), predicted.geometry());
        int voxels = expected.voxelsPerChannel();
        double largest = 0;
        for (int c = 0; c < modelChannel.size(); c++) {
            for (int v = 0; v < voxels; v++) {
                largest = Math.max(largest, Math.abs(predicted.data().get(c * voxels + v)
                        - expected.data().get(modelChannel.get(c) * voxels + v)));
            }
        }
        return largest;
    }

    @Test
    void aSpleenShapedBundlePredictsMonaisProbabilitiesOnRasAndLpsCases() throws IOException {
        Path run = dir.resolve("spleen");
        voxseg.importModel(MonaiBundle.read(InteropFixtures.folder().resolve("spleen_bundle")).build(), run);
        Path cases = InteropFixtures.folder().resolve("spleen_cases");
        for (String caseId : List.of("ct_ras", "ct_lps")) {
            double difference = largestDifference(run, cases.resolve(caseId), caseId,
                    cases.resolve(caseId + "_reference.nii.gz"));
            assertTrue(difference < TOLERANCE, caseId + ": largest difference " + difference);
        }
    }

    @Test
    void aBratsShapedBundleImportsWithNoOptionAndPredictsMonaisProbabilities() throws IOException {
        Path run = dir.resolve("brats");
        TorchScriptImport modelImport = MonaiBundle.read(InteropFixtures.folder().resolve("brats_bundle")).build();
        assertEquals(List.of("t1c", "t1", "t2", "flair"), modelImport.description().channels());
        assertEquals(List.of("WT", "TC", "ET"), modelImport.description().outputNames());
        assertEquals(List.of(2, 1, 4), modelImport.description().labels());
        voxseg.importModel(modelImport, run);
        Path cases = InteropFixtures.folder().resolve("brats_cases");
        double difference = largestDifference(run, cases.resolve("mri_lps"), "mri_lps",
                cases.resolve("mri_lps_reference.nii.gz"));
        assertTrue(difference < TOLERANCE, "largest difference " + difference);
    }

    @Test
    void aBundlesKeepLargestConnectedComponentdIsAppliedByPredictionUnlessSwitchedOff() throws IOException {
        Path bundle = dir.resolve("spleen_keep");
        Path source = InteropFixtures.folder().resolve("spleen_bundle");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Files.copy(file, bundle.resolve(source.relativize(file).toString()));
            }
        }
        Path inference = bundle.resolve("configs/inference.json");
        String argmax = "\"argmax\": true\n      }";
        assertTrue(Files.readString(inference).contains(argmax));
        Files.writeString(inference, Files.readString(inference).replace(argmax, argmax + ",\n      {\"_target_\": "
                + "\"KeepLargestConnectedComponentd\", \"keys\": \"pred\", \"connectivity\": 1}"));
        Path run = dir.resolve("spleen_kept");
        voxseg.importModel(MonaiBundle.read(bundle).build(), run);
        Path caseFolder = InteropFixtures.folder().resolve("spleen_cases").resolve("ct_ras");

        try (ModelPredictor on = voxseg.predictor(List.of(run), PredictionOverrides.NONE);
                ModelPredictor off = voxseg.predictor(List.of(run), PredictionOverrides.builder().postprocessing(false)
                        .build())) {
            assertEquals("postprocessing: keep the largest component of label 1 (decided on the bundle's "
                    + "KeepLargestConnectedComponentd)", on.postprocessing().describe());
            assertEquals("postprocessing: none (switched off)", off.postprocessing().describe());
            on.predictAll(List.of(caseFolder), dir.resolve("kept_on"), PredictionListener.NONE);
            off.predictAll(List.of(caseFolder), dir.resolve("kept_off"), PredictionListener.NONE);
        }
        Volume raw = NiftiReader.read(dir.resolve("kept_off/ct_ras.nii.gz")).volume();
        Volume cleaned = NiftiReader.read(dir.resolve("kept_on/ct_ras.nii.gz")).volume();
        Postprocessing steps = ModelDescription.read(run.resolve(ModelDescription.FILE)).postprocessing()
                .postprocessing();
        assertEquals(ConnectedComponents.Connectivity.FACES, steps.connectivity());
        assertArrayEquals(steps.apply(raw).toArray(), cleaned.toArray());
    }
}
