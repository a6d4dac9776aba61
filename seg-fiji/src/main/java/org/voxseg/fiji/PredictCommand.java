package org.voxseg.fiji;

import ij.ImagePlus;
import ij.WindowManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.voxseg.core.api.ModelPredictor;
import org.voxseg.core.api.PredictionOption;
import org.voxseg.core.api.PredictionOverrides;
import org.voxseg.core.api.PredictionTexts;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.prediction.CasePredictor;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseInputs;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.volume.Volume;

/**
 * Predicts one 3-D case with a trained model, as {@code voxseg predict} does: from NIfTI files (a BraTS case folder
 * or the channel files), or from open images. Shows the label map with the input's calibration and, given an output
 * file, writes it as .nii.gz in the input's geometry.
 */
@Plugin(type = Command.class, menuPath = FijiMenus.PREDICT, headless = true)
public final class PredictCommand extends FijiCommand {

    @Parameter(label = "Trained model", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
            description = "A run folder (its best checkpoint is used) or a .ckpt file in one.")
    private File model;

    @Parameter(label = "Input files or case folder", required = false, persist = false,
            description = "A BraTS case folder, or the case's channel files in the model's channel order, separated "
                    + "by commas. Leave empty to predict open images.")
    private String input = "";

    @Parameter(label = "Open images (titles)", required = false, persist = false,
            description = "Titles of open images, one per channel in the model's order, separated by commas. Leave "
                    + "empty for the active image, whose channels must be the model's.")
    private String images = "";

    @Parameter(label = PredictionTexts.ROI_LABEL, description = PredictionTexts.ROI_DESCRIPTION, required = false,
            persist = false)
    private String roi = "";

    @Parameter(label = PredictionTexts.OVERLAP_LABEL, description = PredictionTexts.OVERLAP_DESCRIPTION,
            required = false, persist = false)
    private String overlap = "";

    @Parameter(label = PredictionTexts.SW_BATCH_LABEL, description = PredictionTexts.SW_BATCH_DESCRIPTION,
            required = false, persist = false)
    private String swBatch = "";

    @Parameter(label = PredictionTexts.TTA_AXES_LABEL, description = PredictionTexts.TTA_AXES_DESCRIPTION,
            required = false, persist = false)
    private String ttaAxes = "";

    @Parameter(label = PredictionTexts.TTA_LABEL, description = PredictionTexts.TTA_DESCRIPTION,
            choices = {Switch.MODEL, Switch.ON, Switch.OFF}, persist = false)
    private String tta = Switch.MODEL;

    @Parameter(label = PredictionTexts.POSTPROCESSING_LABEL, description = PredictionTexts.POSTPROCESSING_DESCRIPTION,
            choices = {Switch.MODEL, Switch.ON, Switch.OFF}, persist = false)
    private String postprocessing = Switch.MODEL;

    @Parameter(label = PredictionTexts.DEVICE_LABEL, description = PredictionTexts.DEVICE_DESCRIPTION,
            required = false, persist = false)
    private String device = "";

    @Parameter(label = PredictionTexts.PRECISION_LABEL, description = PredictionTexts.PRECISION_DESCRIPTION,
            required = false, persist = false)
    private String precision = "";

    @Parameter(label = "Save labels as (.nii.gz)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
    private File output;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus labels;

    @Parameter
    private StatusService status;

    @Override
    protected void execute() throws IOException {
        PredictionOverrides.Builder overrides = PredictionOverrides.builder();
        Map<PredictionOption, String> given = Map.of(PredictionOption.ROI, roi, PredictionOption.OVERLAP, overlap,
                PredictionOption.SW_BATCH, swBatch, PredictionOption.TTA_AXES, ttaAxes, PredictionOption.TTA, tta,
                PredictionOption.POSTPROCESSING, postprocessing, PredictionOption.DEVICE, device,
                PredictionOption.PRECISION, precision);
        for (PredictionOption option : PredictionOption.values()) {
            String value = given.get(option);
            option.apply(overrides, Switch.MODEL.equals(value) ? null : value);
        }
        try (Voxseg voxseg = Voxseg.builder().build();
                ModelPredictor predictor = voxseg.predictor(List.of(model.toPath()), overrides.build())) {
            NamedVolume named = readInput(predictor.description());
            requireVolume(named);
            status.showStatus("voxseg: predicting " + named.name());
            log().info("voxseg: " + predictor.postprocessing().describe());
            CasePredictor.Prediction prediction = predictor.predict(named.volume(),
                    done -> status.showStatus("voxseg: " + named.name() + ", window " + done));
            if (output != null) {
                predictor.writeLabels(prediction, output.toPath());
                log().info("voxseg: wrote " + output);
            }
            labels = ImagePlusVolumes.toImagePlus(prediction.labels(), named.name() + "_labels");
            status.clearStatus();
        }
    }

    /** The choices of a switch: the model's setting, on or off. */
    static final class Switch {
        static final String MODEL = "as the model says";
        static final String ON = "on";
        static final String OFF = "off";

        private Switch() {
        }
    }

    /** The volume to predict with a name for titles and messages. */
    private record NamedVolume(String name, Volume volume) {
    }

    private NamedVolume readInput(ModelDescription description) throws IOException {
        if (!input.isBlank()) {
            List<CaseFiles> cases = CaseInputs.resolveChecked(splitList(input).stream().map(Path::of).toList(),
                    description.channels(), description.labelArray());
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
            throw new IllegalArgumentException(named.name() + " is a single slice; the model predicts 3-D volumes");
        }
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }
}
