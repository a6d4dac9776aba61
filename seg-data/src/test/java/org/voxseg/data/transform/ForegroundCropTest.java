package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.Volume;

class ForegroundCropTest {

    @Test
    void findsTheBrainOfARealScan() throws Exception {
        Path ch2bet = Path.of(Objects.requireNonNull(getClass().getResource("/nifti/ch2bet.nii.gz")).toURI());
        Volume brain = NiftiReader.read(ch2bet).volume();

        Crop box = ForegroundCrop.above(0, 0).boxOf(brain);

        // numpy: np.argwhere(data > 0).min(0) = [18 19 4], .max(0) = [161 198 155]
        assertArrayEquals(new int[] {18, 19, 4}, box.start().toArray());
        assertArrayEquals(new int[] {144, 180, 152}, box.size().toArray());
    }

    @Test
    void anyChannelCountsAndTheMarginStaysInside() {
        float[] data = new float[2 * 10 * 10 * 10];
        data[3 + 10 * (4 + 10 * 5)] = 7;              // channel 0, voxel (3, 4, 5)
        data[1000 + 8 + 10 * (1 + 10 * 9)] = 2;       // channel 1, voxel (8, 1, 9)
        Volume image = Volume.wrap(Geometry.of(new Extent(10, 10, 10), Affine.identity()), 2, data);

        Crop box = ForegroundCrop.above(0, 2).boxOf(image);

        assertArrayEquals(new int[] {1, 0, 3}, box.start().toArray());
        assertArrayEquals(new int[] {9, 7, 7}, box.size().toArray());
    }

    @Test
    void percentileThresholdIsPerChannel() {
        Volume ramp = Volumes.of(new int[] {10, 1, 1}, Affine.identity(), (i, j, k) -> i);

        // the 50th percentile of 0..9 is 4.5: voxels 5..9 are foreground
        Crop box = ForegroundCrop.abovePercentile(50, 0).boxOf(ramp);

        assertArrayEquals(new int[] {5, 0, 0}, box.start().toArray());
        assertArrayEquals(new int[] {5, 1, 1}, box.size().toArray());
    }

    @Test
    void noForegroundKeepsEverything() throws IOException {
        Volume empty = Volumes.of(new int[] {4, 3, 2}, Affine.identity(), (i, j, k) -> 0);

        Crop box = ForegroundCrop.above(0, 1).boxOf(empty);

        assertArrayEquals(new int[] {0, 0, 0}, box.start().toArray());
        assertArrayEquals(new int[] {4, 3, 2}, box.size().toArray());
    }
}
