package org.voxseg.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ChosenPostprocessing;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.PredictionConfig;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.interop.TorchScriptImport;
import org.voxseg.core.prediction.CasePredictor;
import org.voxseg.core.testing.PythonTorch;
import org.voxseg.core.training.CheckpointSeries;
import org.voxseg.core.training.RunFolderRecorder;
import org.voxseg.core.training.TrainingListener;
import org.voxseg.core.training.TrainingOutcome;
import org.voxseg.core.training.TrainingState;
import org.voxseg.core.training.ValidationScores;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseInputs;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.dataset.CaseShare;
import org.voxseg.data.evaluation.PostprocessingChoice;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.label.Postprocessing;
import org.voxseg.data.label.RemoveSmallComponents;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.Volume;

/** The headless API on a tiny synthetic dataset: one run trained once, then resumed, listened to and segmented. */
@Tag("slow")
class VoxsegTest {

    @TempDir
    static Path dir;

    private static Voxseg voxseg;
    private static Path run;
    private static final List<String> EVENTS = new ArrayList<>();

    @BeforeAll
    static void trainOneEpoch() throws IOException {
        voxseg = Voxseg.builder().threads(2).build();
        TinyDataset.cases(dir.resolve("data/train"), 5, 1);
        TinyDataset.cases(dir.resolve("unseen"), 1, 99);
        run = dir.resolve("run");
        RunConfig config = RunConfig.read(TinyDataset.config(dir.resolve("data/config.json"), "train", 1, ""));
        voxseg.train(config, run, new Recording());
    }

    @AfterAll
    static void close() {
        voxseg.close();
    }

    /** Writes down the events it hears, in order. */
    private static final class Recording implements RunListener {
        @Override
        public void casePrepared(String caseId, int done, int total) {
            EVENTS.add("prepared " + done + "/" + total);
        }

        @Override
        public void trainingStarted(TrainingState state, int epochs) {
            EVENTS.add("started at " + state.epoch() + " of " + epochs);
        }

        @Override
        public void stepEnded(TrainingListener.StepResult step) {
            EVENTS.add("step " + step.epoch() + "." + step.iteration());
        }

        @Override
        public void validationStarted(int epoch, int batches) {
            EVENTS.add("validating " + batches);
        }

        @Override
        public void caseValidated(String caseId, int done, int total) {
            EVENTS.add("validated " + caseId + " " + done + "/" + total);
        }

        @Override
        public void epochEnded(TrainingState state) {
            EVENTS.add("epoch " + state.epoch() + " dice " + state.latest().orElseThrow().validation().orElseThrow()
                    .outputs().stream().map(ValidationScores.OutputDice::name).toList());
        }

        @Override
        public void trainingEnded(TrainingOutcome outcome) {
            EVENTS.add("ended after " + outcome.epochs());
        }
    }

    @Test
    void anExportedRunComputesInPytorchWhatVoxsegComputes() throws IOException {
        PythonTorch.assumeAvailable();
        Path export = dir.resolve("export");
        voxseg.exportModel(run, export);
        try (NDManager manager = TorchRuntime.engine().newBaseManager();
                TrainedModel trained = TrainedModel.load(run, manager)) {
            NDArray input = manager.randomNormal(new Shape(1, 4, 16, 16, 16));
            float[] voxsegOutputs = trained.network().forward(new ParameterStore(manager, false), new NDList(input),
                    false).get(0).toFloatArray();
            float[] pytorch = PythonTorch.exportedOutputs(export, input, Files.createDirectories(dir.resolve(
                    "export_check")), null);
            double difference = PythonTorch.largestDifference(voxsegOutputs, pytorch);
            assertTrue(difference < 1e-4, "largest difference " + difference);
        }
        IOException onItself = assertThrows(IOException.class, () -> voxseg.exportModel(run, run));
        assertEquals(run + ": the folder is not empty; choose a new or empty folder for the export",
                onItself.getMessage());
    }

