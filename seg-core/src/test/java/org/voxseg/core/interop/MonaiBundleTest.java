package org.voxseg.core.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.PreprocessingConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.prediction.BlendMode;
import org.voxseg.core.prediction.BlendedValues;
import org.voxseg.core.prediction.WindowPadding;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.transform.IntensityNormalization;
import org.voxseg.data.transform.IntensityScaling;
import org.voxseg.data.transform.Interpolation;
import org.voxseg.data.transform.Normalization;
import org.voxseg.data.transform.Pad;
import org.voxseg.data.transform.SpacingGrid;
import org.voxseg.data.volume.Volume;

/** What {@link MonaiBundle} makes of a bundle's inference.json, without loading its model. */
class MonaiBundleTest {

    @TempDir
    Path dir;

    /** The fixture bundle with each text of {@code fromTo}'s pairs replaced by the next in its inference.json. */
    private ModelDescription edited(String... fromTo) throws IOException {
        return InteropFixtures.editedBundle(dir, fromTo);
    }

    /** As {@link #edited}, for metadata.json. */
    private ModelDescription editedMetadata(String from, String to) throws IOException {
        Path bundle = InteropFixtures.bundleCopy(Files.createTempDirectory(dir, "metadata"));
        Path metadata = bundle.resolve("configs/metadata.json");
        String text = Files.readString(metadata);
        assertTrue(text.contains(from), from);
        Files.writeString(metadata, text.replace(from, to));
        return MonaiBundle.read(bundle).build().description();
    }

    @Test
    void valuesThatWouldFailEveryPredictionAreRefusedNamingTheFileAndKey() {
        String scaling = "{\"_target_\": \"ScaleIntensityRanged\", \"keys\": \"image\", \"a_min\": 5, \"a_max\": 5},\n"
                + "{\n        \"_target_\": \"NormalizeIntensityd\"";
        String normalize = "{\n        \"_target_\": \"NormalizeIntensityd\"";
        List<List<String>> cases = List.of(
                List.of("\"overlap\": 0.5", "\"overlap\": 1", "'inferer.overlap' should be at least 0 and below 1"),
                List.of("\"overlap\": 0.5", "\"overlap\": -0.5", "'inferer.overlap' should be at least 0"),
                List.of("\"mode\": \"gaussian\"", "\"mode\": \"gaussian\", \"sigma_scale\": -1",
                        "'inferer.sigma_scale' should be positive"),
                List.of("\"sw_batch_size\": 1", "\"sw_batch_size\": 0", "'inferer.sw_batch_size' window batch 0"),
                List.of("\"sw_batch_size\": 1", "\"sw_batch_size\": 2000000000",
                        "'inferer.sw_batch_size' window batch 2000000000"),
                List.of(normalize, scaling, "'preprocessing.ScaleIntensityRanged.a_max' equals a_min"),
                List.of(normalize, "{\"_target_\": \"CropForegroundd\", \"keys\": \"image\", \"margin\": -2},\n"
                        + normalize, "'preprocessing.CropForegroundd.margin' should not be negative"),
                List.of(normalize, "{\"_target_\": \"Spacingd\", \"keys\": \"image\", \"pixdim\": [1e-9, 1, 1]},\n"
                        + normalize, "'preprocessing.Spacingd.pixdim' spacing 1.0E-9"),
                List.of(normalize, "{\"_target_\": \"Spacingd\", \"keys\": \"image\", \"pixdim\": [0, 1, 1]},\n"
                        + normalize, "'preprocessing.Spacingd.pixdim' spacing 0.0"),
                List.of(normalize, "{\"_target_\": \"Spacingd\", \"keys\": \"image\", \"pixdim\": [1, 1, 1], "
                        + "\"padding_mode\": \"zeros\"},\n" + normalize,
                        "'preprocessing.Spacingd.padding_mode' 'zeros' is not supported"),
                List.of("\"_target_\": \"EnsureTyped\"", "\"_target_\": \"$monai.transforms.EnsureTyped\"",
                        "'preprocessing._target_' '$monai.transforms.EnsureTyped' is not a class name"));
        for (List<String> edit : cases) {
            ConfigException refused = assertThrows(ConfigException.class, () -> edited(edit.get(0), edit.get(1)),
                    edit.get(1));
            assertTrue(refused.getMessage().contains("configs/inference.json: " + edit.get(2)),
                    refused.getMessage());
        }
    }

