package org.voxseg.data.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.voxseg.data.dataset.BratsLayout;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

/** A generator of BraTS-like cases, written in the BraTS folder layout so that every command reads them. */
public interface SyntheticDataset {

    /** Case {@code index}; it depends only on the generator's seed and the index. */
    SyntheticCase generate(int index);

    /**
     * Writes cases {@code 0 .. count-1} under {@code root} as {@code <case>/<case>_<modality>.nii.gz} (int16) and
     * {@code <case>/<case>_seg.nii.gz} (uint8).
     *
     * @return the case folders
     */
    default List<Path> write(Path root, int count) throws IOException {
        List<Path> folders = new ArrayList<>();
        String description = "voxseg synthetic BraTS";
        NiftiWriter images = NiftiWriter.of(NiftiDataType.INT16).withDescription(description);
        NiftiWriter labels = NiftiWriter.of(NiftiDataType.UINT8).withDescription(description);
        for (int n = 0; n < count; n++) {
            SyntheticCase generated = generate(n);
            Path folder = Files.createDirectories(root.resolve(generated.id()));
            List<String> modalities = BratsLayout.DEFAULT_CHANNELS;
            for (int c = 0; c < modalities.size(); c++) {
                float[] channel = new float[generated.image().voxelsPerChannel()];
                generated.image().channel(c).get(channel);
                images.write(Volume.wrap(generated.image().geometry(), 1, channel),
                        folder.resolve(generated.id() + "_" + modalities.get(c) + ".nii.gz"));
            }
            labels.write(generated.labels(), folder.resolve(generated.id() + "_" + BratsLayout.LABEL_SUFFIX
                    + ".nii.gz"));
            folders.add(folder);
        }
        return folders;
    }
}
