package org.voxseg.cli.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

/** {@code voxseg evaluate}: what it scores, and the inputs it refuses in one line before writing anything. */
class EvaluateCommandTest {

    private static final int[] SHAPE = {6, 5, 4};
    private static final Affine GRID = Affine.fromRows(new double[] {1.5, 0, 0, -10}, new double[] {0, 1.5, 0, 20},
            new double[] {0, 0, 2, 5});
    /** The offset of pixdim[1] in a NIfTI-1 header. */
    private static final int PIXDIM_1 = 80;

    @TempDir
    Path dir;

    /** A block of 1s with a 2 and a 4 inside, the rest 0. */
    private static float[] labels() {
        float[] values = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
        for (int z = 1; z < 3; z++) {
            for (int y = 1; y < 4; y++) {
                for (int x = 1; x < 5; x++) {
                    values[x + SHAPE[0] * (y + SHAPE[1] * z)] = 1;
                }
            }
        }
        values[2 + SHAPE[0] * (2 + SHAPE[1])] = 2;
        values[3 + SHAPE[0] * (2 + SHAPE[1] * 2)] = 4;
        return values;
    }

    private Path write(String name, float[] values, Affine affine, NiftiDataType type) throws IOException {
        Path file = dir.resolve(name);
        NiftiWriter.of(type).write(Volume.wrap(Geometry.of(Extent.of(SHAPE), affine), 1, values), file);
        return file;
    }

    private Path write(String name, float[] values) throws IOException {
        return write(name, values, GRID, NiftiDataType.UINT8);
    }

    private CommandRun evaluate(Path prediction, String... more) throws IOException {
        Path reference = write("reference.nii.gz", labels());
        List<String> args = new ArrayList<>(List.of("evaluate", "--prediction", prediction.toString(),
                "--reference", reference.toString(), "--output", dir.resolve("scores.csv").toString()));
        args.addAll(List.of(more));
        if (!args.contains("--labels")) {
            args.add("--regions");
        }
        return CommandRun.of(args.toArray(String[]::new));
    }

