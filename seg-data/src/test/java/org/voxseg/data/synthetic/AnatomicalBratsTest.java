package org.voxseg.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

class AnatomicalBratsTest {

    /**
     * A 1 mm brain of 100x110x100 voxels: an ellipsoid of radii 45, 50 and 45 mm, white matter (160) inside 0.8 of
     * them, grey matter (100) outside, CSF (40) in its outer rim and in a ventricle of 6 mm at the centre, 0 outside.
     */
    private static Volume brain() {
        int[] shape = {100, 110, 100};
        float[] values = new float[shape[0] * shape[1] * shape[2]];
        int at = 0;
        for (int k = 0; k < shape[2]; k++) {
            for (int j = 0; j < shape[1]; j++) {
                for (int i = 0; i < shape[0]; i++, at++) {
                    double x = (i - 50) / 45.0;
                    double y = (j - 55) / 50.0;
                    double z = (k - 50) / 45.0;
                    double r = Math.sqrt(x * x + y * y + z * z);
                    double ventricle = Math.sqrt((i - 50) * (i - 50) + (j - 55) * (j - 55) + (k - 50) * (k - 50));
                    values[at] = r >= 1 ? 0 : ventricle < 6 || r > 0.93 ? 40 : r < 0.8 ? 160 : 100;
                }
            }
        }
        return Volume.wrap(Geometry.of(Extent.of(shape), Affine.diagonal(1, 1, 1)), 1, values);
    }

    private static final Volume BRAIN = brain();

    @Test
    void tumoursLieInTheBrainWithBratsLabelsOnAnObliqueGridOfAboutTwoMillimetres() {
        SyntheticCase generated = new AnatomicalBrats(BRAIN, 3).generate(0);
        float[] labels = generated.labels().toArray();
        float[] flair = new float[labels.length];
        generated.image().channel(0).get(flair);
        int[] counts = new int[5];
        for (int v = 0; v < labels.length; v++) {
            counts[(int) labels[v]]++;
            assertTrue(labels[v] == 0 || flair[v] > 0, "tumour only inside the brain");
        }

        assertEquals(0, counts[3], "only BraTS labels");
        assertTrue(counts[2] > 0 && counts[1] + counts[4] > 0, Arrays.toString(counts));
        Geometry grid = generated.image().geometry();
        for (double spacing : grid.spacing().toArray()) {
            assertTrue(spacing >= 1.9 && spacing <= 2.6, "spacing " + spacing);
        }
        Affine affine = grid.affine();
        assertTrue(Math.abs(affine.get(0, 1)) > 1e-3 || Math.abs(affine.get(0, 2)) > 1e-3, "oblique: " + affine);
        assertEquals(grid, generated.labels().geometry());
    }

    @Test
    void modalitiesContrastTumourAndTissueAsMriDoes() {
        double[][] means = new double[3][4];
        int[] counts = new int[3];
        for (int index = 0; index < 3; index++) {
            SyntheticCase generated = new AnatomicalBrats(BRAIN, 3).generate(index);
            float[] labels = generated.labels().toArray();
            int voxels = labels.length;
            for (int v = 0; v < voxels; v++) {
                float flair = generated.image().data().get(v);
                int group = labels[v] == 2 ? 1 : labels[v] == 4 ? 2 : flair > 0 ? 0 : -1;
                if (group < 0) {
                    continue;
                }
                counts[group]++;
                for (int c = 0; c < 4; c++) {
                    means[group][c] += generated.image().data().get(c * voxels + v);
                }
            }
        }
        for (int group = 0; group < 3; group++) {
            for (int c = 0; c < 4; c++) {
                means[group][c] /= counts[group];
            }
        }

        assertTrue(means[1][0] > 1.3 * means[0][0], "oedema is bright on flair: " + Arrays.deepToString(means));
        assertTrue(means[1][3] > 1.3 * means[0][3], "and on t2: " + Arrays.deepToString(means));
        assertTrue(means[2][2] > 1.3 * means[0][2], "the enhancing tumour is bright on t1ce");
        assertTrue(Math.abs(means[2][1] - means[0][1]) < 0.5 * means[0][1], "not as much on t1");
    }

    @Test
    void aCaseDependsOnlyOnTheSeedAndItsIndex() {
        SyntheticCase first = new AnatomicalBrats(BRAIN, 3).generate(1);

        assertEquals("BraTS20_Anat_001", first.id());
        assertArrayEquals(first.labels().toArray(), new AnatomicalBrats(BRAIN, 3).generate(1).labels().toArray());
        assertFalse(Arrays.equals(first.labels().toArray(), new AnatomicalBrats(BRAIN, 4).generate(1).labels()
                .toArray()));
    }

    @Test
    void anAnatomyWithoutBrainIsRefused() {
        Volume empty = Volume.wrap(Geometry.of(new Extent(8, 8, 8), Affine.identity()), 1, new float[512]);

        assertThrows(IllegalArgumentException.class, () -> new AnatomicalBrats(empty, 1));
    }
}
