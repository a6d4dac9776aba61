package org.voxseg.data.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.label.KeepLargestComponent;
import org.voxseg.data.label.PostprocessingStep;
import org.voxseg.data.label.RemoveSmallComponents;
import org.voxseg.data.label.ReplaceSmallLabel;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

class PostprocessingSearchTest {

    private static final int[] SHAPE = {24, 20, 16};
    private static final int[] BRATS_LABELS = {2, 1, 4};
    private static final List<Integer> FOREGROUND = List.of(2, 1, 4);

    @TempDir
    Path dir;

    private static float[] empty() {
        return new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
    }

    /** Sets the box [x0, x0 + size) x [y0, ...) x [z0, ...) to {@code label}. */
    private static void box(float[] values, int x0, int y0, int z0, int size, int label) {
        for (int z = z0; z < z0 + size; z++) {
            for (int y = y0; y < y0 + size; y++) {
                for (int x = x0; x < x0 + size; x++) {
                    values[x + SHAPE[0] * (y + SHAPE[1] * z)] = label;
                }
            }
        }
    }

    /** A tumour of edema (2) around a core of necrosis (1) at (x0, y0, z0), 5 voxels wide. */
    private static float[] tumour(float[] values, int x0, int y0, int z0) {
        box(values, x0, y0, z0, 5, 2);
        box(values, x0 + 1, y0 + 1, z0 + 1, 3, 1);
        return values;
    }

    /** Writes the cases' predictions and references (1 mm or {@code spacing} mm voxels) and pairs them. */
    private SegmentationPairs cases(double spacing, float[]... predictionThenReference) throws IOException {
        Path predictions = Files.createDirectories(dir.resolve("predictions"));
        Path references = Files.createDirectories(dir.resolve("references"));
        Geometry grid = Geometry.of(Extent.of(SHAPE), Affine.diagonal(spacing, spacing, spacing));
        for (int c = 0; c < predictionThenReference.length / 2; c++) {
            NiftiWriter writer = NiftiWriter.of(NiftiDataType.UINT8);
            writer.write(Volume.wrap(grid, 1, predictionThenReference[2 * c]), predictions.resolve("case" + c
                    + ".nii.gz"));
            writer.write(Volume.wrap(grid, 1, predictionThenReference[2 * c + 1]), references.resolve("case" + c
                    + ".nii.gz"));
        }
        return SegmentationPairs.find(predictions, references);
    }

    private static PostprocessingChoice search(SegmentationPairs pairs) throws IOException {
        return new PostprocessingSearch(Structure.bratsRegions(), BRATS_LABELS).search(pairs);
    }

    @Test
    void aSpuriousFarComponentIsRemovedWhileATrueSecondFocusStays() throws IOException {
        float[] multifocal = tumour(empty(), 2, 2, 2);
        box(multifocal, 14, 12, 9, 3, 2); // a true second focus of 27 voxels
        float[] spurious = tumour(empty(), 2, 2, 2);
        box(spurious, 20, 16, 12, 2, 2); // 8 voxels predicted far from the tumour

        PostprocessingChoice choice = search(cases(1, multifocal.clone(), multifocal, spurious,
                tumour(empty(), 2, 2, 2)));

        PostprocessingChoice.Decision foreground = choice.decisions().get(0);
        assertEquals("foreground", foreground.target());
        assertEquals(new RemoveSmallComponents("foreground", FOREGROUND, 9), foreground.chosen(),
                "components smaller than 9 voxels go; the 27-voxel focus is larger");
        assertEquals(List.of(new RemoveSmallComponents("foreground", FOREGROUND, 9),
                new RemoveSmallComponents("foreground", FOREGROUND, 28),
                new KeepLargestComponent("foreground", FOREGROUND)),
                foreground.tried().stream().map(PostprocessingChoice.Trial::step).toList());
        for (PostprocessingChoice.Trial aggressive : foreground.tried().subList(1, 3)) {
            assertTrue(aggressive.dice().get("WT") < foreground.after().dice().get("WT"),
                    aggressive.step() + " also removes the true focus");
        }
        assertTrue(foreground.after().dice().get("WT") > foreground.before().dice().get("WT"));
        assertTrue(foreground.after().hd95().get("WT") < foreground.before().hd95().get("WT"));
        assertEquals(List.of(foreground.chosen()), choice.postprocessing().steps(),
                "TC and ET have nothing left to gain");
        assertEquals(1.0, choice.after().dice().get("WT"), 1e-12);
    }

