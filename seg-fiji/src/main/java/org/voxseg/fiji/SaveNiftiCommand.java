package org.voxseg.fiji;

import ij.ImagePlus;
import ij.measure.Calibration;
import java.io.File;
import java.io.IOException;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;

/**
 * Saves an image as .nii.gz in the geometry it was opened with (or its calibration's), as uint8, uint16, int16
 * (signed 16-bit calibration) or float32 after its ImageJ type and calibration function. The file is written
 * atomically.
 */
@Plugin(type = Command.class, menuPath = FijiMenus.SAVE_NIFTI, headless = true)
public final class SaveNiftiCommand extends FijiCommand {

    @Parameter
    private ImagePlus image;

    @Parameter(label = "NIfTI file", style = FileWidget.SAVE_STYLE, persist = false)
    private File file;

    @Override
    protected void execute() throws IOException {
        NiftiWriter.of(dataType(image)).withDescription(image.getTitle())
                .write(ImagePlusVolumes.toVolume(image), file.toPath());
        log().info("voxseg: wrote " + file);
    }

    /** The raw type for raw values; float32 where a calibration function turns them into other values. */
    private static NiftiDataType dataType(ImagePlus image) {
        Calibration calibration = image.getCalibration();
        if (image.getBitDepth() == 16 && calibration.isSigned16Bit()) {
            return NiftiDataType.INT16;
        }
        return switch (calibration.calibrated() ? 32 : image.getBitDepth()) {
            case 8 -> NiftiDataType.UINT8;
            case 16 -> NiftiDataType.UINT16;
            default -> NiftiDataType.FLOAT32;
        };
    }
}