    @Test
    void channelCountsAndNamesThatCannotBeCasesAreRefusedBeforeAnythingIsAllocated() {
        List<List<String>> cases = List.of(
                List.of("\"num_channels\": 4", "\"num_channels\": 2000000000",
                        "'network_data_format.inputs.num_channels' 2000000000 channels: give between 1 and 256"),
                List.of("\"num_channels\": 4", "\"num_channels\": 2e9",
                        "'network_data_format.inputs.num_channels' should be a whole number"),
                List.of("\"1\": \"t1\"", "\"1\": \"flair\"", "'network_data_format.inputs.channel_def' channel name "
                        + "'flair' is given twice"),
                List.of("\"1\": \"t1\"", "\"1\": \"../t1\"", "'network_data_format.inputs.channel_def' channel name "
                        + "'../t1' is not a file suffix"),
                List.of("\"1\": \"t1\"", "\"1\": \"\"", "'network_data_format.inputs.channel_def' channel name '' "
                        + "is not a file suffix"));
        for (List<String> edit : cases) {
            ConfigException refused = assertThrows(ConfigException.class, () -> editedMetadata(edit.get(0),
                    edit.get(1)), edit.get(1));
            assertTrue(refused.getMessage().contains("configs/metadata.json: " + edit.get(2)), refused.getMessage());
        }
    }

    @Test
    void theFixtureReadsAsMonaiWroteIt() throws IOException {
        ModelDescription description = MonaiBundle.read(InteropFixtures.bundle()).build().description();
        PreprocessingConfig preprocessing = description.preprocessing();
        assertEquals(Normalization.Kind.ZSCORE_NONZERO, preprocessing.normalization());
        assertTrue(preprocessing.channelWise() && !preprocessing.cropForeground());
        assertEquals(BlendMode.GAUSSIAN, description.prediction().mode());
        assertEquals(BlendedValues.OUTPUTS, description.prediction().blend());
        assertEquals(0.5, description.prediction().overlap());
        assertEquals(InteropFixtures.CHANNELS, description.channels());
    }

    @Test
    void scalingSpacingAndCropBecomeVoxsegsPreprocessing() throws IOException {
        ModelDescription description = edited("{\n        \"_target_\": \"NormalizeIntensityd\"",
                "{\"_target_\": \"CropForegroundd\", \"keys\": \"image\", \"source_key\": \"image\", "
                        + "\"margin\": 2},\n"
                        + "{\"_target_\": \"Spacingd\", \"keys\": \"image\", \"pixdim\": [1.5, 1.5, 2.0], "
                        + "\"mode\": \"bilinear\"},\n"
                        + "{\"_target_\": \"monai.transforms.ScaleIntensityRanged\", \"keys\": \"image\", "
                        + "\"a_min\": -57, \"a_max\": 164, \"b_min\": 0.0, \"b_max\": 1.0, \"clip\": true},\n"
                        + "{\"_target_\": \"NormalizeIntensityd\"");
        PreprocessingConfig preprocessing = description.preprocessing();
        assertEquals(new IntensityScaling(-57, 164, 0, 1, true), preprocessing.scaleIntensityRange());
        assertArrayEquals(new double[] {1.5, 1.5, 2.0}, preprocessing.targetSpacing().toArray());
        assertEquals(new SpacingGrid(false, Interpolation.LINEAR, false, true), preprocessing.spacingGrid());
        assertTrue(preprocessing.cropForeground());
        assertEquals(2, preprocessing.cropMargin());
        Path written = dir.resolve("model.json");
        ConfigJson.write(written, description);
        assertEquals(preprocessing, ModelDescription.read(written).preprocessing());
    }

