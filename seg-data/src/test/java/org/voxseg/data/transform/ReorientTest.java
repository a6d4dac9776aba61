package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxseg.data.transform.JsonVectors.affine;
import static org.voxseg.data.transform.JsonVectors.floats;
import static org.voxseg.data.transform.JsonVectors.ints;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/**
 * {@link Reorient} against MONAI 1.4's {@code Orientation} as make_orientation_vectors.py computes it with nibabel's
 * orientation functions: values, shape and affine, and the exact way back.
 */
class ReorientTest {

    private static JsonNode vectors() throws IOException {
        return JsonVectors.read("/transform/orientation_vectors.json");
    }





    @Test
    void everyVectorOfMonaisOrientationIsReproducedAndUndone() throws IOException {
        JsonNode cases = vectors();
        assertEquals(3, cases.size());
        for (JsonNode vector : cases) {
            String name = vector.get("name").asText();
            Geometry geometry = Geometry.of(Extent.of(ints(vector.get("shape"))), affine(vector.get("affine")));
            Volume image = Volume.wrap(geometry, 1, floats(vector.get("image")));
            Reorient step = Reorient.to(geometry, vector.get("codes").asText());

            Volume reoriented = step.apply(image, Interpolation.LINEAR);

            assertEquals(vector.get("codes").asText(), reoriented.geometry().axisCodes(), name);
            assertArrayEquals(ints(vector.get("reoriented_shape")), reoriented.geometry().shape().toArray(), name);
            assertTrue(affine(vector.get("reoriented_affine")).maxAbsDifference(reoriented.geometry().affine())
                    < 1e-9, name + ": " + reoriented.geometry().affine());
            assertArrayEquals(floats(vector.get("reoriented")), reoriented.toArray(), name);
            assertArrayEquals(image.toArray(), step.invert(reoriented, geometry, Interpolation.LINEAR).toArray(),
                    name);
        }
    }

    @Test
    void aCaseAlreadyInTheCodesIsLeftAsItIs() {
        assertTrue(Reorient.to(Geometry.of(new Extent(2, 2, 2), Affine.diagonal(1, 2, 3)), "RAS").isIdentity());
    }

    @Test
    void codesThatDoNotNameEachWorldAxisOnceAreRefused() {
        assertTrue(Reorient.isValid("PIL"));
        for (String codes : new String[] {"RAR", "RA", "XYZ", "rAS"}) {
            assertTrue(!Reorient.isValid(codes), codes);
            assertThrows(IllegalArgumentException.class, () -> Reorient.to(Geometry.of(new Extent(2, 2, 2),
                    Affine.identity()), codes), codes);
        }
    }
}
