package org.voxseg.data.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

/**
 * Lesion-wise Dice and HD95 against an independent reference ({@code lesion_wise_reference.py}, scipy) on a case
 * with a partly hit lesion, two close lesions that count as one, a missed lesion, a false positive, a lesion below
 * the smallest scored volume and a component that touches a lesion's dilation without overlapping it.
 */
class LesionWiseScoresTest {

    private static final int[] SHAPE = {40, 36, 30};
    private static final double[] SPACING = {1.2, 1.0, 1.5};
    private static final Path SCRIPT = Path.of("src/test/resources/evaluation/lesion_wise_reference.py");

    @TempDir
    Path dir;

    private final boolean[] reference = new boolean[SHAPE[0] * SHAPE[1] * SHAPE[2]];
    private final boolean[] prediction = new boolean[reference.length];

    private static void box(boolean[] mask, int x0, int y0, int z0, int dx, int dy, int dz, boolean value) {
        for (int z = z0; z < z0 + dz; z++) {
            for (int y = y0; y < y0 + dy; y++) {
                for (int x = x0; x < x0 + dx; x++) {
                    mask[x + SHAPE[0] * (y + SHAPE[1] * z)] = value;
                }
            }
        }
    }

    /** The case the class comment describes. */
    private void drawCase() {
        box(reference, 3, 3, 3, 8, 8, 6, true);       // A: hit by a shifted box
        box(prediction, 5, 4, 3, 8, 8, 5, true);
        box(prediction, 5, 13, 4, 2, 2, 2, true);     // touches A's dilation, not A
        box(reference, 25, 3, 3, 4, 4, 4, true);      // B1 and B2, 2 voxels apart: one lesion at dilation 3
        box(reference, 31, 3, 3, 4, 4, 4, true);
        box(prediction, 25, 3, 3, 4, 4, 4, true);     // only B1 predicted
        box(reference, 3, 25, 20, 5, 5, 5, true);     // C: missed
        box(prediction, 30, 28, 22, 4, 4, 4, true);   // D: false positive
        box(reference, 20, 20, 10, 2, 2, 2, true);    // E: 8 voxels, 14.4 mm^3
        box(prediction, 20, 20, 10, 2, 2, 1, true);
    }

    @Test
    void gliomaRulesMatchTheIndependentReference() throws Exception {
        drawCase();

        LesionWiseScores scores = LesionWiseScores.of(prediction, reference, SHAPE, SPACING, LesionWiseRule.GLIOMA);

        assertEquals(2, scores.detected(), "A, and B1 with B2");
        assertEquals(1, scores.missed(), "C");
        assertEquals(1, scores.falsePositives(), "D; E is too small to score but its prediction is no false positive");
        assertMatchesReference(scores, LesionWiseRule.GLIOMA);
    }

    @Test
    void metastasesRulesScoreSmallLesionsAndMatchOnlyWithinOneVoxel() throws Exception {
        drawCase();

        LesionWiseScores scores = LesionWiseScores.of(prediction, reference, SHAPE, SPACING,
                LesionWiseRule.METASTASES);

        assertEquals(3, scores.detected(), "A, B1 with B2 (their one-voxel dilations still touch), and E");
        assertEquals(1, scores.missed(), "C");
        assertEquals(2, scores.falsePositives(), "D, and the box beside A beyond a one-voxel dilation");
        assertMatchesReference(scores, LesionWiseRule.METASTASES);
    }

    @Test
    void nothingToScoreIsPerfect() {
        assertEquals(new LesionWiseScores(1, 0, 0, 0, 0),
                LesionWiseScores.of(prediction, reference, SHAPE, SPACING, LesionWiseRule.GLIOMA));
    }

    @Test
    void onlyAFalsePositiveScoresZeroAndTheMissedDistance() {
        box(prediction, 3, 3, 3, 3, 3, 3, true);

        assertEquals(new LesionWiseScores(0, LesionWiseScores.MISSED_DISTANCE, 0, 0, 1),
                LesionWiseScores.of(prediction, reference, SHAPE, SPACING, LesionWiseRule.GLIOMA));
    }

    private void assertMatchesReference(LesionWiseScores scores, LesionWiseRule rule) throws Exception {
        assumeTrue(pythonHas("scipy", "nibabel"), "/usr/bin/python3 with scipy and nibabel is not installed "
                + "(build/install-test-tools.sh installs them)");
        Path predictionFile = write("prediction.nii.gz", prediction);
        Path referenceFile = write("reference.nii.gz", reference);
        JsonNode expected = new ObjectMapper().readTree(run(SCRIPT.toString(), predictionFile.toString(),
                referenceFile.toString(), Integer.toString(rule.dilation()),
                String.format(Locale.ROOT, "%s", rule.minimumVolume())));

        assertEquals(expected.get("dice").asDouble(), scores.dice(), 1e-9);
        assertEquals(expected.get("hd95").asDouble(), scores.hausdorff95(), 1e-4);
        assertEquals(expected.get("detected").asInt(), scores.detected());
        assertEquals(expected.get("missed").asInt(), scores.missed());
        assertEquals(expected.get("false_positives").asInt(), scores.falsePositives());
    }

    private Path write(String name, boolean[] mask) throws IOException {
        float[] values = new float[mask.length];
        for (int v = 0; v < mask.length; v++) {
            values[v] = mask[v] ? 1 : 0;
        }
        Path file = dir.resolve(name);
        NiftiWriter.of(NiftiDataType.UINT8).write(Volume.wrap(Geometry.of(Extent.of(SHAPE),
                Affine.diagonal(SPACING[0], SPACING[1], SPACING[2])), 1, values), file);
        return file;
    }

    private static boolean pythonHas(String... modules) throws Exception {
        try {
            run("-c", "import " + String.join(", ", modules));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The output of {@code /usr/bin/python3 args}; an IOException if it cannot run or fails. */
    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("python3 failed: " + output);
        }
        return output;
    }
}