    @Test
    void spacingdsKeysAndInvertdsNearestInterpChooseMonaisGrid() throws IOException {
        PreprocessingConfig preprocessing = edited("{\n        \"_target_\": \"NormalizeIntensityd\"",
                "{\"_target_\": \"Spacingd\", \"keys\": [\"image\"], \"pixdim\": [1.5, 1.5, 2.0], \"mode\": "
                        + "[\"nearest\"], \"scale_extent\": \"True\", \"align_corners\": true},\n"
                        + "{\"_target_\": \"NormalizeIntensityd\"", "\"orig_keys\": \"image\"",
                "\"orig_keys\": \"image\", \"nearest_interp\": false").preprocessing();
        assertEquals(new SpacingGrid(true, Interpolation.NEAREST, true, false), preprocessing.spacingGrid());
    }

    @Test
    void pythonsTruthOfStringsIsFollowedWhereItIsPlain() throws IOException {
        assertEquals(Normalization.Kind.ZSCORE_NONZERO, edited("\"nonzero\": true", "\"nonzero\": \"True\"")
                .preprocessing().normalization());
        assertEquals(Normalization.Kind.ZSCORE, edited("\"nonzero\": true", "\"nonzero\": 0")
                .preprocessing().normalization());
        ConfigException refused = assertThrows(ConfigException.class, () -> edited("\"nonzero\": true",
                "\"nonzero\": \"False\""));
        assertTrue(refused.getMessage().endsWith("'preprocessing.NormalizeIntensityd.nonzero' is the string 'False', "
                + "which Python takes as true although it reads as false; write true or false"), refused.getMessage());
    }

    @Test
    void theBratsBundlesLabelDecodingAndOutputNamesGiveItsRegions() throws IOException {
        String lambda = "{\"_target_\": \"Lambdad\", \"keys\": \"pred\", \"func\": \"$lambda x: "
                + "torch.where(x[[2]] > 0, 4, torch.where(x[[0]] > 0, 1, torch.where(x[[1]] > 0, 2, 0)))\"},\n      "
                + "{\n        \"_target_\": \"SaveImaged\"";
        Path bundle = InteropFixtures.bundleCopy(Files.createTempDirectory(dir, "brats"));
        Path metadata = bundle.resolve("configs/metadata.json");
        Files.writeString(metadata, Files.readString(metadata).replace("\"TC\"", "\"Tumor core\"")
                .replace("\"WT\"", "\"Whole tumor\"").replace("\"ET\"", "\"enhancing tumour\""));
        Path inference = bundle.resolve("configs/inference.json");
        String text = Files.readString(inference);
        Files.writeString(inference, text.replace("{\n        \"_target_\": \"SaveImaged\"", lambda));

        ModelDescription description = MonaiBundle.read(bundle).build().description();

        assertEquals(List.of("WT", "TC", "ET"), description.outputNames());
        assertEquals(List.of(2, 1, 4), description.labels());
        assertEquals(List.of(1, 0, 2), description.torchscript().outputChannels());
        String save = "{\n        \"_target_\": \"SaveImaged\"";
        Files.writeString(inference, text.replace(save, lambda.replace("x[[2]] > 0, 4", "x[[2]] > 0, 1")
                .replace("x[[0]] > 0, 1", "x[[0]] > 0, 4")));
        ConfigException swapped = assertThrows(ConfigException.class, () -> MonaiBundle.read(bundle));
        assertTrue(swapped.getMessage().endsWith("'postprocessing.Lambdad.func' decodes ET as labels [1], not BraTS's "
                + "[4]"), swapped.getMessage());
        Files.writeString(inference, text.replace("{\n        \"_target_\": \"SaveImaged\"", lambda.replace("> 0, 2, 0",
                "> 0.5, 2, 0")));
        ConfigException other = assertThrows(ConfigException.class, () -> MonaiBundle.read(bundle));
        assertTrue(other.getMessage().contains("'postprocessing.Lambdad.func' '$lambda x: torch.where(x[[2]] > 0, 4,"
                + " torch.where(x[[0]] > 0, 1, torch.where(x[[1]] > 0.5, 2, 0)))' is not a label decoding voxseg "
                + "recognises"), other.getMessage());
    }

