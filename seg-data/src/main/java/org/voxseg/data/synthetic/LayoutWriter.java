package org.voxseg.data.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.voxseg.data.dataset.BratsEdition;
import org.voxseg.data.dataset.DatasetLayout;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

/**
 * Writes generated BraTS-like cases in a public dataset layout, with that layout's file names, channel files and
 * label values, as a user downloads it: BraTS 2020 ({@code BraTS20_Synth_000/..._flair}, labels 1, 2, 4), BraTS
 * 2023 ({@code BraTS-GLI-00000-000/...-t2f}, enhancing 3), the Decathlon's Task01_BrainTumour (one 4-D image per
 * case, labels 1 oedema, 2 non-enhancing, 3 enhancing) and nnU-Net v2 raw (the same labels, trained as regions).
 * The last {@code testCases} cases are written without labels, as a validation or test set.
 */
public final class LayoutWriter {

    /** The generated labels (BraTS 2020's) as the Decathlon and nnU-Net's BraTS conversion number them. */
    private static final Map<Float, Float> DECATHLON_LABELS = Map.of(2f, 1f, 1f, 2f, 4f, 3f);
    private static final Map<Float, Float> BRATS_2023_LABELS = Map.of(2f, 2f, 1f, 1f, 4f, 3f);
    private static final List<String> DECATHLON_MODALITIES = List.of("FLAIR", "T1w", "t1gd", "T2w");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatasetLayout layout;
    private final int testCases;
    private final NiftiWriter images = NiftiWriter.of(NiftiDataType.INT16).withDescription("voxseg synthetic BraTS");
    private final NiftiWriter labels = NiftiWriter.of(NiftiDataType.UINT8).withDescription("voxseg synthetic BraTS");

    /**
     * @param layout any layout but a case list
     * @param testCases how many of the last cases are written without labels
     */
    public LayoutWriter(DatasetLayout layout, int testCases) {
        if (layout == DatasetLayout.CASE_LIST) {
            throw new IllegalArgumentException("a case list is written by hand, not generated");
        }
        if (testCases < 0) {
            throw new IllegalArgumentException("test cases must not be negative: " + testCases);
        }
        this.layout = layout;
        this.testCases = testCases;
    }