    @Test
    void aRunFolderHoldsEverythingAndListenersHearTypedEventsInOrder() {
        for (String file : List.of(RunFolder.CONFIG, RunFolder.MODEL, RunFolder.SPLIT, CheckpointSeries.LATEST,
                CheckpointSeries.BEST, CheckpointSeries.FINAL, RunFolderRecorder.LOG, RunFolderRecorder.PLOT)) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file);
        }
        assertEquals(List.of("prepared 1/5", "prepared 2/5", "prepared 3/5", "prepared 4/5", "prepared 5/5",
                "started at 0 of 1", "step 1.1", "step 1.2", "validating 2", "epoch 1 dice [WT, TC, ET]",
                "validated " + TinyDataset.VALIDATION_CASE + " 1/1", "ended after 1"), EVENTS);
    }

    @Test
    void aFinishedRunResumesWithoutTrainingAgain() throws IOException {
        Path config = dir.resolve("run/config.json");
        List<String> heard = new ArrayList<>();
        TrainingOutcome again = voxseg.train(RunConfig.read(config), run, new RunListener() {
            @Override
            public void stepEnded(TrainingListener.StepResult step) {
                heard.add("step");
            }

            @Override
            public void note(String message) {
                heard.add(message);
            }
        });

        assertEquals(1, again.epochs());
        assertEquals(1, again.history().size());
        String device = TorchRuntime.name(TorchRuntime.device(DeviceRequest.AUTO));
        assertEquals(List.of(TorchRuntime.describeDevices() + "; training on " + device + " in fp32", "resuming " + run
                + " after epoch 1"), heard, "no step is trained again");
    }

    @Test
    void theFinalValidationPredictsEachValidationCaseAsPredictWouldAndScoresIt() throws IOException {
        Path validation = run.resolve(FullValidation.FOLDER);
        Path predicted = validation.resolve(TinyDataset.VALIDATION_CASE + ".nii.gz");
        CaseFiles entry = CaseInputs.resolve(List.of(dir.resolve("data/train").resolve(TinyDataset.VALIDATION_CASE)),
                List.of("flair", "t1", "t1ce", "t2")).get(0);
        try (ModelPredictor predictor = voxseg.predictor(List.of(run.resolve(CheckpointSeries.FINAL)),
                PredictionOverrides.builder().overlap(0.25).tta(false).build())) {
            Path expected = dir.resolve("expected.nii.gz");
            predictor.predictFile(entry, expected);

            assertEquals(NiftiReader.read(expected).volume().data(), NiftiReader.read(predicted).volume().data(),
                    "the label map predict writes with the validation's overlap");
        }
        assertEquals(NiftiReader.readHeader(entry.images().get(0)).geometry(),
                NiftiReader.readHeader(predicted).geometry(), "the original geometry");
        List<String> scores = Files.readAllLines(validation.resolve(FullValidation.CASES));
        assertEquals("case,dice_WT,hd95_WT,dice_TC,hd95_TC,dice_ET,hd95_ET", scores.get(0));
        assertEquals(2, scores.size(), "one row per validation case");
        assertTrue(scores.get(1).startsWith(TinyDataset.VALIDATION_CASE + ","));
        assertTrue(Files.readString(validation.resolve(FullValidation.RECORD)).contains("\"epoch\" : 1"));
    }

    @Test
    void anExportTracedInPytorchAndImportedBackPredictsTheRunsLabelsOnACaseThatNeedsPadding() throws IOException {
        PythonTorch.assumeAvailable();
        Path export = dir.resolve("round_trip_export");
        voxseg.exportModel(run, export);
        Path traced = dir.resolve("round_trip.ts");
        try (NDManager manager = TorchRuntime.engine().newBaseManager()) {
            PythonTorch.exportedOutputs(export, manager.zeros(new Shape(1, 4, 16, 16, 16)), Files.createDirectories(
                    dir.resolve("round_trip_work")), traced);
        }
        Path imported = dir.resolve("round_trip_run");
        voxseg.importModel(TorchScriptImport.ofExport(traced, export, TorchScriptImport.DEFAULT_TRIAL_LIMIT),
                imported);
        // 21 x 19 x 9 voxels from the middle of an unseen case: voxseg pads them to 22 x 20 x 16 (stride, patch)
        CaseFiles entry = CaseInputs.resolve(List.of(dir.resolve("unseen")), List.of("flair", "t1", "t1ce", "t2"))
                .get(0);
        Volume small = middle(CaseLoader.load(entry).image(), new int[] {21, 19, 9});

        try (ModelPredictor original = voxseg.predictor(List.of(run), PredictionOverrides.NONE);
                ModelPredictor back = voxseg.predictor(List.of(imported), PredictionOverrides.NONE)) {
            Volume voxsegLabels = original.predict(small).labels();
            Volume importedLabels = back.predict(small).labels();

            assertArrayEquals(new int[] {21, 19, 9}, importedLabels.geometry().shape().toArray());
            assertTrue(IntStream.range(0, voxsegLabels.voxelsPerChannel()).anyMatch(i -> voxsegLabels.data().get(i)
                    > 0), "the run finds tumour in the piece");
            long differing = IntStream.range(0, voxsegLabels.voxelsPerChannel()).filter(i -> voxsegLabels.data()
                    .get(i) != importedLabels.data().get(i)).count();
            assertEquals(0, differing, "voxels labelled otherwise than the run labels them");
        }
    }

    /** The {@code shape} voxels at the middle of {@code image}, every channel, on a grid of their own. */
    private static Volume middle(Volume image, int[] shape) {
        int[] full = image.geometry().shape().toArray();
        int voxels = shape[0] * shape[1] * shape[2];
        float[] data = new float[image.channels() * voxels];
        for (int c = 0, n = 0; c < image.channels(); c++) {
            for (int k = 0; k < shape[2]; k++) {
                for (int j = 0; j < shape[1]; j++) {
                    for (int i = 0; i < shape[0]; i++) {
                        data[n++] = image.get(c, i + (full[0] - shape[0]) / 2, j + (full[1] - shape[1]) / 2,
                                k + (full[2] - shape[2]) / 2);
                    }
                }
            }
        }
        return Volume.wrap(Geometry.of(Extent.of(shape), image.geometry().affine()), image.channels(), data);
    }

    @Test
    void aModelPredictorSegmentsAVolumeAFileAndAFolderAlike() throws IOException {
        Path unseen = dir.resolve("unseen");
        CaseFiles entry = CaseInputs.resolve(List.of(unseen), List.of("flair", "t1", "t1ce", "t2")).get(0);
        try (ModelPredictor predictor = voxseg.predictor(List.of(run),
                PredictionOverrides.builder().probabilities(true).build())) {
            CasePredictor.Prediction inMemory = predictor.predict(CaseLoader.load(entry).image());
            Path single = dir.resolve("single.nii.gz");
            List<Path> written = predictor.predictAll(List.of(unseen), single, PredictionListener.NONE);

            assertEquals(List.of(single), written);
            assertEquals(inMemory.labels().data(), NiftiReader.read(single).volume().data(),
                    "the file holds the label map that segmenting the volume gives");
            assertTrue(Files.isRegularFile(dir.resolve("single_probabilities.nii.gz")));
            Path oneFile = dir.resolve("one_file.nii.gz");
            predictor.predictFile(entry, oneFile);
            assertEquals(inMemory.labels().data(), NiftiReader.read(oneFile).volume().data(),
                    "predictFile writes the same label map");
            assertTrue(Files.isRegularFile(dir.resolve("one_file_probabilities.nii.gz")));
        }
    }

    @Test
    void casesSpreadOverTwoDevicesAreEachSegmentedOnceAsOneModelPredictorWould() throws IOException {
        List<Path> inputs = List.of(dir.resolve("data/train"));
        Path spread = dir.resolve("spread");
        Path alone = dir.resolve("alone");
        List<String> heard = new ArrayList<>();

        List<Path> written = voxseg.predictAll(List.of(run), PredictionOverrides.NONE, List.of(DeviceRequest.CPU,
                DeviceRequest.CPU), inputs, spread, CaseShare.ALL, new PredictionListener() {
                    @Override
                    public synchronized void caseWritten(String caseId, Path file) {
                        heard.add(caseId);
                    }
                });
        try (ModelPredictor predictor = voxseg.predictor(List.of(run), PredictionOverrides.NONE)) {
            predictor.predictAll(inputs, alone, PredictionListener.NONE);
        }

        assertEquals(5, written.size());
        assertEquals(5, heard.size());
        assertEquals(written, written.stream().sorted().toList());
        for (Path file : written) {
            assertEquals(NiftiReader.read(alone.resolve(file.getFileName())).volume().data(),
                    NiftiReader.read(file).volume().data(), file.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> voxseg.predictAll(List.of(run),
                PredictionOverrides.builder().device(DeviceRequest.CPU).build(), List.of(DeviceRequest.CPU), inputs,
                spread, CaseShare.ALL, PredictionListener.NONE));
    }

    @Test
    void overridesChangeOnlyWhatTheyName() throws IOException {
        try (ModelPredictor model = voxseg.predictor(List.of(run), PredictionOverrides.NONE);
                ModelPredictor changed = voxseg.predictor(List.of(run),
                        PredictionOverrides.builder().overlap(0.75).tta(true).build())) {
            assertEquals(0.5, model.settings().overlap(), "the config's default overlap, from model.json");
            assertFalse(model.settings().tta());
            assertEquals(0.75, changed.settings().overlap());
            assertTrue(changed.settings().tta());
            assertEquals(model.settings().swBatchSize(), changed.settings().swBatchSize());
        }
    }

    @Test
    void aModelThatIsNotThereIsNamed() {
        Path missing = dir.resolve("no-such-run");
        IOException error = assertThrows(IOException.class,
                () -> voxseg.predictor(List.of(missing), PredictionOverrides.NONE));
        assertTrue(error.getMessage().contains("no-such-run"), error.getMessage());
    }

    @Test
    void anOutputThatWouldOverwriteAnInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path caseFolder = dir.resolve("unseen").resolve(TinyDataset.FIRST_CASE);
        Path flair = caseFolder.resolve(TinyDataset.FIRST_CASE + "_flair.nii.gz");
        byte[] before = Files.readAllBytes(flair);
        try (ModelPredictor predictor = voxseg.predictor(List.of(run), PredictionOverrides.NONE)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> predictor.predictAll(List.of(caseFolder), caseFolder.resolve("sub/../"
                            + TinyDataset.FIRST_CASE + "_flair.nii.gz"), PredictionListener.NONE));

            assertTrue(error.getMessage().contains("would overwrite the input " + flair), error.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(flair), "the input is untouched");
    }

    @Test
    void anOutputFolderThatDoesNotExistIsNamedBeforePredicting() throws IOException {
        Path caseFolder = dir.resolve("unseen").resolve(TinyDataset.FIRST_CASE);
        Path missing = dir.resolve("no_such_folder");
        try (ModelPredictor predictor = voxseg.predictor(List.of(run), PredictionOverrides.NONE)) {
            List<String> started = new ArrayList<>();
            NoSuchFileException error = assertThrows(NoSuchFileException.class,
                    () -> predictor.predictAll(List.of(caseFolder), missing.resolve("out.nii.gz"),
                            new PredictionListener() {
                                @Override
                                public void caseStarted(String caseId, int index, int total) {
                                    started.add(caseId);
                                }
                            }));

            assertEquals(missing.toString(), error.getFile());
            assertEquals(List.of(), started, "nothing was predicted");
        }
    }

    @Test
    void theRunDecidesItsPostprocessingOnTheFinalValidationOnceAndTheSameWayAfterAKill() throws IOException {
        Path file = run.resolve(PostprocessingDecision.FILE);
        byte[] decided = Files.readAllBytes(file);
        PostprocessingDecision.Record record = ConfigJson.read(file, PostprocessingDecision.Record.class);
        ChosenPostprocessing inModel = ModelDescription.read(run.resolve(RunFolder.MODEL)).postprocessing();

        assertEquals("validation of epoch 1 on 1 case(s)", record.decidedOn());
        assertEquals(List.of(TinyDataset.VALIDATION_CASE), record.choice().cases());
        assertEquals(List.of("foreground", "TC", "ET", "ET"), record.choice().decisions().stream()
                .map(PostprocessingChoice.Decision::target).toList(), "WT is the foreground; ET twice: components,"
                + " then the BraTS rule");
        assertEquals(new ChosenPostprocessing(record.decidedOn(), record.choice().postprocessing()), inModel);

        Files.delete(file); // as if killed after the validation, before the decision was written
        voxseg.train(RunConfig.read(run.resolve(RunFolder.CONFIG)), run, RunListener.NONE);

        assertArrayEquals(decided, Files.readAllBytes(file), "decided again, the same way");
        assertEquals(inModel, ModelDescription.read(run.resolve(RunFolder.MODEL)).postprocessing());
    }

    @Test
    void predictionAppliesTheDecidedPostprocessingUnlessSwitchedOffAndTheConfigKeysWin() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("decided"));
        for (String name : List.of(RunFolder.MODEL, CheckpointSeries.BEST)) {
            Files.copy(run.resolve(name), copy.resolve(name));
        }
        ModelDescription trained = ModelDescription.read(copy.resolve(RunFolder.MODEL));
        Postprocessing everythingGoes = Postprocessing.of(List.of(new RemoveSmallComponents("foreground",
                List.of(1, 2, 4), Integer.MAX_VALUE)));
        ConfigJson.write(copy.resolve(RunFolder.MODEL), trained.withPostprocessing(
                new ChosenPostprocessing("a test", everythingGoes)));
        CaseFiles entry = CaseInputs.resolve(List.of(dir.resolve("unseen")), List.of("flair", "t1", "t1ce", "t2"))
                .get(0);
        Volume image = CaseLoader.load(entry).image();

        try (ModelPredictor plain = voxseg.predictor(List.of(copy), PredictionOverrides.builder().postprocessing(false)
                .build()); ModelPredictor cleaned = voxseg.predictor(List.of(copy), PredictionOverrides.NONE)) {
            assertTrue(foregroundVoxels(plain.predict(image).labels()) > 0, "the network predicts some tumour");
            assertEquals(0, foregroundVoxels(cleaned.predict(image).labels()), "the decided step removed it all");
            assertEquals("switched off", plain.postprocessing().origin());
            assertEquals("decided on a test", cleaned.postprocessing().origin());
        }

        PredictionConfig keys = trained.prediction();
        ConfigJson.write(copy.resolve(RunFolder.MODEL), new ModelDescription(trained.format(), trained.model(),
                null, trained.activation(), trained.channels(), trained.labels(), trained.labelHierarchy(),
                trained.outputNames(), trained.patchSize(), trained.preprocessing(), new PredictionConfig(keys.roi(),
                keys.overlap(), keys.swBatchSize(), keys.mode(), keys.blend(), keys.sigmaScale(), keys.tta(), 0, true,
                0, keys.device(), keys.paddingMode()),
                new ChosenPostprocessing("a test", everythingGoes)));
        try (ModelPredictor configured = voxseg.predictor(List.of(copy), PredictionOverrides.NONE)) {
            assertEquals("keep the largest component of foreground", configured.postprocessing().postprocessing()
                    .describe());
            assertEquals("from the config's prediction keys, which win over the one decided on a test",
                    configured.postprocessing().origin());
            assertTrue(foregroundVoxels(configured.predict(image).labels()) > 0);
        }
        try (ModelPredictor ensemble = voxseg.predictor(List.of(copy, run), PredictionOverrides.NONE)) {
            assertTrue(ensemble.postprocessing().origin().endsWith("; the first model's, the other models decided "
                    + "otherwise"), ensemble.postprocessing().origin());
        }
    }

    private static long foregroundVoxels(Volume labels) {
        float[] values = labels.toArray();
        return IntStream.range(0, values.length).filter(v -> values[v] != 0).count();
    }
}
