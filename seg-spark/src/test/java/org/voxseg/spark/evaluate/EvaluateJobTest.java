package org.voxseg.spark.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.evaluation.EmptyMaskConvention;
import org.voxseg.data.evaluation.EvaluationReport;
import org.voxseg.data.evaluation.SegmentationPairs;
import org.voxseg.data.evaluation.Structure;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.synthetic.SyntheticBrats;
import org.voxseg.data.volume.Volume;
import org.voxseg.spark.TinyCases;
import org.voxseg.spark.job.CaseStatus;

/** The evaluate job in local mode against what {@code voxseg evaluate} computes and prints for the same cases. */
class EvaluateJobTest {

    @TempDir
    Path dir;

    @Test
    void scoresEachCaseAsVoxsegEvaluateDoesAndReportsBrokenAndUnmatchedPredictionsAsRows() throws IOException {
        Path references = dir.resolve("references");
        new SyntheticBrats(new int[] {32, 32, 24}, 5).write(references, 4);
        Path good = Files.createDirectories(dir.resolve("good"));
        Path predictions = Files.createDirectories(dir.resolve("predictions"));
        for (int c = 0; c < 3; c++) {
            String id = "BraTS20_Synth_00" + c;
            // The reference with the first (c + 1) tenths of its voxels cleared: Dice below 1, HD95 above 0.
            Volume labels = NiftiReader.read(references.resolve(id).resolve(id + "_seg.nii.gz")).volume();
            float[] values = labels.toArray();
            Arrays.fill(values, 0, values.length * (c + 1) / 10, 0f);
            NiftiWriter.of(NiftiDataType.UINT8).write(Volume.wrap(labels.geometry(), 1, values),
                    good.resolve(id + ".nii.gz"));
            Files.copy(good.resolve(id + ".nii.gz"), predictions.resolve(id + ".nii.gz"));
        }
        byte[] bytes = Files.readAllBytes(good.resolve("BraTS20_Synth_000.nii.gz"));
        Files.write(predictions.resolve("BraTS20_Synth_003.nii.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.copy(good.resolve("BraTS20_Synth_000.nii.gz"), predictions.resolve("Orphan.nii.gz"));
        Path output = dir.resolve("scores");

        EvaluateJob.Outcome outcome = new EvaluateJob(TinyCases.spark(),
                new ScoringSettings(null, ScoringSettings.Empty.BRATS)).run(predictions.toString(),
                references.toString(), output.toString());

        EvaluationReport expected = SegmentationPairs.find(good, references).evaluate(Structure.bratsRegions(),
                EmptyMaskConvention.brats());
        assertEquals(expected.summary().stream().map(EvaluationReport.Summary::line).toList(),
                outcome.report().orElseThrow().summary().stream().map(EvaluationReport.Summary::line).toList());
        assertEquals(List.of(CaseStatus.OK, CaseStatus.OK, CaseStatus.OK, CaseStatus.FAILED, CaseStatus.FAILED),
                outcome.cases().stream().map(ScoreResult::status).toList());
        assertTrue(outcome.cases().get(3).message().contains("BraTS20_Synth_003.nii.gz"),
                outcome.cases().get(3).message());
        assertEquals("no reference for case Orphan", outcome.cases().get(4).message());
        List<String> csv = Files.readAllLines(output.resolve("scores.csv"));
        assertEquals("case,status,message,seconds,executor,dice_WT,hd95_WT,dice_TC,hd95_TC,dice_ET,hd95_ET",
                csv.get(0));
        assertEquals(6, csv.size());
        assertTrue(Files.isRegularFile(output.resolve("scores_summary.csv")));
        assertTrue(Files.isDirectory(output.resolve("scores.parquet")));
    }
}