    @Test
    void anArgmaxWithNoActivationDecodesClasses() throws IOException {
        ModelDescription description = edited("\"_target_\": \"Activationsd\",\n        \"keys\": \"pred\",\n        "
                + "\"sigmoid\": true", "\"_target_\": \"Identityd\",\n        \"keys\": \"pred\"", "\"threshold\": 0.5",
                "\"argmax\": \"true\"");
        assertEquals(OutputActivation.SOFTMAX, description.outputActivation());
        assertEquals(List.of("tc", "wt", "et"), description.outputNames());
        assertEquals(List.of(1, 2), description.labels());
    }

    @Test
    void aYamlPredictionConfigReadsAsItsJson() throws IOException {
        Path bundle = InteropFixtures.bundleCopy(Files.createTempDirectory(dir, "yaml"));
        Files.delete(bundle.resolve("configs/inference.json"));
        Files.copy(InteropFixtures.folder().resolve("inference.yaml"), bundle.resolve("configs/inference.yaml"));
        ModelDescription json = MonaiBundle.read(InteropFixtures.bundle()).build().description();

        ModelDescription yaml = MonaiBundle.read(bundle).build().description();

        assertEquals(json.preprocessing(), yaml.preprocessing());
        assertEquals(json.prediction(), yaml.prediction());
        assertEquals(json.outputNames(), yaml.outputNames());
        assertEquals(Normalization.Kind.ZSCORE_NONZERO, yaml.preprocessing().normalization());
        Files.writeString(bundle.resolve("configs/inference.yaml"), "inferer: [unclosed");
        ConfigException broken = assertThrows(ConfigException.class, () -> MonaiBundle.read(bundle));
        assertTrue(broken.getMessage().startsWith(bundle.resolve("configs/inference.yaml") + ": not valid YAML"),
                broken.getMessage());
    }

    @Test
    void transformsListedInAnotherOrderThanVoxsegAppliesThemAreRefusedByName() {
        String normalize = "{\n        \"_target_\": \"NormalizeIntensityd\"";
        String scale = "{\"_target_\": \"ScaleIntensityRanged\", \"keys\": \"image\", \"a_min\": 0, \"a_max\": 9},\n";
        String crop = "{\"_target_\": \"CropForegroundd\", \"keys\": \"image\"},\n";
        String spacing = "{\"_target_\": \"Spacingd\", \"keys\": \"image\", \"pixdim\": [1, 1, 1]},\n";
        List<List<String>> cases = List.of(List.of(scale + crop, "'preprocessing.CropForegroundd' after "
                + "ScaleIntensityRanged"), List.of(spacing + crop, "'preprocessing.CropForegroundd' after Spacingd"),
                List.of(scale + spacing, "'preprocessing.Spacingd' after ScaleIntensityRanged"));
        for (List<String> order : cases) {
            ConfigException refused = assertThrows(ConfigException.class, () -> edited(normalize, order.get(0)
                    + normalize));
            assertTrue(refused.getMessage().contains(order.get(1) + " is not supported: voxseg applies them in the "
                    + "order"), refused.getMessage());
        }
        String invert = "{\n        \"_target_\": \"Invertd\"";
        String threshold = "{\n        \"_target_\": \"AsDiscreted\",\n        \"keys\": \"pred\",\n        "
                + "\"threshold\": 0.5\n      },\n      ";
        ConfigException labels = assertThrows(ConfigException.class, () -> edited(normalize, spacing + normalize,
                threshold, "", invert, threshold + invert));
        assertTrue(labels.getMessage().endsWith("'postprocessing.Invertd' after AsDiscreted is not supported: MONAI "
                + "would resample the labels back, voxseg resamples the probabilities and decodes them after"),
                labels.getMessage());
        ConfigException late = assertThrows(ConfigException.class, () -> edited("\"channel_wise\": true\n      },",
                "\"channel_wise\": true\n      },\n" + scale.strip()));
        assertTrue(late.getMessage().contains("'preprocessing.ScaleIntensityRanged' after NormalizeIntensityd"),
                late.getMessage());
    }

