package org.voxseg.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.macro.Interpreter;
import ij.process.ShortProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.interop.MonaiBundle;
import org.voxseg.data.dataset.BratsLayout;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseInputs;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader;

/**
 * The Fiji commands as Fiji runs them: found by menu path in a headless SciJava context (through the plugin index
 * the annotation processor writes), run through the CommandService with pre- and postprocessing. A tiny model is
 * trained with "Train from Config", then "Predict Segmentation" runs on files and on open images.
 */
@Tag("slow")
class FijiCommandsTest {

    private static final String CASE = "BraTS20_Synth_000";

    @TempDir
    static Path dir;

    private static Context context;
    private static Path run;
    private static Path caseFolder;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        context = new Context();
        caseFolder = TinyFixtures.synthesise(dir);
        Path config = dir.resolve("config.json");
        Files.copy(Path.of("src/test/resources/tiny_config.json"), config);
        run = dir.resolve("run");

        CommandModule training = run(FijiMenus.TRAIN, "config", config.toFile(), "folder", run.toFile(),
                "epochs", 1);

        assertFalse(training.isCanceled(), training.getCancelReason());
        assertTrue(Files.isRegularFile(run.resolve("best.ckpt")));
    }

    @AfterAll
    static void closeContext() {
        context.dispose();
    }

    @Test
    void commandsAreFoundByMenuPathAndRunHeadless() {
        for (String menuPath : List.of(FijiMenus.PREDICT, FijiMenus.TRAIN, FijiMenus.OPEN_NIFTI,
                FijiMenus.SAVE_NIFTI)) {
            CommandInfo info = command(menuPath);
            assertTrue(info.canRunHeadless(), menuPath);
            assertTrue(info.getClassName().startsWith("org.voxseg.fiji."), info.getClassName());
        }
        assertEquals("Predict Segmentation", command(FijiMenus.PREDICT).getMenuPath().getLeaf().getName());
    }

    @Test
    void segmentsACaseFolderIntoNiftiInTheInputGeometry() throws Exception {
        Path output = dir.resolve("from_files.nii.gz");

        CommandModule module = run(FijiMenus.PREDICT, "model", run.toFile(), "input", caseFolder.toString(),
                "output", output.toFile());

        assertFalse(module.isCanceled(), module.getCancelReason());
        NiftiHeader written = NiftiReader.readHeader(output);
        NiftiHeader input = NiftiReader.readHeader(caseFolder.resolve(CASE + "_flair.nii.gz"));
        assertEquals(input.geometry(), written.geometry());
        assertEquals(NiftiDataType.UINT8, written.datatype());
        for (float value : NiftiReader.read(output).volume().toArray()) {
            assertTrue(Set.of(0f, 1f, 2f, 4f).contains(value), "label " + value);
        }
        ImagePlus labels = (ImagePlus) module.getOutput("labels");
        assertEquals(8, labels.getBitDepth());
        assertEquals(input.geometry().spacing().z(), labels.getCalibration().pixelDepth, 1e-9);
        assertArrayEquals(NiftiReader.read(output).volume().toArray(),
                ImagePlusVolumes.toVolume(labels).toArray());
    }

    @Test
    void aModelImportedFromAMonaiBundleSegmentsLikeATrainedOne() throws Exception {
        Path fixtures = Path.of(System.getProperty("voxseg.interop.fixtures"));
        Path imported = dir.resolve("imported");
        try (Voxseg voxseg = Voxseg.builder().build()) {
            voxseg.importModel(MonaiBundle.read(fixtures.resolve("monai_bundle")).build(), imported);
        }
        Path output = dir.resolve("imported.nii.gz");

        CommandModule module = run(FijiMenus.PREDICT, "model", imported.toFile(), "input",
                fixtures.resolve("case").toString(), "output", output.toFile());

        assertFalse(module.isCanceled(), module.getCancelReason());
        assertEquals(NiftiReader.readHeader(fixtures.resolve("case/case_flair.nii.gz")).geometry(),
                NiftiReader.readHeader(output).geometry());
        Set<Float> labels = new TreeSet<>();
        for (float value : NiftiReader.read(output).volume().toArray()) {
            labels.add(value);
        }
        assertTrue(Set.of(0f, 1f, 2f, 4f).containsAll(labels) && labels.size() > 1, "labels " + labels);
    }

    @Test
    void openChannelImagesGiveTheSameLabelsAndGeometryAsTheFiles() throws Exception {
        Path fromFiles = dir.resolve("reference.nii.gz");
        run(FijiMenus.PREDICT, "model", run.toFile(), "input", caseFolder.toString(), "output", fromFiles.toFile());
        List<ImagePlus> opened = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (String channel : BratsLayout.DEFAULT_CHANNELS) {
            CommandModule open = run(FijiMenus.OPEN_NIFTI, "file",
                    caseFolder.resolve(CASE + "_" + channel + ".nii.gz").toFile());
            ImagePlus image = (ImagePlus) open.getOutput("image");
            opened.add(image);
            titles.add(image.getTitle());
        }
        Path fromImages = dir.resolve("from_images.nii.gz");

        CommandModule module = withOpenImages(opened, () -> run(FijiMenus.PREDICT, "model", run.toFile(), "images",
                String.join(", ", titles), "output", fromImages.toFile()));

        assertFalse(module.isCanceled(), module.getCancelReason());

        assertEquals(NiftiReader.readHeader(fromFiles).geometry(), NiftiReader.readHeader(fromImages).geometry());
        assertArrayEquals(NiftiReader.read(fromFiles).volume().toArray(),
                NiftiReader.read(fromImages).volume().toArray());
    }

    @Test
    void theActiveImageWithAllChannelsIsSegmentedWhenNothingElseIsNamed() throws Exception {
        CaseFiles files = CaseInputs.resolve(List.of(caseFolder), BratsLayout.DEFAULT_CHANNELS).get(0);
        ImagePlus composite = ImagePlusVolumes.toImagePlus(CaseLoader.load(files).image(), CASE);
        Path output = dir.resolve("from_active.nii.gz");

        CommandModule module = withOpenImages(List.of(composite),
                () -> run(FijiMenus.PREDICT, "model", run.toFile(), "output", output.toFile()));

        assertFalse(module.isCanceled(), module.getCancelReason());
        assertEquals(NiftiReader.readHeader(caseFolder.resolve(CASE + "_t2.nii.gz")).geometry(),
                NiftiReader.readHeader(output).geometry());
    }

    @Test
    void anImageWithTooFewChannelsIsRefusedWithAReasonAndNothingWritten() throws Exception {
        ImagePlus flair = (ImagePlus) run(FijiMenus.OPEN_NIFTI, "file",
                caseFolder.resolve(CASE + "_flair.nii.gz").toFile()).getOutput("image");
        Path output = dir.resolve("refused.nii.gz");

        CommandModule module = withOpenImages(List.of(flair),
                () -> run(FijiMenus.PREDICT, "model", run.toFile(), "output", output.toFile()));

        assertTrue(module.isCanceled());
        assertEquals("voxseg: the model expects 4 channels (flair, t1, t1ce, t2), the input has 1",
                module.getCancelReason());
        assertFalse(Files.exists(output));
    }

    @Test
    void aMissingModelIsNamed() throws Exception {
        Path missing = dir.resolve("no_such_run");

        CommandModule module = run(FijiMenus.PREDICT, "model", missing.toFile(), "input", caseFolder.toString());

        assertTrue(module.isCanceled());
        assertTrue(module.getCancelReason().contains(missing.toString()), module.getCancelReason());
    }

    @Test
    void saveNiftiWritesAnOpenedImageBackUnchanged() throws Exception {
        Path original = caseFolder.resolve(CASE + "_seg.nii.gz");
        ImagePlus labels = (ImagePlus) run(FijiMenus.OPEN_NIFTI, "file", original.toFile()).getOutput("image");
        Path copy = dir.resolve("saved_seg.nii.gz");

        CommandModule module = run(FijiMenus.SAVE_NIFTI, "image", labels, "file", copy.toFile());

        assertFalse(module.isCanceled(), module.getCancelReason());
        assertEquals(NiftiDataType.UINT8, NiftiReader.readHeader(copy).datatype());
        assertEquals(NiftiReader.readHeader(original).geometry(), NiftiReader.readHeader(copy).geometry());
        assertArrayEquals(NiftiReader.read(original).volume().toArray(), NiftiReader.read(copy).volume().toArray());
    }

    @Test
    void saveNiftiKeepsSignedSixteenBitValues() throws Exception {
        ShortProcessor pixels = new ShortProcessor(3, 2);
        pixels.set(0, 0, 32768 - 100);
        pixels.set(2, 1, 32768 + 7);
        ImagePlus signed = new ImagePlus("signed", pixels);
        signed.getCalibration().setSigned16BitCalibration();
        Path file = dir.resolve("signed.nii.gz");

        CommandModule module = run(FijiMenus.SAVE_NIFTI, "image", signed, "file", file.toFile());

        assertFalse(module.isCanceled(), module.getCancelReason());
        assertEquals(NiftiDataType.INT16, NiftiReader.readHeader(file).datatype());
        assertArrayEquals(new float[] {-100, -32768, -32768, -32768, -32768, 7},
                NiftiReader.read(file).volume().toArray());
    }

    /**
     * Runs {@code action} with {@code images} open as in a batch-mode macro (headless ImageJ has no windows); the
     * last one is the active image.
     */
    private static CommandModule withOpenImages(List<ImagePlus> images, Callable<CommandModule> action)
            throws Exception {
        Interpreter.batchMode = true;
        try {
            images.forEach(Interpreter::addBatchModeImage);
            return action.call();
        } finally {
            images.forEach(Interpreter::removeBatchModeImage);
            Interpreter.batchMode = false;
        }
    }

    private static CommandInfo command(String menuPath) {
        return TinyFixtures.command(context, menuPath);
    }

    private static CommandModule run(String menuPath, Object... inputs)
            throws InterruptedException, ExecutionException {
        CommandModule module = context.service(CommandService.class).run(command(menuPath), true, inputs).get();
        assertNotNull(module);
        return module;
    }
}
