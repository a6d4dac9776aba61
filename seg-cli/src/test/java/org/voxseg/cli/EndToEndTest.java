package org.voxseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader;

/**
 * The main job through the command line on a tiny synthetic dataset: synth, train 3 epochs, predict the held-out
 * cases, evaluate; and the error paths a user meets first.
 */
@Tag("slow")
class EndToEndTest {

    private static final Path FIXTURES = Path.of(System.getProperty("voxseg.interop.fixtures"));

    @TempDir
    static Path dir;

    private static Path config;
    private static CommandRun training;

    @BeforeAll
    static void synthesiseAndTrain() throws IOException {
        assertEquals(0, CommandRun.of("synth", "--out", dir.resolve("train").toString(), "--cases", "5", "--shape",
                "32,32,24", "--seed", "3").exitCode());
        assertEquals(0, CommandRun.of("synth", "--out", dir.resolve("test").toString(), "--cases", "2", "--shape",
                "32,32,24", "--seed", "4").exitCode());
        config = dir.resolve("config.json");
        Files.copy(Path.of("src/test/resources/tiny_config.json"), config);
        training = CommandRun.of("train", "--config", config.toString(), "--output-dir", dir.resolve("run")
                .toString(), "--workers", "2", "--quiet");
    }

    @Test
    void trainWritesASelfDescribingRunFolder() throws IOException {
        assertEquals(0, training.exitCode(), training.err());
        for (String file : List.of("config.json", "model.json", "split.json", "training_log.csv", "progress.png",
                "latest.ckpt", "best.ckpt", "final.ckpt")) {
            assertTrue(Files.isRegularFile(dir.resolve("run").resolve(file)), file);
        }
        assertTrue(training.out().contains("epoch 3: loss"), training.out());
        assertTrue(training.out().contains("trained 3 epoch(s)"), training.out());
        assertTrue(Files.readString(dir.resolve("run/config.json")).contains("\"preprocessing_workers\" : 2"),
                "--workers is recorded as dataset.preprocessing_workers");
    }

    @Test
    void predictionsHaveTheInputGeometryAndBratsLabelsAndBeatChance() throws IOException {
        Path predictions = dir.resolve("predictions");
        CommandRun predict = CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                dir.resolve("test").toString(), "--output", predictions.toString(), "--quiet");
        assertEquals(0, predict.exitCode(), predict.err());

        for (String id : List.of("BraTS20_Synth_000", "BraTS20_Synth_001")) {
            Path written = predictions.resolve(id + ".nii.gz");
            NiftiHeader output = NiftiReader.readHeader(written);
            NiftiHeader input = NiftiReader.readHeader(dir.resolve("test").resolve(id).resolve(id + "_flair.nii.gz"));
            assertEquals(input.geometry(), output.geometry(), id);
            assertEquals(NiftiDataType.UINT8, output.datatype());
            for (float value : NiftiReader.read(written).volume().toArray()) {
                assertTrue(Set.of(0f, 1f, 2f, 4f).contains(value), "label " + value);
            }
        }

        Path scores = dir.resolve("scores.csv");
        CommandRun evaluate = CommandRun.of("evaluate", "--model", dir.resolve("run").toString(), "--prediction",
                predictions.toString(), "--reference", dir.resolve("test").toString(), "--output", scores.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        double wholeTumour = Files.readAllLines(dir.resolve("scores_summary.csv")).stream()
                .filter(line -> line.startsWith("WT,dice,")).mapToDouble(line -> Double.parseDouble(line.split(",")[2]))
                .findFirst().orElseThrow();
        // The tumour fills about 3% of the volume: labelling everything would score about 0.06.
        assertTrue(wholeTumour > 0.3, "whole-tumour Dice " + wholeTumour);
    }

