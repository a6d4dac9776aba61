package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a dataset's layout from what is on disk: a {@code .json} file is a case list; a folder with a
 * {@code dataset.json} is nnU-Net v2's raw layout (it names {@code channel_names}) or the Decathlon's (it names
 * {@code modality}); any other folder is read as BraTS case folders, of the edition its file names show.
 */
public final class DatasetLayouts {

    private DatasetLayouts() {
    }

    /**
     * The dataset at {@code root}.
     *
     * @throws NoSuchFileException if {@code root} does not exist
     * @throws IOException if its files cannot be read, or (in one line naming the file and key) its description is
     *     malformed, or it is a folder of no layout voxseg reads
     */
    public static DatasetDescription describe(Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such dataset folder or case list");
        }
        if (Files.isRegularFile(root)) {
            return new DatasetDescription(DatasetLayout.CASE_LIST, root, List.of(), Optional.empty(),
                    CaseList.read(root));
        }
        if (DatasetJson.existsIn(root)) {
            DatasetJson json = DatasetJson.read(root);
            if (NnUnetRawLayout.matches(json)) {
                return NnUnetRawLayout.describe(root, json);
            }
            if (DecathlonLayout.matches(json)) {
                return DecathlonLayout.describe(root, json);
            }
            throw new IOException(json.file() + ": names neither 'channel_names' (nnU-Net v2) nor 'modality' (the "
                    + "Medical Segmentation Decathlon)");
        }
        return BratsLayout.describe(root);
    }
}
