package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxseg.data.transform.JsonVectors.affine;
import static org.voxseg.data.transform.JsonVectors.doubles;
import static org.voxseg.data.transform.JsonVectors.floats;
import static org.voxseg.data.transform.JsonVectors.ints;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.volume.Volume;

/**
 * {@link SpacingResample} against MONAI 1.4's {@code Spacing} and its inverse, as make_spacing_vectors.py writes
 * them out with PyTorch's {@code grid_sample}: shapes, affines and values, for each of MONAI's keys voxseg reads.
 */
class SpacingResampleTest {

    private static final double VALUE_TOLERANCE = 1e-3;
    private static final double AFFINE_TOLERANCE = 1e-9;

    private static List<JsonNode> vectors() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        JsonVectors.read("/transform/spacing_vectors.json").forEach(cases::add);
        return cases;
    }





    private static double largestDifference(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i] - actual[i]));
        }
        return largest;
    }

    @Test
    void everyVectorOfMonaisSpacingAndItsInverseIsReproduced() throws IOException {
        List<JsonNode> cases = vectors();
        assertEquals(6, cases.size());
        for (JsonNode vector : cases) {
            String name = vector.get("name").asText();
            Geometry geometry = Geometry.of(Extent.of(ints(vector.get("shape"))), affine(vector.get("affine")));
            SpacingGrid grid = new SpacingGrid(vector.get("scale_extent").asBoolean(),
                    vector.get("mode").asText().equals("nearest") ? Interpolation.NEAREST : Interpolation.LINEAR,
                    vector.get("align_corners").asBoolean(), vector.get("nearest_interp").asBoolean());
            SpacingResample step = SpacingResample.of(geometry, Spacing.of(doubles(vector.get("pixdim"))), grid);
            Volume image = Volume.wrap(geometry, 2, floats(vector.get("image")));

            Volume resampled = step.apply(image, Interpolation.LINEAR);

            assertArrayEquals(ints(vector.get("resampled_shape")), resampled.geometry().shape().toArray(), name);
            assertTrue(affine(vector.get("resampled_affine")).maxAbsDifference(resampled.geometry().affine())
                    < AFFINE_TOLERANCE, name + ": " + resampled.geometry().affine());
            double forward = largestDifference(floats(vector.get("resampled")), resampled.toArray());
            assertTrue(forward < VALUE_TOLERANCE, name + ": resampled values differ by " + forward);
            double inverse = largestDifference(floats(vector.get("inverted")), step.invert(resampled, geometry,
                    Interpolation.LINEAR).toArray());
            assertTrue(inverse < VALUE_TOLERANCE, name + ": inverted values differ by " + inverse);
        }
    }

    @Test
    void monaisGridIsNotVoxsegsOwn() {
        Geometry geometry = Geometry.of(new Extent(9, 8, 6), Affine.diagonal(1.2, 0.9, 2.5));
        Spacing target = new Spacing(1.5, 1.5, 2.0);
        SpacingResample monai = SpacingResample.of(geometry, target, new SpacingGrid(false, Interpolation.LINEAR,
                false, false));
        assertArrayEquals(new int[] {7, 5, 7}, monai.shape().toArray());
        assertArrayEquals(new int[] {7, 5, 8}, Resample.toSpacing(geometry, target).shape().toArray());
        assertFalse(monai.isIdentity(geometry));
        assertTrue(SpacingResample.of(geometry, new Spacing(1.2, 0.9, 2.5), monai.grid()).isIdentity(geometry));
    }

    @Test
    void aShearedFileIsRefused() {
        Affine sheared = Affine.fromRows(new double[] {1, 0.5, 0, 0}, new double[] {0, 1, 0, 0},
                new double[] {0, 0, 1, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpacingResample.of(
                Geometry.of(new Extent(4, 4, 4), sheared), new Spacing(2, 2, 2), new SpacingGrid(false,
                        Interpolation.LINEAR, false, true)));
        assertTrue(e.getMessage().contains("not at right angles"), e.getMessage());
    }
}