    @Test
    void removingAComponentIsNotChosenWhenItLowersDice() throws IOException {
        float[] multifocal = tumour(empty(), 2, 2, 2);
        box(multifocal, 14, 12, 9, 3, 2);
        float[] missedFocus = tumour(empty(), 2, 2, 2);
        float[] reference = multifocal.clone();
        box(reference, 14, 12, 9, 4, 2); // the prediction's second focus is true but too small

        PostprocessingChoice choice = search(cases(1, multifocal, reference, missedFocus, tumour(empty(), 2, 2, 2)));

        assertTrue(choice.postprocessing().changesNothing(), choice.describe());
        PostprocessingChoice.Decision foreground = choice.decisions().get(0);
        assertNull(foreground.chosen());
        assertTrue(foreground.tried().stream().allMatch(t -> t.dice().get("WT") < foreground.before().dice()
                .get("WT")), "every candidate removes the true focus");
        assertEquals(choice.before(), choice.after());
    }

    /** A tumour whose core holds {@code enhancing} voxels of 4 in a row. */
    private static float[] withEnhancing(int enhancing) {
        float[] values = empty();
        box(values, 2, 2, 2, 14, 2);
        box(values, 3, 3, 3, 12, 1);
        for (int v = 0; v < enhancing; v++) {
            int x = 4 + v % 10;
            int y = 4 + v / 10 % 10;
            int z = 4 + v / 100;
            values[x + SHAPE[0] * (y + SHAPE[1] * z)] = 4;
        }
        return values;
    }

    /** Two cases: 10 voxels of 4 predicted where the reference has none, and 150 true ones predicted right. */
    private PostprocessingChoice enhancingCases(double spacing) throws IOException {
        return search(cases(spacing, withEnhancing(10), withEnhancing(0), withEnhancing(150), withEnhancing(150)));
    }

    @Test
    void theEnhancingTumourThresholdIsTheSmallestOfTheBestScaledByVoxelVolume() throws IOException {
        PostprocessingChoice millimetre = enhancingCases(1);

        PostprocessingChoice.Decision rule = millimetre.decisions().get(millimetre.decisions().size() - 1);
        assertEquals("ET", rule.target());
        assertEquals(List.of(25, 50, 100, 200, 400, 800, 1600), rule.tried().stream()
                .map(t -> ((ReplaceSmallLabel) t.step()).minimumVoxels()).toList());
        assertEquals(new ReplaceSmallLabel(4, 25, 1), rule.chosen(), "25 to 100 voxels all fix the first case");
        assertEquals(0.5, rule.before().dice().get("ET"), 1e-12);
        assertEquals(1.0, rule.after().dice().get("ET"), 1e-12);
        assertEquals(0.5, rule.tried().get(4).dice().get("ET"), 1e-12, "400 voxels also lose the true 150");
        assertEquals(rule.before().dice().get("TC"), rule.after().dice().get("TC"), "necrosis is tumour core too");

        PostprocessingChoice twoMillimetres = enhancingCases(2);
        PostprocessingStep scaled = twoMillimetres.decisions().get(twoMillimetres.decisions().size() - 1).chosen();
        assertEquals(new ReplaceSmallLabel(4, 13, 1), scaled, "100 mm^3 in voxels of 8 mm^3: 25 and 50 mm^3 (3 and"
                + " 6 voxels) keep the 10 false ones");
    }

    @Test
    void theChoiceIsDeterministic() throws IOException {
        float[] spurious = tumour(empty(), 2, 2, 2);
        box(spurious, 20, 16, 12, 1, 2);
        SegmentationPairs pairs = cases(1, spurious, tumour(empty(), 2, 2, 2), withEnhancing(10), withEnhancing(0));

        assertEquals(search(pairs), search(pairs));
    }
}