    @Test
    void spatialPaddAndDivisiblePaddPadAsMonaisSymmetricMethod() throws IOException {
        String encode = "{\n        \"_target_\": \"EnsureTyped\"";
        int[] shape = {13, 10, 7};
        // MONAI 1.4 SpatialPad / DivisiblePad (compute_pad_width, symmetric): (1, 2), (0, 0), (2, 3) and (1, 2),
        // (3, 3), (0, 1) for this shape, written out in docs/reference.md.
        PreprocessingConfig spatial = edited(encode, "{\"_target_\": \"SpatialPadd\", \"keys\": \"image\", "
                + "\"spatial_size\": [16, -1, 12]},\n" + encode).preprocessing();
        Pad toSize = Pad.toFit(shape, spatial.padTo().toArray(), 1);
        assertArrayEquals(new int[] {1, 0, 2}, toSize.before().toArray());
        assertArrayEquals(new int[] {2, 0, 3}, toSize.after().toArray());
        PreprocessingConfig divisible = edited(encode, "{\"_target_\": \"DivisiblePadd\", \"keys\": \"image\", "
                + "\"k\": 8},\n" + encode).preprocessing();
        Pad toMultiple = Pad.toFit(shape, new int[] {1, 1, 1}, divisible.padMultipleOf());
        assertArrayEquals(new int[] {1, 3, 0}, toMultiple.before().toArray());
        assertArrayEquals(new int[] {2, 3, 1}, toMultiple.after().toArray());
        String both = "{\"_target_\": \"SpatialPadd\", \"keys\": \"image\", \"spatial_size\": 8},\n"
                + "{\"_target_\": \"DivisiblePadd\", \"keys\": \"image\", \"k\": 8},\n";
        ConfigException twice = assertThrows(ConfigException.class, () -> edited(encode, both + encode));
        assertTrue(twice.getMessage().endsWith("'preprocessing.DivisiblePadd' after another pad is not supported "
                + "(give the bundle one pad)"), twice.getMessage());
        ConfigException edge = assertThrows(ConfigException.class, () -> edited(encode, "{\"_target_\": "
                + "\"DivisiblePadd\", \"keys\": \"image\", \"k\": 8, \"mode\": \"edge\"},\n" + encode));
        assertTrue(edge.getMessage().endsWith("'preprocessing.DivisiblePadd' pads only with method symmetric and mode"
                + " constant (zeros) in voxseg"), edge.getMessage());
        ConfigException early = assertThrows(ConfigException.class, () -> edited("{\n        \"_target_\": "
                + "\"NormalizeIntensityd\"", both.substring(both.indexOf("{\"_target_\": \"Div")) + "{\n        "
                + "\"_target_\": \"NormalizeIntensityd\""));
        assertTrue(early.getMessage().contains("'preprocessing.NormalizeIntensityd' after DivisiblePadd"),
                early.getMessage());
    }

    @Test
    void monaisInfererDefaultsFillWhatTheBundleLeavesOut() throws IOException {
        ModelDescription description = edited("\"overlap\": 0.5,\n    \"mode\": \"gaussian\"", "\"device\": \"cpu\"");
        assertEquals(0.25, description.prediction().overlap());
        assertEquals(BlendMode.CONSTANT, description.prediction().mode());
    }

