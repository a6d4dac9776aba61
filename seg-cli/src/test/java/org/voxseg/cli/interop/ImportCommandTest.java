package org.voxseg.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;
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
                + "axes cijk; blending outputs"), imported.out());

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
