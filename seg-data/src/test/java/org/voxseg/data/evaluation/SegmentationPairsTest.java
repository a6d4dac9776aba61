package org.voxseg.data.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.synthetic.SyntheticBrats;

class SegmentationPairsTest {

    @TempDir
    Path dir;

    @Test
    void predictionsMatchBratsCaseFoldersByNameAndAPerfectCopyScoresOne() throws IOException {
        Path root = dir.resolve("data");
        new SyntheticBrats(new int[] {24, 24, 16}, 2).write(root, 2);
        Path predictions = Files.createDirectories(dir.resolve("predictions"));
        for (String id : List.of("BraTS20_Synth_000", "BraTS20_Synth_001")) {
            Files.copy(root.resolve(id).resolve(id + "_seg.nii.gz"), predictions.resolve(id + ".nii.gz"));
        }

        SegmentationPairs pairs = SegmentationPairs.find(predictions, root);
        EvaluationReport report = pairs.evaluate(Structure.bratsRegions(), EmptyMaskConvention.brats());

        assertEquals(2, pairs.pairs().size());
        for (EvaluationReport.Summary summary : report.summary()) {
            if (summary.metric().equals("dice")) {
                assertEquals(1.0, summary.mean(), 1e-12, summary.structure());
            }
        }
        Files.copy(predictions.resolve("BraTS20_Synth_000.nii.gz"), predictions.resolve("Unknown.nii.gz"));
        assertThrows(NoSuchFileException.class, () -> SegmentationPairs.find(predictions, root));
    }
}
