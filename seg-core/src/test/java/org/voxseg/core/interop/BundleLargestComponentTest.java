package org.voxseg.core.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.data.label.ConnectedComponents.Connectivity;
import org.voxseg.data.label.Postprocessing;

/**
 * A bundle's {@code KeepLargestConnectedComponentd} becomes the imported model's postprocessing, computing what MONAI
 * 1.4's {@code KeepLargestConnectedComponent} computes on a label map.
 */
class BundleLargestComponentTest {

    /** The fixture's sigmoid and threshold made an arg-max over its 3 outputs: labels 1 and 2. */
    private static final String[] ARGMAX = {"\"_target_\": \"Activationsd\",\n        \"keys\": \"pred\",\n        "
            + "\"sigmoid\": true", "\"_target_\": \"Identityd\",\n        \"keys\": \"pred\"", "\"threshold\": 0.5",
        "\"argmax\": true}, {\"_target_\": \"KeepLargestConnectedComponentd\", \"keys\": \"pred\""};

    private static final int[] SHAPE = {9, 5, 2};

    /**
     * A 9 x 5 x 2 label map's components, as (x, y, z) triples: label 1 in A (3 voxels), B (2, touching A only at a
     * corner) and E (4); label 2 in C (4, sharing faces with B) and F (5). Nothing else touches.
     */
    private static final int[] A = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    private static final int[] B = {2, 1, 1, 2, 2, 1};
    private static final int[] C = {3, 1, 1, 3, 2, 1, 3, 3, 1, 2, 3, 1};
    private static final int[] E = {7, 0, 0, 8, 0, 0, 7, 1, 0, 8, 1, 0};
    private static final int[] F = {5, 4, 0, 6, 4, 0, 7, 4, 0, 8, 4, 0, 8, 4, 1};

    @TempDir
    Path dir;

    /** The fixture bundle as an arg-max followed by a KeepLargestConnectedComponentd with {@code settings}. */
    private ModelDescription keeping(String settings) throws IOException {
        return edited(ARGMAX[0], ARGMAX[1], ARGMAX[2], ARGMAX[3] + settings);
    }

    private ModelDescription edited(String... fromTo) throws IOException {
        return InteropFixtures.editedBundle(dir, fromTo);
    }

    /** The label map of A, B, C, E and F, x fastest. */
    private static float[] labelMap() {
        float[] values = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
        for (int[] v : List.of(A, B, E)) {
            set(values, v, 1);
        }
        for (int[] v : List.of(C, F)) {
            set(values, v, 2);
        }
        return values;
    }

    private static void set(float[] values, int[] voxels, int label) {
        for (int i = 0; i < voxels.length; i += 3) {
            values[voxels[i] + SHAPE[0] * (voxels[i + 1] + SHAPE[1] * voxels[i + 2])] = label;
        }
    }

    /** The label map with only the components {@code kept} (of A, B, C, E, F) left. */
    private static float[] only(int[]... kept) {
        float[] all = labelMap();
        float[] expected = new float[all.length];
        for (int[] component : kept) {
            for (int i = 0; i < component.length; i += 3) {
                int at = component[i] + SHAPE[0] * (component[i + 1] + SHAPE[1] * component[i + 2]);
                expected[at] = all[at];
            }
        }
        return expected;
    }

    private static float[] applied(ModelDescription description) {
        float[] values = labelMap();
        description.postprocessing().postprocessing().apply(values, SHAPE);
        return values;
    }