    /** Writes cases {@code 0 .. count-1} of {@code dataset} under {@code root}; returns their ids in order. */
    public List<String> write(SyntheticDataset dataset, Path root, int count) throws IOException {
        if (testCases > count) {
            throw new IllegalArgumentException(testCases + " test cases of " + count + " cases");
        }
        Files.createDirectories(root);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            SyntheticCase generated = dataset.generate(n);
            boolean labelled = n < count - testCases;
            ids.add(switch (layout) {
                case BRATS_2020, BRATS_2023 -> writeBrats(root, generated, n, labelled);
                case DECATHLON -> writeDecathlon(root, generated, n, labelled);
                case NNUNET_RAW -> writeNnUnet(root, generated, n, labelled);
                default -> throw new IllegalStateException("no writer for " + layout);
            });
        }
        if (layout == DatasetLayout.DECATHLON) {
            Files.writeString(root.resolve("dataset.json"), decathlonJson(count));
        } else if (layout == DatasetLayout.NNUNET_RAW) {
            Files.writeString(root.resolve("dataset.json"), nnUnetJson(count));
        }
        return ids;
    }

    private String writeBrats(Path root, SyntheticCase generated, int n, boolean labelled) throws IOException {
        BratsEdition edition = layout == DatasetLayout.BRATS_2020 ? BratsEdition.BRATS_2020 : BratsEdition.BRATS_2023;
        String id = edition == BratsEdition.BRATS_2020 ? generated.id()
                : String.format(Locale.ROOT, "BraTS-GLI-%05d-000", n);
        Path folder = Files.createDirectories(root.resolve(id));
        for (int c = 0; c < edition.channels().size(); c++) {
            images.write(channel(generated.image(), c), folder.resolve(id + edition.separator()
                    + edition.channels().get(c) + ".nii.gz"));
        }
        if (labelled) {
            Volume values = edition == BratsEdition.BRATS_2020 ? generated.labels()
                    : relabelled(generated.labels(), BRATS_2023_LABELS);
            labels.write(values, folder.resolve(id + edition.separator() + "seg.nii.gz"));
        }
        return id;
    }

    private String writeDecathlon(Path root, SyntheticCase generated, int n, boolean labelled) throws IOException {
        String id = decathlonId(n);
        images.write(generated.image(), Files.createDirectories(root.resolve(labelled ? "imagesTr" : "imagesTs"))
                .resolve(id + ".nii.gz"));
        if (labelled) {
            labels.write(relabelled(generated.labels(), DECATHLON_LABELS),
                    Files.createDirectories(root.resolve("labelsTr")).resolve(id + ".nii.gz"));
        }
        return id;
    }

    private String writeNnUnet(Path root, SyntheticCase generated, int n, boolean labelled) throws IOException {
        String id = String.format(Locale.ROOT, "BraTS_%03d", n + 1);
        Path folder = Files.createDirectories(root.resolve(labelled ? "imagesTr" : "imagesTs"));
        for (int c = 0; c < generated.image().channels(); c++) {
            images.write(channel(generated.image(), c), folder.resolve(String.format(Locale.ROOT, "%s_%04d.nii.gz",
                    id, c)));
        }
        if (labelled) {
            labels.write(relabelled(generated.labels(), DECATHLON_LABELS),
                    Files.createDirectories(root.resolve("labelsTr")).resolve(id + ".nii.gz"));
        }
        return id;
    }

    private String decathlonJson(int count) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("name", "BRATS").put("tensorImageSize", "4D");
        ObjectNode modality = json.putObject("modality");
        for (int c = 0; c < DECATHLON_MODALITIES.size(); c++) {
            modality.put(Integer.toString(c), DECATHLON_MODALITIES.get(c));
        }
        json.putObject("labels").put("0", "background").put("1", "edema").put("2", "non-enhancing tumor")
                .put("3", "enhancing tumour");
        json.put("numTraining", count - testCases).put("numTest", testCases);
        ArrayNode training = json.putArray("training");
        ArrayNode test = json.putArray("test");
        for (int n = 0; n < count; n++) {
            String file = decathlonId(n) + ".nii.gz";
            if (n < count - testCases) {
                training.addObject().put("image", "./imagesTr/" + file).put("label", "./labelsTr/" + file);
            } else {
                test.add("./imagesTs/" + file);
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    }

    private String nnUnetJson(int count) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        ObjectNode channels = json.putObject("channel_names");
        for (int c = 0; c < DECATHLON_MODALITIES.size(); c++) {
            channels.put(Integer.toString(c), DECATHLON_MODALITIES.get(c));
        }
        ObjectNode regions = json.putObject("labels").put("background", 0);
        regions.putArray("whole tumor").add(1).add(2).add(3);
        regions.putArray("tumor core").add(2).add(3);
        regions.put("enhancing tumor", 3);
        json.putArray("regions_class_order").add(1).add(2).add(3);
        json.put("numTraining", count - testCases).put("file_ending", ".nii.gz");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    }

    private static String decathlonId(int n) {
        return String.format(Locale.ROOT, "BRATS_%03d", n + 1);
    }

    private static Volume channel(Volume image, int c) {
        float[] values = new float[image.voxelsPerChannel()];
        image.channel(c).get(values);
        return Volume.wrap(image.geometry(), 1, values);
    }

    private static Volume relabelled(Volume labelMap, Map<Float, Float> values) {
        float[] out = labelMap.toArray();
        for (int v = 0; v < out.length; v++) {
            out[v] = values.getOrDefault(out[v], out[v]);
        }
        return Volume.wrap(labelMap.geometry(), 1, out);
    }
}
