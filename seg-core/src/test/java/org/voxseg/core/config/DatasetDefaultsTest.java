package org.voxseg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.data.dataset.DatasetLayout;
import org.voxseg.data.dataset.DatasetLayouts;
import org.voxseg.data.synthetic.LayoutWriter;
import org.voxseg.data.synthetic.SyntheticBrats;

/** A config naming a dataset root takes the channels, labels and outputs the dataset describes, and no others. */
class DatasetDefaultsTest {

    @TempDir
    Path dir;

    private Path config(String dataset) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"dataset\": " + dataset + "}");
        return file;
    }

    @Test
    void anNnUnetRootFillsChannelsRegionsAndTheModelsChannelCounts() throws IOException {
        new LayoutWriter(DatasetLayout.NNUNET_RAW, 0).write(new SyntheticBrats(new int[] {16, 16, 16}, 1),
                dir.resolve("Dataset001_BraTS"), 2);

        RunConfig read = RunConfig.read(config("{\"root\": \"Dataset001_BraTS\"}"));

        assertEquals(dir.resolve("Dataset001_BraTS").toString(), read.dataset().root());
        assertEquals(List.of("FLAIR", "T1w", "t1gd", "T2w"), read.dataset().channels());
        assertEquals(List.of(1, 2, 3), read.dataset().labels());
        assertTrue(read.dataset().labelHierarchy());
        assertEquals(List.of("whole tumor", "tumor core", "enhancing tumor"), read.dataset().regionNames());
        assertEquals(4, read.model().inChannels());
        assertEquals(3, read.model().outChannels());
        assertEquals(OutputActivation.SIGMOID, read.loss().activation());
        assertEquals(2, read.dataset().discover().size());
    }

    @Test
    void aDatasetOfClassesGetsSoftmaxAndABackgroundOutput() throws IOException {
        Path root = Files.createDirectories(dir.resolve("Task09_Spleen"));
        Files.writeString(root.resolve("dataset.json"), "{\"modality\": {\"0\": \"CT\"}, \"labels\": {\"0\": "
                + "\"background\", \"1\": \"spleen\"}, \"training\": []}");

        RunConfig read = RunConfig.read(config("{\"root\": \"Task09_Spleen\"}"));

        assertEquals(List.of("CT"), read.dataset().channels());
        assertEquals(List.of("background", "spleen"), read.dataset().regionNames());
        assertEquals(1, read.model().inChannels());
        assertEquals(2, read.model().outChannels());
        assertEquals(OutputActivation.SOFTMAX, read.loss().activation());
        assertFalse(read.dataset().preprocessing().cropForeground(), "a CT channel is not cropped above 0 HU");
    }

    @Test
    void aKeyThatContradictsTheDatasetIsRefusedNamingBoth() throws IOException {
        new LayoutWriter(DatasetLayout.BRATS_2023, 0).write(new SyntheticBrats(new int[] {16, 16, 16}, 1),
                dir.resolve("brats"), 1);
        Path file = config("{\"root\": \"brats\", \"labels\": [2, 1, 4]}");

        ConfigException refused = assertThrows(ConfigException.class, () -> RunConfig.read(file));

        assertEquals(file + ": 'dataset.labels' is [2,1,4] but the BraTS 2023/2024 case folders " + dir.resolve("brats")
                + " gives [2,1,3]; leave the key out to take the dataset's", refused.getMessage());
    }

    @Test
    void keysThatAgreeWithTheDatasetAreKept() throws IOException {
        new LayoutWriter(DatasetLayout.BRATS_2020, 0).write(new SyntheticBrats(new int[] {16, 16, 16}, 1),
                dir.resolve("brats"), 1);

        RunConfig read = RunConfig.read(config("{\"root\": \"brats\", \"labels\": [2, 1, 4], \"channels\": "
                + "[\"flair\", \"t1\", \"t1ce\", \"t2\"]}"));

        assertEquals(List.of("WT", "TC", "ET"), read.dataset().regionNames());
    }

    @Test
    void javaCallersTakeTheSameDescriptionThroughTheBuilder() throws IOException {
        Path root = dir.resolve("Dataset001_BraTS");
        new LayoutWriter(DatasetLayout.NNUNET_RAW, 0).write(new SyntheticBrats(new int[] {16, 16, 16}, 1), root, 2);

        DatasetConfig dataset = DatasetConfig.builder().root(root.toString())
                .describedBy(DatasetLayouts.describe(root)).build();

        assertEquals(List.of("FLAIR", "T1w", "t1gd", "T2w"), dataset.channels());
        assertEquals(List.of(1, 2, 3), dataset.labels());
        assertEquals(List.of("whole tumor", "tumor core", "enhancing tumor"), dataset.regionNames());
        assertEquals(2, dataset.discover().size());
    }

    @Test
    void aMalformedSectionIsLeftForBindingToRefuse() throws IOException {
        Path root = Files.createDirectories(dir.resolve("Task09_Spleen"));
        Files.writeString(root.resolve("dataset.json"), "{\"modality\": {\"0\": \"CT\"}, \"labels\": {\"0\": "
                + "\"background\", \"1\": \"spleen\"}, \"training\": []}");
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"dataset\": {\"root\": \"Task09_Spleen\"}, \"loss\": \"dice\"}");

        ConfigException refused = assertThrows(ConfigException.class, () -> RunConfig.read(file));

        assertTrue(refused.getMessage().startsWith(file + ": 'loss'"), refused.getMessage());
    }
}