    /**
     * MONAI's semantics, by hand (checked against get_largest_connected_component_mask written out with scipy's
     * label): with faces only, label 1's largest is E (4 > 3 > 2) and label 2's F (5 > 4), while the union of 1 and
     * 2 has B+C (6) largest; with corners, A+B (5) beats E and the union's A+B+C (9) beats F.
     */
    @Test
    void componentsAreKeptAsMonaiKeepsThem() throws IOException {
        assertArrayEquals(only(E, F), applied(keeping(", \"connectivity\": 1")));
        assertArrayEquals(only(B, C), applied(keeping(", \"connectivity\": 1, \"independent\": false")));
        assertArrayEquals(only(A, B, F), applied(keeping("")));
        assertArrayEquals(only(A, B, F), applied(keeping(", \"connectivity\": 3, \"applied_labels\": [1, 2]")));
        assertArrayEquals(only(A, B, C), applied(keeping(", \"connectivity\": null, \"independent\": false")));
        assertArrayEquals(only(A, B, C, F), applied(keeping(", \"applied_labels\": 1")));
    }

    @Test
    void theTransformBecomesTheModelsPostprocessingAndTravelsInModelJson() throws IOException {
        ModelDescription description = keeping(", \"applied_labels\": [2, 1], \"connectivity\": 1");
        Postprocessing steps = description.postprocessing().postprocessing();

        assertEquals("the bundle's KeepLargestConnectedComponentd", description.postprocessing().decidedOn());
        assertEquals(Connectivity.FACES, steps.connectivity());
        assertEquals("keep the largest component of label 2; keep the largest component of label 1",
                steps.describe());
        assertEquals("keep the largest component of labels 1+2", keeping(", \"independent\": false")
                .postprocessing().postprocessing().describe());
        Path file = dir.resolve("model.json");
        ConfigJson.write(file, description);
        assertEquals(description.postprocessing(), ModelDescription.read(file).postprocessing());
        assertNull(edited(ARGMAX[0], ARGMAX[1], "\"threshold\": 0.5", "\"argmax\": true").postprocessing());
    }

    @Test
    void whatVoxsegDoesNotReproduceIsRefusedByName() {
        String key = "configs/inference.json: 'postprocessing.KeepLargestConnectedComponentd";
        List<List<String>> cases = List.of(
                List.of(", \"connectivity\": 2", key + ".connectivity' 2 (18 neighbours) is not supported"),
                List.of(", \"connectivity\": 4", key + ".connectivity' should be 1, 3 or null in 3-D, not 4"),
                List.of(", \"num_components\": 2", key + ".num_components' is 2; voxseg keeps 1 component"),
                List.of(", \"is_onehot\": true", key + ".is_onehot' is not supported"),
                List.of(", \"applied_labels\": [1, 3]", key + ".applied_labels' has 3, not a label of the model "
                        + "[1, 2]"),
                List.of(", \"applied_labels\": [0]", key + ".applied_labels' should be distinct labels above 0"),
                List.of(", \"fill_holes\": true", key + "' has fill_holes, which voxseg does not reproduce"));
        for (List<String> edit : cases) {
            Exception refused = assertThrows(Exception.class, () -> keeping(edit.get(0)), edit.get(0));
            assertTrue(refused.getMessage().contains(edit.get(1)), refused.getMessage());
        }
    }

    @Test
    void componentsOfWhatIsNotYetALabelMapAreRefusedByName() {
        String keep = "{\"_target_\": \"KeepLargestConnectedComponentd\", \"keys\": \"pred\"},\n      ";
        String invert = "{\n        \"_target_\": \"Invertd\"";
        Exception early = assertThrows(Exception.class, () -> edited(invert, keep + invert));
        assertTrue(early.getMessage().endsWith("'postprocessing.KeepLargestConnectedComponentd' before the outputs "
                + "are a label map is not supported (voxseg keeps components of labels: after AsDiscreted, or the "
                + "label-decoding Lambdad)"), early.getMessage());
        Exception channels = assertThrows(Exception.class, () -> edited("\"threshold\": 0.5", "\"threshold\": 0.5}, "
                + "{\"_target_\": \"KeepLargestConnectedComponentd\", \"keys\": \"pred\""));
        assertTrue(channels.getMessage().contains("before the outputs are a label map"), channels.getMessage());
    }

