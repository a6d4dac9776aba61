package org.voxseg.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

class PatchSamplerTest {

    private static final Geometry GRID = Geometry.of(new Extent(20, 16, 12), Affine.identity());

    /** Image channel c holds voxel index + c * 10000; labels hold voxel index, except where marked. */
    static SamplingCase rampCase(int foregroundVoxel) {
        int voxels = GRID.voxelCount();
        float[] image = new float[2 * voxels];
        float[] labels = new float[voxels];
        for (int v = 0; v < voxels; v++) {
            image[v] = v;
            image[voxels + v] = v + 10000;
        }
        if (foregroundVoxel >= 0) {
            labels[foregroundVoxel] = 1;
        }
        return new SamplingCase("ramp", Volume.wrap(GRID, 2, image), Volume.wrap(GRID, 1, labels));
    }

    @Test
    void patchesAreContiguousBoxesOfEveryChannel() {
        Patch patch = new PatchSampler(new int[] {5, 4, 3}, 0).sample(rampCase(-1), new Random(3));

        float origin = patch.image()[0];
        int i0 = (int) origin % 20;
        int j0 = (int) origin / 20 % 16;
        int k0 = (int) origin / 320;
        assertTrue(i0 <= 15 && j0 <= 12 && k0 <= 9, "the box lies inside the volume");
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 5; i++) {
                    int v = i + 5 * (j + 4 * k);
                    float expected = (i0 + i) + 20 * ((j0 + j) + 16 * (k0 + k));
                    assertEquals(expected, patch.image()[v]);
                    assertEquals(expected + 10000, patch.image()[60 + v]);
                }
            }
        }
    }

    @Test
    void foregroundPatchesContainTheForeground() {
        int voxel = 19 + 20 * (0 + 16 * 11);  // the corner (19, 0, 11)
        PatchSampler sampler = new PatchSampler(new int[] {6, 6, 6}, 1);
        Random random = new Random(1);

        for (int n = 0; n < 50; n++) {
            Patch patch = sampler.sample(rampCase(voxel), random);
            float sum = 0;
            for (float label : patch.labels()) {
                sum += label;
            }
            assertEquals(1, sum, "patch " + n + " holds the single foreground voxel");
        }
    }

    @Test
    void withoutOversamplingTheForegroundIsRarelyHit() {
        int voxel = 19 + 20 * (0 + 16 * 11);
        PatchSampler sampler = new PatchSampler(new int[] {6, 6, 6}, 0);
        Random random = new Random(1);
        int hits = 0;
        for (int n = 0; n < 200; n++) {
            for (float label : sampler.sample(rampCase(voxel), random).labels()) {
                hits += (int) label;
            }
        }
        // a corner voxel lies in 1 of 15 * 11 * 7 possible boxes
        assertTrue(hits < 20, hits + " of 200 random patches hit the corner");
    }

    @Test
    void aRareClassIsCentredOnAboutAsOftenAsACommonOne() {
        float[] labels = new float[GRID.voxelCount()];
        for (int v = 0; v < 1000; v++) {
            labels[v] = 1;
        }
        labels[3000] = 2;
        SamplingCase source = new SamplingCase("rare", Volume.wrap(GRID, 1, new float[GRID.voxelCount()]),
                Volume.wrap(GRID, 1, labels));
        // a one-voxel patch is the voxel it is centred on
        PatchSampler sampler = new PatchSampler(new int[] {1, 1, 1}, 1);
        Random random = new Random(7);
        int rare = 0;
        for (int n = 0; n < 2000; n++) {
            rare += sampler.sample(source, random).labels()[0] == 2 ? 1 : 0;
        }

        assertTrue(rare > 850 && rare < 1150, rare + " of 2000 patches centred on the one voxel of label 2");
    }

    @Test
    void aPatchOfTheVolumesSizeIsTheWholeVolume() {
        SamplingCase whole = rampCase(5);

        Patch patch = new PatchSampler(GRID.shape().toArray(), 0.5).sample(whole, new Random(0));

        assertArrayEquals(whole.image().toArray(), patch.image());
        assertArrayEquals(whole.labels().toVolume().toArray(), patch.labels());
    }

    @Test
    void refusesACaseSmallerThanThePatch() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PatchSampler(new int[] {32, 8, 8}, 0).sample(rampCase(-1), new Random(0)));
        assertEquals("case ramp (20x16x12) is smaller than the patch [32, 8, 8]", error.getMessage());
    }
}
