package org.voxseg.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;
import org.voxseg.cli.ForkedRun;
import org.voxseg.data.nifti.NiftiReader;

/**
 * {@code voxseg import} on the TorchScript and MONAI-bundle fixtures of seg-core (make_fixtures.py): the run folders
 * it writes predict through {@code voxseg predict}, and what voxseg cannot reproduce is refused in one line before
 * anything is written.
 */
class ImportCommandTest {

    private static final Path FIXTURES = Path.of(System.getProperty("voxseg.interop.fixtures"));

    @TempDir
    Path dir;

    @Test
    void anImportedBundlePredictsThroughTheCommandLine() throws IOException {
        Path run = dir.resolve("run");
        CommandRun imported = CommandRun.of("import", "monai-bundle", "--bundle",
                FIXTURES.resolve("monai_bundle").toString(), "--output", run.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("channels flair,t1,t1ce,t2; outputs WT,TC,ET (sigmoid); roi [16, 12, 8]; "
                + "axes cijk; blending outputs with gaussian weights, overlap 0.5"), imported.out());

        CommandRun predicted = CommandRun.of("predict", "--model", run.toString(), "--input",
                FIXTURES.resolve("case").toString(), "--output", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, predicted.exitCode(), predicted.err());
        assertEquals(NiftiReader.readHeader(FIXTURES.resolve("case/case_t1.nii.gz")).geometry(),
                NiftiReader.readHeader(dir.resolve("out/case.nii.gz")).geometry());
    }

    @Test
    void aTorchScriptFileImportsWithItsDescription() throws IOException {
        Path run = dir.resolve("run");
        CommandRun imported = CommandRun.of("import", "torchscript", "--model",
                FIXTURES.resolve("ckji_model.ts").toString(), "--channels", "flair,t1,t1ce,t2", "--regions",
                "TC=1+4,WT=1+2+4,ET=4", "--normalization", "zscore_nonzero", "--roi", "16,12,8", "--axes", "ckji",
                "--stride-divisor", "4", "--output", run.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("; blending outputs with constant weights, overlap 0.25"), imported.out());
        assertTrue(Files.isRegularFile(run.resolve("model.ts")) && Files.isRegularFile(run.resolve("model.json")));

        CommandRun wrongRoi = CommandRun.of("predict", "--model", run.toString(), "--input",
                FIXTURES.resolve("case").toString(), "--output", dir.resolve("out").toString(), "--roi", "15,12,8");
        assertEquals(1, wrongRoi.exitCode());
        assertEquals("voxseg: roi [15, 12, 8] does not fit the imported model: each side must be a multiple of its "
                + "stride divisor 4", wrongRoi.err().strip());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aBundleTransformVoxsegCannotReproduceIsRefusedInOneLineAndNothingIsWritten() throws IOException {
        Path bundle = copy(FIXTURES.resolve("monai_bundle"), dir.resolve("bundle"));
        Path inference = bundle.resolve("configs/inference.json");
        Files.writeString(inference, Files.readString(inference).replace("\"_target_\": \"EnsureTyped\"",
                "\"_target_\": \"RandGaussianNoised\""));
        Path run = dir.resolve("run");

        CommandRun refused = CommandRun.of("import", "monai-bundle", "--bundle", bundle.toString(), "--output",
                run.toString());

        assertEquals(1, refused.exitCode());
        assertEquals("voxseg: " + inference + ": transform RandGaussianNoised is not supported", refused.err().strip());
        assertFalse(Files.exists(run));
    }

    @Test
    void anImportedModelCannotBeExported() throws IOException {
        Path run = dir.resolve("run");
        assertEquals(0, CommandRun.of("import", "monai-bundle", "--bundle", FIXTURES.resolve("monai_bundle")
                .toString(), "--output", run.toString()).exitCode());

        CommandRun refused = CommandRun.of("export", "--model", run.toString(), "--output", dir.resolve("export")
                .toString());

        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().strip().endsWith("is an imported TorchScript model; only networks voxseg trained "
                + "can be fine-tuned or exported"), refused.err());
        assertFalse(Files.exists(dir.resolve("export")));
    }