    @Test
    void componentsKeptBeforeInvertdInABundleThatPadsAreRefusedByName() throws IOException {
        String invert = "{\n        \"_target_\": \"Invertd\"";
        String early = "{\"_target_\": \"AsDiscreted\", \"keys\": \"pred\", \"argmax\": true}, {\"_target_\": "
                + "\"KeepLargestConnectedComponentd\", \"keys\": \"pred\"},\n      " + invert;
        String encode = "{\n        \"_target_\": \"EnsureTyped\"";
        assertEquals("keep the largest component of label 1; keep the largest component of label 2", edited(ARGMAX[0],
                ARGMAX[1], "\"threshold\": 0.5", "\"argmax\": true", invert, early).postprocessing().postprocessing()
                .describe());
        Exception padded = assertThrows(Exception.class, () -> edited(ARGMAX[0], ARGMAX[1], "\"threshold\": 0.5",
                "\"argmax\": true", invert, early, encode, "{\"_target_\": \"DivisiblePadd\", \"keys\": \"image\", "
                + "\"k\": 8},\n" + encode));
        assertTrue(padded.getMessage().endsWith("'postprocessing.KeepLargestConnectedComponentd' before Invertd in a "
                + "bundle that pads is not supported: MONAI would count components on the padded grid, voxseg counts "
                + "them on the case's"), padded.getMessage());
    }

    @Test
    void theBratsLabelDecodingGivesTheLabelsAndASingleSigmoidOutputNeedsThemGiven() throws IOException {
        String lambda = "\"threshold\": 0.5}, {\"_target_\": \"Lambdad\", \"keys\": \"pred\", \"func\": \"$lambda x: "
                + "torch.where(x[[2]] > 0, 4, torch.where(x[[0]] > 0, 1, torch.where(x[[1]] > 0, 2, 0)))\"}, "
                + "{\"_target_\": \"KeepLargestConnectedComponentd\", \"keys\": \"pred\"";
        assertEquals("keep the largest component of label 1; keep the largest component of label 2; keep the "
                + "largest component of label 4", edited("\"threshold\": 0.5", lambda).postprocessing()
                .postprocessing().describe());

        Path bundle = InteropFixtures.bundleCopy(Files.createTempDirectory(dir, "single"));
        Path metadata = bundle.resolve("configs/metadata.json");
        Files.writeString(metadata, Files.readString(metadata).replace("\"num_channels\": 3", "\"num_channels\": 1")
                .replace("\"0\": \"TC\"", "\"0\": \"tumour\""));
        Path inference = bundle.resolve("configs/inference.json");
        String text = Files.readString(inference);
        String keep = "\"threshold\": 0.5}, {\"_target_\": \"KeepLargestConnectedComponentd\", \"keys\": \"pred\"";
        Files.writeString(inference, text.replace("\"threshold\": 0.5", keep));
        Exception unnamed = assertThrows(Exception.class, () -> MonaiBundle.read(bundle));
        assertTrue(unnamed.getMessage().endsWith("'postprocessing.KeepLargestConnectedComponentd' needs applied_labels "
                + "here: the labels of sigmoid outputs are given at import (--regions), not by the bundle"),
                unnamed.getMessage());
        Files.writeString(inference, text.replace("\"threshold\": 0.5", keep + ", \"applied_labels\": 1"));
        assertEquals("keep the largest component of label 1", MonaiBundle.read(bundle).outputs(OutputLabels
                .parseRegions("tumour=1")).build().description().postprocessing().postprocessing().describe());
        Exception other = assertThrows(IllegalArgumentException.class, () -> MonaiBundle.read(bundle)
                .outputs(OutputLabels.parseRegions("tumour=2")).build());
        assertTrue(other.getMessage().endsWith("postprocessing: 'keep the largest component of label 1' names label 1, "
                + "which the outputs do not give [2]"), other.getMessage());
    }
}
