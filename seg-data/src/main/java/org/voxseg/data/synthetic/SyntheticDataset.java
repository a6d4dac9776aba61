package org.voxseg.data.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.voxseg.data.dataset.DatasetLayout;

/**
 * A generator of BraTS-like cases, written in the BraTS folder layout so that every command reads them (or in
 * another public layout by {@link LayoutWriter}).
 */
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
        return new LayoutWriter(DatasetLayout.BRATS_2020, 0).write(this, root, count).stream().map(root::resolve)
                .toList();
    }
}