    @Test
    void theInferersReplicatePaddingIsKeptAndOtherModesAreRefusedByName() throws IOException {
        ModelDescription replicate = edited("\"mode\": \"gaussian\"", "\"mode\": \"gaussian\", \"padding_mode\": "
                + "\"replicate\"");
        assertEquals(WindowPadding.REPLICATE, replicate.prediction().paddingMode());
        assertEquals(WindowPadding.REPLICATE, replicate.prediction().slidingWindow().padding());
        Path file = dir.resolve("model.json");
        ConfigJson.write(file, replicate);
        assertTrue(Files.readString(file).contains("\"padding_mode\" : \"replicate\""), Files.readString(file));
        assertEquals(replicate.prediction(), ModelDescription.read(file).prediction());
        assertEquals(WindowPadding.CONSTANT, edited("\"mode\": \"gaussian\"", "\"mode\": \"gaussian\", "
                + "\"padding_mode\": \"constant\", \"cval\": 0").prediction().paddingMode());
        List<List<String>> cases = List.of(
                List.of("\"padding_mode\": \"reflect\"", "'inferer.padding_mode' 'reflect' is not supported (constant "
                        + "or replicate)"),
                List.of("\"padding_mode\": \"circular\"", "'inferer.padding_mode' 'circular' is not supported "
                        + "(constant or replicate)"),
                List.of("\"cval\": 1", "'inferer.cval' is 1.0; voxseg pads with 0"),
                List.of("\"padding_mode\": \"replicate\", \"cval\": -1", "'inferer.cval' is -1.0; voxseg pads with 0"));
        for (List<String> edit : cases) {
            ConfigException refused = assertThrows(ConfigException.class, () -> edited("\"mode\": \"gaussian\"",
                    "\"mode\": \"gaussian\", " + edit.get(0)), edit.get(0));
            assertTrue(refused.getMessage().endsWith("configs/inference.json: " + edit.get(1)), refused.getMessage());
        }
    }

    @Test
    void referencesAreFollowed() throws IOException {
        ModelDescription description = edited("\"roi_size\": [\n      16,\n      12,\n      8\n    ]",
                "\"roi_size\": \"@sizes#patch\"", "\"bundle_root\": \".\",",
                "\"bundle_root\": \".\", \"sizes\": {\"patch\": [32, 12, 8]},");
        assertEquals(32, description.prediction().roi().x());
    }

    @Test
    void aKeyThatWouldChangeTheNumbersIsRefusedByName() {
        ConfigException e = assertThrows(ConfigException.class, () -> edited("\"nonzero\": true",
                "\"nonzero\": true, \"subtrahend\": 3"));
        assertTrue(e.getMessage().endsWith("'preprocessing.NormalizeIntensityd' with a fixed subtrahend or divisor "
                + "is not supported"), e.getMessage());
        ConfigException threshold = assertThrows(ConfigException.class, () -> edited("\"threshold\": 0.5",
                "\"threshold\": 0.3"));
        assertTrue(threshold.getMessage().contains("AsDiscreted' is not supported after sigmoid"),
                threshold.getMessage());
    }

    @Test
    void orientationdReorientsCasesInsteadOfRequiringAnOrientation() throws IOException {
        ModelDescription description = MonaiBundle.read(InteropFixtures.bundle()).build().description();
        assertEquals("RAS", description.preprocessing().orientation());
        description.torchscript().requireOrientation(Geometry.of(new Extent(2, 2, 2), Affine.diagonal(-1, -1, 1)));
        assertEquals("RAS", edited("\"axcodes\": \"RAS\"", "\"as_closest_canonical\": true").preprocessing()
                .orientation());
        ConfigException late = assertThrows(ConfigException.class, () -> edited("{\n        \"_target_\": "
                + "\"Orientationd\"", "{\"_target_\": \"Spacingd\", \"keys\": \"image\", \"pixdim\": [1, 1, 1]},\n"
                + "{\n        \"_target_\": \"Orientationd\""));
        assertTrue(late.getMessage().endsWith("'preprocessing.Orientationd' after Spacingd is not supported: voxseg "
                + "applies them in the order Orientationd, CropForegroundd, Spacingd, ScaleIntensityRanged, "
                + "NormalizeIntensityd, SpatialPadd, DivisiblePadd, and MONAI computes each on the values the one "
                + "before leaves"),
                late.getMessage());
    }

