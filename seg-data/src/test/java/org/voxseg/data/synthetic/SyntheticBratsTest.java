package org.voxseg.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.dataset.BratsLayout;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.DatasetValidator;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiReader;

class SyntheticBratsTest {

    private static final int[] SHAPE = {40, 36, 32};

    @TempDir
    Path dir;

    @Test
    void labelsAreNestedOedemaAroundACoreWithAnEnhancingRim() {
        SyntheticCase generated = new SyntheticBrats(SHAPE, 5).generate(0);
        float[] labels = generated.labels().toArray();
        int[] counts = new int[5];
        for (float label : labels) {
            counts[(int) label]++;
        }

        assertEquals(0, counts[3], "only BraTS labels");
        assertTrue(counts[2] > counts[4] && counts[4] > 0 && counts[1] > 0, Arrays.toString(counts));
        // Every necrotic voxel is enclosed: its six neighbours are tumour (1 or 4), never oedema or background.
        int nx = SHAPE[0];
        int ny = SHAPE[1];
        for (int v = 0; v < labels.length; v++) {
            if (labels[v] == 1) {
                for (int step : new int[] {1, -1, nx, -nx, nx * ny, -nx * ny}) {
                    float neighbour = labels[v + step];
                    assertTrue(neighbour == 1 || neighbour == 4, "core touches " + neighbour);
                }
            }
        }
    }

    @Test
    void modalitiesHaveDistinctContrastsAndTheAffineIsOblique() {
        SyntheticCase generated = new SyntheticBrats(SHAPE, 5).generate(1);
        float[] labels = generated.labels().toArray();
        double[] enhancingMean = new double[4];
        double[] brainMean = new double[4];
        int voxels = labels.length;
        for (int c = 0; c < 4; c++) {
            double enhancing = 0;
            double brain = 0;
            int nEnhancing = 0;
            int nBrain = 0;
            for (int v = 0; v < voxels; v++) {
                float value = generated.image().data().get(c * voxels + v);
                if (labels[v] == 4) {
                    enhancing += value;
                    nEnhancing++;
                } else if (labels[v] == 0 && value > 0) {
                    brain += value;
                    nBrain++;
                }
            }
            enhancingMean[c] = enhancing / nEnhancing;
            brainMean[c] = brain / nBrain;
        }

        assertTrue(enhancingMean[2] > 1.5 * brainMean[2], "t1ce enhances the rim");
        assertTrue(Math.abs(enhancingMean[1] - brainMean[1]) < 0.3 * brainMean[1], "t1 hardly does");
        Affine affine = generated.image().geometry().affine();
        assertNotEquals(0, affine.get(0, 1), 1e-6);
    }

    @Test
    void writtenCasesAreAValidBratsDatasetAndRepeatable() throws IOException {
        new SyntheticBrats(SHAPE, 9).write(dir.resolve("a"), 2);
        new SyntheticBrats(SHAPE, 9).write(dir.resolve("b"), 2);

        List<CaseFiles> cases = BratsLayout.discover(dir.resolve("a"), BratsLayout.DEFAULT_CHANNELS);
        assertEquals(List.of("BraTS20_Synth_000", "BraTS20_Synth_001"), cases.stream().map(CaseFiles::id).toList());
        assertEquals(List.of(), new DatasetValidator(new int[] {2, 1, 4}, true).validate(cases));
        Path flair = cases.get(1).images().get(0);
        assertEquals(NiftiDataType.INT16, NiftiReader.readHeader(flair).datatype());
        assertEquals(NiftiDataType.UINT8, NiftiReader.readHeader(cases.get(1).label().orElseThrow()).datatype());
        assertArrayEquals(NiftiReader.read(flair).volume().toArray(), NiftiReader.read(dir.resolve("b")
                .resolve("BraTS20_Synth_001").resolve("BraTS20_Synth_001_flair.nii.gz")).volume().toArray());
    }

    @Test
    void caseIdsUseAsciiDigitsInEveryLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
        try {
            assertEquals("BraTS20_Synth_012", new SyntheticBrats(SHAPE, 5).generate(12).id());
        } finally {
            Locale.setDefault(before);
        }
    }
}
