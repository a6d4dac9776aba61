package org.voxseg.fiji;

import ij.ImagePlus;
import ij.WindowManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.voxseg.core.api.InferenceOverrides;
import org.voxseg.core.api.Segmenter;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.inference.CasePredictor;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseInputs;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.volume.Volume;

/**
 * Segments one 3-D case with a trained model, as {@code voxseg predict} does: from NIfTI files (a BraTS case folder
 * or the channel files), or from open images. Shows the label map with the input's calibration and, given an output
 * file, writes it as .nii.gz in the input's geometry.
 */
@Plugin(type = Command.class, menuPath = FijiMenus.SEGMENT, headless = true)
public final class SegmentCommand extends FijiCommand {

    @Parameter(label = "Trained model", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
            description = "A run folder (its best checkpoint is used) or a .ckpt file in one.")
    private File model;

    @Parameter(label = "Input files or case folder", required = false, persist = false,
            description = "A BraTS case folder, or the case's channel files in the model's channel order, separated "
                    + "by commas. Leave empty to segment open images.")
    private String input = "";

    @Parameter(label = "Open images (titles)", required = false, persist = false,
            description = "Titles of open images, one per channel in the model's order, separated by commas. Leave "
                    + "empty for the active image, whose channels must be the model's.")
    private String images = "";

    @Parameter(label = "Window overlap (empty: the model's)", required = false, persist = false,
            description = "The fraction of a window shared with its neighbour, in [0, 1); empty keeps the overlap "
                    + "stored with the model.")
    private String overlap = "";

    @Parameter(label = "Mirror test-time augmentation (8x slower)",
            choices = {Mirroring.MODEL, Mirroring.ON, Mirroring.OFF})
    private String tta = Mirroring.MODEL;

    @Parameter(label = "Device (empty: the model's)", required = false, persist = false,
            description = "auto (GPU 0 when libtorch sees one, else the CPU), cpu, gpu or gpu:N.")
    private String device = "";

    @Parameter(label = "Precision", choices = {"fp32", "bf16", "fp16"}, persist = false,
            description = "The number type the network computes in: fp32 (as trained), bf16 (about twice as fast on "
                    + "CPUs with AVX-512 BF16 or AMX, e.g. AMD Zen 4 and Intel Sapphire Rapids; refused elsewhere) or "
                    + "fp16 (GPUs only).")
    private String precision = "fp32";

    @Parameter(label = "Apply the model's postprocessing", persist = false,
            description = "The clean-up decided on the model's validation cases (or set in its config); off gives the"
                    + " network's labels as they are.")
    private boolean postprocessing = true;

    @Parameter(label = "Save labels as (.nii.gz)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
    private File output;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus labels;

    @Parameter
    private StatusService status;

    @Override
    protected void execute() throws IOException {
        InferenceOverrides.Builder overrides = InferenceOverrides.builder().overlap(overlap())
                .postprocessing(postprocessing).device(device.isBlank() ? null : DeviceRequest.parse(device))
                .precision(Precision.valueOf(precision.toUpperCase(Locale.ROOT)));
        if (!Mirroring.MODEL.equals(tta)) {
            overrides.tta(Mirroring.ON.equals(tta));
        }
        try (Voxseg voxseg = Voxseg.builder().build();
                Segmenter segmenter = voxseg.segmenter(List.of(model.toPath()), overrides.build())) {
            NamedVolume named = readInput(segmenter.description());
            requireVolume(named);
            status.showStatus("voxseg: segmenting " + named.name());
            log().info("voxseg: " + segmenter.postprocessing().describe());
            CasePredictor.Prediction prediction = segmenter.segment(named.volume(),
                    done -> status.showStatus("voxseg: " + named.name() + ", window " + done));
            if (output != null) {
                segmenter.writeLabels(prediction, output.toPath());
                log().info("voxseg: wrote " + output);
            }
            labels = ImagePlusVolumes.toImagePlus(prediction.labels(), named.name() + "_labels");
            status.clearStatus();
        }
    }

    /** The overlap given, or null for the model's. */
    private Double overlap() {
        if (overlap == null || overlap.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(overlap.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("overlap must be a number in [0, 1) or empty, not '" + overlap + "'",
                    e);
        }
    }

    /** The choices of the mirroring parameter: the model's setting, on or off. */
    static final class Mirroring {
        static final String MODEL = "as the model says";
        static final String ON = "on";
        static final String OFF = "off";

        private Mirroring() {
        }
    }

    /** The volume to segment with a name for titles and messages. */
    private record NamedVolume(String name, Volume volume) {
    }

    private NamedVolume readInput(ModelDescription description) throws IOException {
        if (!input.isBlank()) {
            List<CaseFiles> cases = CaseInputs.resolveChecked(splitList(input).stream().map(Path::of).toList(),
                    description.channels(), description.labels());
            if (cases.size() != 1) {
                throw new IOException(input + " holds " + cases.size() + " cases; give one case folder or the "
                        + "channel files of one case");
            }
            return new NamedVolume(cases.get(0).id(), CaseLoader.load(cases.get(0)).image());
        }
        List<ImagePlus> channels = openImages(description);
        return new NamedVolume(channels.get(0).getTitle(), ImagePlusVolumes.toVolume(channels));
    }

    private List<ImagePlus> openImages(ModelDescription description) {
        if (images.isBlank()) {
            ImagePlus active = WindowManager.getCurrentImage();
            if (active == null) {
                throw new IllegalArgumentException("no image open and no input files given; the model expects "
                        + String.join(", ", description.channels()));
            }
            return List.of(active);
        }
        List<ImagePlus> found = new ArrayList<>();
        for (String title : splitList(images)) {
            ImagePlus image = WindowManager.getImage(title);
            if (image == null) {
                throw new IllegalArgumentException("no open image titled '" + title + "'");
            }
            found.add(image);
        }
        return found;
    }

    private static void requireVolume(NamedVolume named) {
        if (named.volume().geometry().size(2) < 2) {
            throw new IllegalArgumentException(named.name() + " is a single slice; the model segments 3-D volumes");
        }
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }
}