    @Test
    void sigmoidOutputsWithOtherNamesThanBratsNeedTheirLabelsGiven() throws IOException {
        Path bundle = InteropFixtures.bundleCopy(Files.createTempDirectory(dir, "names"));
        Path metadata = bundle.resolve("configs/metadata.json");
        Files.writeString(metadata, Files.readString(metadata).replace("\"TC\"", "\"core\""));
        TorchScriptImport.Builder builder = MonaiBundle.read(bundle);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

        assertTrue(e.getMessage().contains("--regions"), e.getMessage());
        assertEquals(List.of("WT", "core", "ET"), builder.outputs(OutputLabels.parseRegions(
                "core=1+4,WT=1+2+4,ET=4")).build().description().outputNames());
    }

    private static final String NORMALIZE = "\"_target_\": \"NormalizeIntensityd\",";
    private static final String SCALE_THEN_NORMALIZE = "\"_target_\": \"ScaleIntensityd\", \"keys\": \"image\", "
            + "\"minv\": 0, \"maxv\": 1},\n      {\n        " + NORMALIZE;

    @Test
    void scaleIntensitydRightBeforeAWholeImageZScoreIsTheNoOpItIsThere() throws IOException {
        ModelDescription scaled = edited(NORMALIZE, SCALE_THEN_NORMALIZE, "\"nonzero\": true", "\"nonzero\": false");
        ModelDescription plain = edited("\"nonzero\": true", "\"nonzero\": false");

        assertEquals(plain.preprocessing(), scaled.preprocessing());
        // MONAI's ScaleIntensity (minv 0, maxv 1: (x - min) / (max - min) over the image), then its z-score, gives
        // the z-score of the unscaled values: the scaling is an increasing linear map.
        float[] values = {3, 7, 7, 12, 40, 5, -2, 0};
        float[] minMax = new float[values.length];
        for (int v = 0; v < values.length; v++) {
            minMax[v] = (values[v] - -2f) / (40f - -2f);
        }
        Geometry grid = Geometry.of(new Extent(2, 2, 2), Affine.diagonal(1, 1, 1));
        IntensityNormalization zScore = IntensityNormalization.zScore(false, true);
        assertArrayEquals(zScore.apply(Volume.wrap(grid, 1, values)).toArray(),
                zScore.apply(Volume.wrap(grid, 1, minMax)).toArray(), 1e-5f);
    }

    @Test
    void scaleIntensitydAnywhereElseIsRefusedByName() {
        ConfigException nonzero = assertThrows(ConfigException.class, () -> edited(NORMALIZE, SCALE_THEN_NORMALIZE));
        ConfigException last = assertThrows(ConfigException.class, () -> edited("\"nonzero\": true,\n        "
                + "\"channel_wise\": true\n      }", "\"nonzero\": true,\n        \"channel_wise\": true\n      },\n"
                + "      {\"_target_\": \"ScaleIntensityd\", \"keys\": \"image\"}"));

        assertTrue(nonzero.getMessage().contains("'preprocessing.ScaleIntensityd' before a NormalizeIntensityd with "
                + "nonzero is not supported"), nonzero.getMessage());
        assertTrue(last.getMessage().contains("'preprocessing.ScaleIntensityd' is supported only right before "
                + "NormalizeIntensityd"), last.getMessage());
    }
}