    @Test
    void theRunDecidesPostprocessingAndPredictSaysWhatItAppliesUnlessToldNotTo() throws IOException {
        assertEquals(0, training.exitCode(), training.err());
        assertTrue(training.out().contains("postprocessing decided on validation of epoch 3 on 1 case(s): "),
                training.out());
        assertTrue(Files.isRegularFile(dir.resolve("run/postprocessing.json")));
        Path folder = dir.resolve("test").resolve("BraTS20_Synth_001");
        CommandRun decided = CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                folder.toString(), "--output", dir.resolve("decided.nii.gz").toString());
        CommandRun off = CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                folder.toString(), "--output", dir.resolve("off.nii.gz").toString(), "--no-postprocessing");

        assertEquals(0, decided.exitCode(), decided.err());
        assertTrue(decided.out().contains("(decided on validation of epoch 3 on 1 case(s))"), decided.out());
        assertEquals(0, off.exitCode(), off.err());
        assertTrue(off.out().contains("postprocessing: none (switched off)"), off.out());
    }

    @Test
    void aGpuThatIsNotThereAndHalfPrecisionOnTheCpuAreRefusedInOneLineBeforeAnythingIsWritten() throws IOException {
        Path run = dir.resolve("gpu_run");
        CommandRun train = CommandRun.of("train", "--config", config.toString(), "--output-dir", run.toString(),
                "--device", "gpu:1", "--quiet");
        CommandRun half = CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                dir.resolve("test").toString(), "--output", dir.resolve("half").toString(), "--precision", "fp16");

        assertEquals(1, train.exitCode(), train.err());
        assertEquals("voxseg: --device gpu:1: libtorch sees no GPU", train.err().strip());
        assertFalse(Files.exists(run), "nothing written");
        assertEquals(1, half.exitCode(), half.err());
        assertTrue(half.err().startsWith("voxseg: precision fp16 runs on a GPU only, and this runs on cpu"),
                half.err());
        assertEquals(1, half.err().lines().count(), half.err());
        assertFalse(Files.exists(dir.resolve("half")));
    }

    @Test
    void sharesAndDevicesTogetherWriteWhatOnePredictionWrites() throws IOException {
        Path whole = dir.resolve("whole");
        assertEquals(0, CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                dir.resolve("test").toString(), "--output", whole.toString(), "--quiet").exitCode());
        Path shared = dir.resolve("shared");
        for (String part : List.of("1/2", "2/2")) {
            CommandRun run = CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                    dir.resolve("test").toString(), "--output", shared.toString(), "--part", part, "--quiet");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("wrote 1 segmentation(s)"), run.out());
        }
        Path spread = dir.resolve("spread");
        CommandRun devices = CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                dir.resolve("test").toString(), "--output", spread.toString(), "--devices", "cpu,cpu");
        assertEquals(0, devices.exitCode(), devices.err());
        assertTrue(devices.out().contains("predicting on cpu, share 1/2"), devices.out());

        for (String id : List.of("BraTS20_Synth_000", "BraTS20_Synth_001")) {
            byte[] expected = Files.readAllBytes(whole.resolve(id + ".nii.gz"));
            assertArrayEquals(expected, Files.readAllBytes(shared.resolve(id + ".nii.gz")), id);
            assertArrayEquals(expected, Files.readAllBytes(spread.resolve(id + ".nii.gz")), id);
        }
    }

    @Test
    void aSingleCaseGivenAsFilesGoesToTheNamedFile() throws IOException {
        Path folder = dir.resolve("test").resolve("BraTS20_Synth_001");
        Path output = dir.resolve("single").resolve("case.nii.gz");
        Files.createDirectories(output.getParent());
        CommandRun predict = CommandRun.of("predict", "--model", dir.resolve("run").resolve("final.ckpt").toString(),
                "--input", file(folder, "flair"), file(folder, "t1"), file(folder, "t1ce"), file(folder, "t2"),
                "--output", output.toString(), "--quiet");

        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(NiftiReader.readHeader(Path.of(file(folder, "t1"))).geometry(),
                NiftiReader.readHeader(output).geometry());
    }

    @Test
    void aMisspeltConfigKeyIsNamedWithTheNearestValidOne() throws IOException {
        Path bad = dir.resolve("misspelt.json");
        Files.writeString(bad, Files.readString(config).replace("\"iterations_per_epoch\"", "\"iteration_per_epoch\""));

        CommandRun run = CommandRun.of("train", "--config", bad.toString(), "--output-dir", dir.resolve("bad")
                .toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("voxseg: " + bad), run.err());
        assertTrue(run.err().contains("unknown key 'iteration_per_epoch' in 'training'; did you mean "
                + "'iterations_per_epoch'?"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(Files.exists(dir.resolve("bad")), "nothing written for a bad config");
    }

    @Test
    void aCaseWithAMissingModalityIsNamed() throws IOException {
        Path root = dir.resolve("broken");
        assertEquals(0, CommandRun.of("synth", "--out", root.toString(), "--cases", "1", "--shape", "32,32,24")
                .exitCode());
        Path missing = root.resolve("BraTS20_Synth_000").resolve("BraTS20_Synth_000_t1ce.nii.gz");
        Files.delete(missing);

        CommandRun predict = CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                root.toString(), "--output", dir.resolve("broken_out").toString());

        assertEquals(1, predict.exitCode());
        assertTrue(predict.err().contains(missing.toString()), predict.err());
        assertEquals(1, predict.err().lines().count(), predict.err());
        try (Stream<Path> files = Files.exists(dir.resolve("broken_out")) ? Files.list(dir.resolve("broken_out"))
                : Stream.empty()) {
            assertEquals(0, files.count(), "no partial output");
        }
    }

    @Test
    void anIncompatibleCheckpointIsRefusedInOneLine() throws IOException {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.copy(dir.resolve("run").resolve("best.ckpt"), other.resolve("best.ckpt"));
        Files.writeString(other.resolve("model.json"), Files.readString(dir.resolve("run").resolve("model.json"))
                .replace("\"filters\" : [ 8, 16, 32 ]", "\"filters\" : [ 8, 16, 64 ]"));

        CommandRun predict = CommandRun.of("predict", "--model", other.toString(), "--input",
                dir.resolve("test").toString(), "--output", dir.resolve("other_out").toString());

        assertEquals(1, predict.exitCode());
        assertTrue(predict.err().contains("do not fit this network"), predict.err());
        assertEquals(1, predict.err().lines().count(), predict.err());
    }

    @Test
    void lrFindWritesItsCurveAndSuggestsARateInsideTheRange() throws IOException {
        Path out = dir.resolve("lr");
        CommandRun run = CommandRun.of("lr-find", "--config", config.toString(), "--output-dir", out.toString(),
                "--iterations", "6", "--start-lr", "1e-4", "--end-lr", "1");

        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(out.resolve("lr_finder.csv"));
        assertEquals("lr,smoothed_loss", rows.get(0));
        assertTrue(rows.size() >= 3 && rows.size() <= 7, rows.toString());
        assertEquals(1e-4, Double.parseDouble(rows.get(1).split(",")[0]), 1e-10);
        assertTrue(Files.size(out.resolve("lr_finder.png")) > 1000);
        assertTrue(run.out().startsWith("suggested learning rate "), run.out());
    }

    @Test
    void exportWritesTheWeightsThePytorchModuleAndTheDescriptions() throws IOException {
        assertEquals(0, training.exitCode(), training.err());
        Path export = dir.resolve("export");

        CommandRun exported = CommandRun.of("export", "--model", dir.resolve("run").toString(), "--format",
                "safetensors", "--output", export.toString());

        assertEquals(0, exported.exitCode(), exported.err());
        for (String file : List.of("model.safetensors", "voxseg_unet.py", "model.json", "preprocessing.json")) {
            assertTrue(Files.size(export.resolve(file)) > 0, file);
        }
        assertTrue(exported.out().contains("voxseg_unet.load("), exported.out());
    }

    @Test
    void exportWritesOnlyIntoANewOrEmptyFolderNeverOntoATrainedOrImportedRun() throws IOException {
        assertEquals(0, training.exitCode(), training.err());
        Path trained = Files.createDirectories(dir.resolve("trained_copy"));
        try (Stream<Path> files = Files.list(dir.resolve("run"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, trained.resolve(file.getFileName()));
            }
        }
        Path imported = dir.resolve("imported");
        assertEquals(0, CommandRun.of("import", "monai-bundle", "--bundle", FIXTURES.resolve("monai_bundle")
                .toString(), "--output", imported.toString()).exitCode());

        for (Path run : List.of(trained, imported)) {
            byte[] description = Files.readAllBytes(run.resolve("model.json"));
            CommandRun refused = CommandRun.of("export", "--model", dir.resolve("run").toString(), "--output",
                    run.toString());
            assertEquals(1, refused.exitCode());
            assertEquals("voxseg: " + run + ": the folder is not empty; choose a new or empty folder for the export",
                    refused.err().strip());
            assertArrayEquals(description, Files.readAllBytes(run.resolve("model.json")), run.toString());
        }
        CommandRun unnamed = CommandRun.of("export", "--model", dir.resolve("run").toString(), "--output", "");
        assertEquals(2, unnamed.exitCode());
        assertTrue(unnamed.err().startsWith("Invalid value for option '--output': the path is empty; name the folder "
                + "or file to write"), unnamed.err());
    }

    @Test
    void temporaryFilesOfKilledPredictionsAndExportsAreRemovedByTheNextRun() throws IOException {
        assertEquals(0, training.exitCode(), training.err());
        Path predictions = Files.createDirectories(dir.resolve("predictions_after_kill"));
        Path stalePrediction = Files.writeString(predictions.resolve(".BraTS20_Synth_000.nii.gz.k1ll3d.part"), "");
        Path deadExport = Files.createDirectories(dir.resolve(".export_after_kill.999999999-k1ll3d.part"));
        Files.writeString(deadExport.resolve("model.safetensors"), "half the weights");

        assertEquals(0, CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input", dir.resolve(
                "test").toString(), "--output", predictions.toString(), "--quiet").exitCode());
        assertEquals(0, CommandRun.of("export", "--model", dir.resolve("run").toString(), "--output", dir.resolve(
                "export_after_kill").toString()).exitCode());

        assertFalse(Files.exists(stalePrediction));
        assertFalse(Files.exists(deadExport));
        assertTrue(Files.isRegularFile(dir.resolve("export_after_kill/model.safetensors")));
    }

    @Test
    void predictRefusesAnOutputInsideItsInputFolderUnlessAskedFor() throws IOException {
        assertEquals(0, training.exitCode(), training.err());
        Path inside = dir.resolve("test/predictions");

        CommandRun refused = CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                dir.resolve("test").toString(), "--output", inside.toString(), "--quiet");

        assertEquals(1, refused.exitCode());
        assertEquals("voxseg: " + inside + ": the output is inside the input folder " + dir.resolve("test")
                + ", where later training and prediction would read the label maps as cases; choose an output "
                + "outside it (or allow it with --output-inside-input)", refused.err().strip());
        assertFalse(Files.exists(inside));
        Path caseFolder = dir.resolve("test/BraTS20_Synth_000");
        CommandRun intoCase = CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                caseFolder.toString(), "--output", caseFolder.resolve("labels.nii.gz").toString(), "--quiet");
        assertEquals(1, intoCase.exitCode());
        assertFalse(Files.exists(caseFolder.resolve("labels.nii.gz")));

        Path allowed = dir.resolve("allowed_inside/predictions");
        copyTree(dir.resolve("test"), dir.resolve("allowed_inside"));
        CommandRun asked = CommandRun.of("predict", "--model", dir.resolve("run").toString(), "--input",
                dir.resolve("allowed_inside").toString(), "--output", allowed.toString(), "--quiet",
                "--output-inside-input");
        assertEquals(0, asked.exitCode(), asked.err());
        assertTrue(Files.isRegularFile(allowed.resolve("BraTS20_Synth_000.nii.gz")));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void crossvalSetupWritesOneConfigPerFoldNamingItsFold() throws IOException {
        Path out = dir.resolve("cv");
        Path cvConfig = dir.resolve("cv.json");
        Files.writeString(cvConfig, Files.readString(config).replace("\"validation_cases\": [\"BraTS20_Synth_004\"]",
                "\"validation_cases\": []").replace("\"training\": {", "\"cross_validation\": {\"n_folds\": 3},\n"
                + "  \"training\": {"));

        CommandRun run = CommandRun.of("crossval", "--config", cvConfig.toString(), "--output-dir", out.toString(),
                "--setup-only");

        assertEquals(0, run.exitCode(), run.err());
        for (int k = 0; k < 3; k++) {
            Path fold = out.resolve("fold_" + k);
            assertTrue(Files.readString(fold.resolve("config.json")).contains("\"fold\" : " + k));
            assertEquals(Files.readString(out.resolve("split.json")), Files.readString(fold.resolve("split.json")));
            assertTrue(run.out().contains("voxseg train --config " + fold.resolve("config.json")), run.out());
        }
        assertFalse(Files.exists(out.resolve("fold_0").resolve("latest.ckpt")), "setup only trains nothing");
    }

    private static String file(Path folder, String channel) {
        return folder.resolve(folder.getFileName() + "_" + channel + ".nii.gz").toString();
    }
}
