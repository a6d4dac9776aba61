package org.voxseg.fiji;

import ij.ImagePlus;
import java.io.File;
import java.io.IOException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.voxseg.data.dataset.NiftiFiles;
import org.voxseg.data.nifti.NiftiReader;

/** Opens a .nii or .nii.gz file (3-D, or 4-D as channels) with its voxel size and orientation. */
@Plugin(type = Command.class, menuPath = FijiMenus.OPEN_NIFTI, headless = true)
public final class OpenNiftiCommand extends FijiCommand {

    @Parameter(label = "NIfTI file", style = FileWidget.OPEN_STYLE)
    private File file;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus image;

    @Override
    protected void execute() throws IOException {
        NiftiReader.NiftiImage nifti = NiftiReader.read(file.toPath());
        String title = NiftiFiles.stem(file.toPath()).orElse(file.getName());
        image = ImagePlusVolumes.toImagePlus(nifti.volume(), title);
    }
}
