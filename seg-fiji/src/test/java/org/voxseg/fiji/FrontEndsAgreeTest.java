package org.voxseg.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.voxseg.cli.VoxsegCommand;
import org.voxseg.data.nifti.NiftiReader;
import picocli.CommandLine;

/**
 * The command line and Fiji pass the same overrides to the same API, so the same model and options give the same
 * label map: with nothing set both use model.json's overlap and mirroring; with overlap and mirroring switched off
 * explicitly both do so too.
 */
@Tag("slow")
class FrontEndsAgreeTest {

    @TempDir
    static Path dir;

    private static Context context;
    private static Path run;
    private static Path caseFolder;

    @BeforeAll
    static void trainWithStoredInferenceSettings() throws IOException {
        context = new Context();
        caseFolder = TinyFixtures.synthesise(dir);
        String config = Files.readString(Path.of("src/test/resources/tiny_config.json")).trim();
        Path configFile = dir.resolve("config.json");
        Files.writeString(configFile, config.substring(0, config.length() - 1)
                + ",\n  \"inference\": {\"overlap\": 0.6, \"tta\": true}\n}\n");
        run = dir.resolve("run");
        voxseg("train", "--config", configFile.toString(), "--output-dir", run.toString(), "--epochs", "1",
                "--quiet");
    }

    @AfterAll
    static void closeContext() {
        context.dispose();
    }

    @Test
    void withNoOptionsBothUseTheModelsOverlapAndMirroring() throws Exception {
        Path fromCli = dir.resolve("cli_model.nii.gz");
        Path fromFiji = dir.resolve("fiji_model.nii.gz");

        voxseg("predict", "--model", run.toString(), "--input", caseFolder.toString(), "--output",
                fromCli.toString(), "--quiet");
        predictInFiji(fromFiji, "tta", PredictCommand.Switch.MODEL);

        assertSameLabels(fromCli, fromFiji);
    }

    @Test
    void mirroringOffAndAnOverlapGiveTheSameLabelsInBoth() throws Exception {
        Path fromCli = dir.resolve("cli_no_tta.nii.gz");
        Path fromFiji = dir.resolve("fiji_no_tta.nii.gz");

        voxseg("predict", "--model", run.toString(), "--input", caseFolder.toString(), "--output",
                fromCli.toString(), "--no-tta", "--overlap", "0.25", "--quiet");
        predictInFiji(fromFiji, "tta", PredictCommand.Switch.OFF, "overlap", "0.25");

        assertSameLabels(fromCli, fromFiji);
        Path withModelSettings = dir.resolve("cli_model_probabilities.nii.gz");
        voxseg("predict", "--model", run.toString(), "--input", caseFolder.toString(), "--output",
                withModelSettings.toString(), "--probabilities", "--quiet");
        voxseg("predict", "--model", run.toString(), "--input", caseFolder.toString(), "--output",
                fromCli.toString(), "--no-tta", "--overlap", "0.25", "--probabilities", "--quiet");
        assertFalse(Arrays.equals(probabilities(withModelSettings), probabilities(fromCli)),
                "the options change the prediction, so agreeing on them means something");
    }

    private static float[] probabilities(Path labels) throws IOException {
        String name = labels.getFileName().toString().replace(".nii.gz", "_probabilities.nii.gz");
        return NiftiReader.read(labels.resolveSibling(name)).volume().toArray();
    }

    private static void assertSameLabels(Path expected, Path actual) throws IOException {
        assertEquals(NiftiReader.readHeader(expected).geometry(), NiftiReader.readHeader(actual).geometry());
        assertArrayEquals(NiftiReader.read(expected).volume().toArray(), NiftiReader.read(actual).volume().toArray());
    }

    private static void voxseg(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = VoxsegCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(0, commandLine.execute(args), err.toString());
    }

    private static void predictInFiji(Path output, Object... options) throws Exception {
        Object[] inputs = new Object[6 + options.length];
        Object[] common = {"model", run.toFile(), "input", caseFolder.toString(), "output", output.toFile()};
        System.arraycopy(common, 0, inputs, 0, common.length);
        System.arraycopy(options, 0, inputs, common.length, options.length);
        CommandInfo segment = TinyFixtures.command(context, FijiMenus.PREDICT);
        CommandModule module = context.service(CommandService.class).run(segment, true, inputs).get();
        assertFalse(module.isCanceled(), module.getCancelReason());
    }
}