    @Test
    void onlyAnExportOfANetworkVoxsegTrainedImportsAsOneAndAMissingExportIsNamed() throws IOException {
        Path imported = dir.resolve("imported");
        assertEquals(0, CommandRun.of("import", "monai-bundle", "--bundle", FIXTURES.resolve("monai_bundle")
                .toString(), "--output", imported.toString()).exitCode());
        Path run = dir.resolve("run");

        CommandRun notAnExport = CommandRun.of("import", "exported", "--model", imported.resolve("model.ts")
                .toString(), "--export", imported.toString(), "--output", run.toString());
        CommandRun missing = CommandRun.of("import", "exported", "--model", imported.resolve("model.ts").toString(),
                "--export", dir.resolve("nowhere").toString(), "--output", run.toString());

        assertEquals(1, notAnExport.exitCode());
        assertEquals("voxseg: " + imported.resolve("model.json") + ": describes an imported model; only a network "
                + "voxseg trained and exported can be imported this way", notAnExport.err().strip());
        assertEquals(1, missing.exitCode());
        assertEquals("voxseg: no such file or folder: " + dir.resolve("nowhere/model.json"), missing.err().strip());
        assertFalse(Files.exists(run));
    }

    @Test
    void aKilledImportsTemporaryFolderIsRemovedByTheNextImportAndAFailedOneLeavesNothing() throws IOException {
        Path run = dir.resolve("run");
        Path killed = Files.createDirectories(dir.resolve(".run.999999999-k1ll3d.part"));
        Files.writeString(killed.resolve("model.ts"), "half a model");
        Path older = Files.createDirectories(dir.resolve(".run.k1ll3d.part"));

        CommandRun imported = CommandRun.of("import", "monai-bundle", "--bundle", FIXTURES.resolve("monai_bundle")
                .toString(), "--output", run.toString());

        assertEquals(0, imported.exitCode(), imported.err());
        assertFalse(Files.exists(killed));
        assertFalse(Files.exists(older));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(run), left.toList(), "nothing but the run folder");
        }
    }

    @Test
    void aBundleDeclaringTwoBillionChannelsIsRefusedInOneLineWithASmallHeap() throws Exception {
        Path bundle = copy(FIXTURES.resolve("monai_bundle"), dir.resolve("bundle"));
        Path metadata = bundle.resolve("configs/metadata.json");
        Files.writeString(metadata, Files.readString(metadata).replace("\"num_channels\": 4",
                "\"num_channels\": 2000000000"));

        CommandRun refused = ForkedRun.of("import", "monai-bundle", "--bundle", bundle.toString(), "--output",
                dir.resolve("run").toString());

        assertEquals(1, refused.exitCode(), refused.err());
        assertEquals("voxseg: " + metadata + ": 'network_data_format.inputs.num_channels' 2000000000 channels: give "
                + "between 1 and 256", refused.err().strip());
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void aModelThatNeverAnswersIsRefusedAfterTheTrialTimeLimit() throws Exception {
        CommandRun refused = ForkedRun.of("import", "torchscript", "--model", FIXTURES.resolve("endless_model.ts")
                .toString(), "--channels", "flair,t1,t1ce,t2", "--regions", "TC=1+4,WT=1+2+4,ET=4", "--normalization",
                "zscore_nonzero", "--roi", "16,12,8", "--trial-seconds", "2", "--output", dir.resolve("run")
                .toString());

        assertEquals(1, refused.exitCode(), refused.err());
        assertEquals("voxseg: " + FIXTURES.resolve("endless_model.ts") + ": the model did not answer one window [16, "
                + "12, 8] within 2 s; check the model, or allow it longer (--trial-seconds)", refused.err().strip());
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void aModelAnsweringNanIsRefusedAtImportAndPredictRefusesNanOutputs() throws IOException {
        String[] nanImport = {"import", "torchscript", "--model", FIXTURES.resolve("nan_model.ts").toString(),
            "--channels", "flair,t1,t1ce,t2", "--regions", "TC=1+4,WT=1+2+4,ET=4", "--normalization",
            "zscore_nonzero", "--roi", "16,12,8", "--output", dir.resolve("run").toString()};

        CommandRun refused = CommandRun.of(nanImport);

        assertEquals(1, refused.exitCode(), refused.err());
        assertEquals("voxseg: " + FIXTURES.resolve("nan_model.ts") + ": the model's outputs for a window of zeros "
                + "hold NaN or infinity, so its label maps would be meaningless; check the model (it was not imported)",
                refused.err().strip());
        assertFalse(Files.exists(dir.resolve("run")));

        // A run folder holding such a model anyway (written by hand): predict refuses the case, exit 1.
        Path run = dir.resolve("nan_run");
        assertEquals(0, CommandRun.of("import", "monai-bundle", "--bundle", FIXTURES.resolve("monai_bundle")
                .toString(), "--output", run.toString()).exitCode());
        Files.copy(FIXTURES.resolve("nan_model.ts"), run.resolve("model.ts"), StandardCopyOption.REPLACE_EXISTING);
        CommandRun predicted = CommandRun.of("predict", "--model", run.toString(), "--input",
                FIXTURES.resolve("case").toString(), "--output", dir.resolve("out").toString(), "--quiet");
        assertEquals(1, predicted.exitCode());
        assertTrue(predicted.err().startsWith("voxseg: case: the network's outputs hold NaN or infinity"),
                predicted.err());
        assertFalse(Files.exists(dir.resolve("out/case.nii.gz")));
    }

    @Test
    void importOptionsThatWouldFailEveryPredictionAreRefusedNamingTheOption() {
        List<List<String>> cases = List.of(
                List.of("--channels", "flair,flair,t1ce,t2", "channels (--channels; network_data_format.inputs): "
                        + "channel name 'flair' is given twice"),
                List.of("--channels", "flair,../t1,t1ce,t2", "channel name '../t1' is not a file suffix"),
                List.of("--channels", "flair,,t1ce,t2", "channel name '' is not a file suffix"),
                List.of("--spacing", "1e-9,1,1", "target spacing (--spacing; Spacingd.pixdim): spacing 1.0E-9"),
                List.of("--sw-batch", "2000000000", "window batch (--sw-batch; inferer.sw_batch_size): window batch "
                        + "2000000000"),
                List.of("--roi", "4096,12,8", "roi (--roi; inferer.roi_size): window [4096, 12, 8]"));
        for (List<String> option : cases) {
            Map<String, String> options = new LinkedHashMap<>(Map.of("--model", FIXTURES.resolve("ckji_model.ts")
                    .toString(), "--channels", "flair,t1,t1ce,t2", "--regions", "TC=1+4,WT=1+2+4,ET=4",
                    "--normalization", "zscore_nonzero", "--roi", "16,12,8", "--axes", "ckji", "--output",
                    dir.resolve("run").toString()));
            options.put(option.get(0), option.get(1));
            List<String> args = new ArrayList<>(List.of("import", "torchscript"));
            options.forEach((name, value) -> args.addAll(List.of(name, value)));
            CommandRun refused = CommandRun.of(args.toArray(String[]::new));
            assertEquals(1, refused.exitCode(), option.toString());
            assertTrue(refused.err().strip().startsWith("voxseg: " + FIXTURES.resolve("ckji_model.ts") + ": ")
                    && refused.err().contains(option.get(2)) && refused.err().strip().lines().count() == 1,
                    refused.err());
            assertFalse(Files.exists(dir.resolve("run")));
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