    /** Exit 1, one line naming the prediction, no scores printed and no CSV written. */
    private void assertRefused(Path prediction, String phrase) throws IOException {
        CommandRun run = evaluate(prediction);

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("voxseg: " + prediction + ": "), run.err());
        assertTrue(run.err().contains(phrase), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(dir.resolve("scores.csv")), "no scores written");
        assertFalse(Files.exists(dir.resolve("scores_summary.csv")), "no summary written");
    }

    @Test
    void aValidPairIsScored() throws IOException {
        float[] predicted = labels();
        predicted[2 + SHAPE[0] * (2 + SHAPE[1])] = 1;

        CommandRun run = evaluate(write("case.nii.gz", predicted));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("TC     dice  mean 0.9787"), run.out());
        assertTrue(run.out().contains("evaluated 1 case(s); scores in " + dir.resolve("scores.csv")), run.out());
        List<String> rows = Files.readAllLines(dir.resolve("scores.csv"));
        assertEquals("case,dice_WT,hd95_WT,dice_TC,hd95_TC,dice_ET,hd95_ET", rows.get(0));
        assertTrue(rows.get(1).startsWith("case,1.00000,0.00000,0.978723,"), rows.get(1));
    }

    @Test
    void perCasePrintsOneRowPerCaseBeforeTheSummary() throws IOException {
        float[] predicted = labels();
        predicted[2 + SHAPE[0] * (2 + SHAPE[1])] = 1;

        CommandRun run = evaluate(write("case.nii.gz", predicted), "--per-case");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("case\\s+dice_WT\\s+hd95_WT\\s+dice_TC\\s+hd95_TC\\s+dice_ET\\s+hd95_ET"),
                lines.get(0));
        assertTrue(lines.get(1).matches("case\\s+1\\.0000\\s+0\\.00\\s+0\\.9787\\s+\\d+\\.\\d\\d\\s+\\S+\\s+\\S+"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("WT     dice  mean 1.0000"), lines.get(2));
        assertFalse(evaluate(write("case.nii.gz", predicted)).out().contains("dice_WT"), "rows only when asked");
    }

    @Test
    void aFloatImageWithNansIsRefused() throws IOException {
        float[] image = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
        for (int v = 0; v < image.length; v++) {
            image[v] = 100 + 0.37f * v;
        }
        image[7] = Float.NaN;

        assertRefused(write("flair.nii.gz", image, GRID, NiftiDataType.FLOAT32), "not a label map");
    }

    @Test
    void labelsOutsideTheScoredSetAreRefused() throws IOException {
        float[] three = labels();
        three[0] = 3;
        assertRefused(write("three.nii.gz", three), "label(s) 3 ");

        float[] half = labels();
        half[0] = 0.5f;
        assertRefused(write("half.nii.gz", half, GRID, NiftiDataType.FLOAT32), "is 0.5, not a whole number");
    }

    @Test
    void aShiftedAffineIsRefused() throws IOException {
        Affine shifted = Affine.fromRows(new double[] {1.5, 0, 0, -10}, new double[] {0, 1.5, 0, 21},
                new double[] {0, 0, 2, 5});

        assertRefused(write("shifted.nii.gz", labels(), shifted, NiftiDataType.UINT8),
                "not on the grid of its reference");
    }

    @Test
    void aNanSpacingIsRefused() throws IOException {
        Path prediction = write("nan_spacing.nii", labels());
        byte[] bytes = Files.readAllBytes(prediction);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(PIXDIM_1, Float.NaN);
        Files.write(prediction, bytes);

        assertRefused(prediction, "pixdim[1] is NaN");
    }

    @Test
    void emptyTakesBratsOrMonaiAndAnythingElseIsAUsageError() throws IOException {
        Path prediction = write("case.nii.gz", labels());

        assertEquals(0, evaluate(prediction, "--empty", "monai").exitCode());
        assertEquals(0, evaluate(prediction, "--empty", "BRATS").exitCode());
        CommandRun run = evaluate(prediction, "--empty", "foo");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--empty"), run.err());
    }

    @Test
    void withNothingSayingWhatToScoreItRefusesInsteadOfGuessing() throws IOException {
        Path prediction = write("case.nii.gz", labels());

        CommandRun run = CommandRun.of("evaluate", "--prediction", prediction.toString(), "--reference",
                prediction.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("say what to score: --model RUN or --dataset ROOT"), run.err());
    }

    @Test
    void aDatasetsOwnDescriptionSaysWhatIsScored() throws IOException {
        Path root = Files.createDirectories(dir.resolve("Task09_Spleen"));
        Files.writeString(root.resolve("dataset.json"), "{\"modality\": {\"0\": \"CT\"}, \"labels\": {\"0\": "
                + "\"background\", \"1\": \"spleen\"}, \"training\": []}");
        float[] spleen = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
        spleen[3] = 1;
        spleen[4] = 1;
        float[] predicted = spleen.clone();
        predicted[5] = 1;

        CommandRun run = CommandRun.of("evaluate", "--prediction", write("spleen_1.nii.gz", predicted).toString(),
                "--reference", write("reference.nii.gz", spleen).toString(), "--dataset", root.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("spleen dice  mean 0.8000"), run.out());
        assertFalse(run.out().contains("WT"), run.out());
    }

    @Test
    void lesionWiseScoresAreAddedPerStructure() throws IOException {
        float[] predicted = labels();
        predicted[2 + SHAPE[0] * (2 + SHAPE[1])] = 1;

        CommandRun run = evaluate(write("case.nii.gz", predicted), "--lesion-wise");

        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(dir.resolve("scores.csv"));
        assertEquals("case,dice_WT,hd95_WT,dice_TC,hd95_TC,dice_ET,hd95_ET,dice_WT_lesionwise,hd95_WT_lesionwise,"
                + "dice_TC_lesionwise,hd95_TC_lesionwise,dice_ET_lesionwise,hd95_ET_lesionwise", rows.get(0));
        assertTrue(run.out().contains("ET_lesionwise"), run.out());
        assertTrue(rows.get(1).endsWith(",1.00000,0.00000,0.978723,0.00000,1.00000,0.00000"), "one WT and one TC "
                + "lesion of 108 mm^3, scored as the whole case; the one ET voxel (4.5 mm^3) too small " + rows.get(1));
    }
}
