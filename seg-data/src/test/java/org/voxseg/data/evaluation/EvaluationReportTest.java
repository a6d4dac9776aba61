package org.voxseg.data.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

class EvaluationReportTest {

    @TempDir
    Path dir;

    private static Volume labels(float... values) {
        return Volume.wrap(Geometry.of(new Extent(values.length, 1, 1), Affine.identity()), 1, values);
    }

    @Test
    void bratsRegionsAreScoredFromLabels() {
        Evaluator evaluator = new Evaluator(Structure.bratsRegions(), EmptyMaskConvention.brats());

        CaseScores scores = evaluator.evaluate("case", labels(0, 2, 1, 4, 0, 0), labels(0, 2, 2, 4, 4, 0));

        assertEquals(List.of("WT", "TC", "ET"), scores.structures());
        // WT: prediction {1,2,3}, reference {1,2,3,4}; TC: {2,3} vs {3,4}; ET: {3} vs {3,4}
        assertEquals(2.0 * 3 / 7, scores.dice().get(0), 1e-12);
        assertEquals(2.0 * 1 / 4, scores.dice().get(1), 1e-12);
        assertEquals(2.0 * 1 / 3, scores.dice().get(2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate("bad", labels(0, 1), labels(0, 1, 2)));
    }

    @Test
    void csvAndSummaryLeaveUndefinedValuesOut() throws IOException {
        EvaluationReport report = new EvaluationReport(List.of(
                CaseScores.of("a,1", List.of("ET"), new double[] {0.5}, new double[] {Double.NaN}),
                CaseScores.of("b", List.of("ET"), new double[] {1.0}, new double[] {4.0}),
                CaseScores.of("c", List.of("ET"), new double[] {0.0}, new double[] {2.0})));
        Path cases = dir.resolve("cases.csv");
        Path summary = dir.resolve("summary.csv");

        report.writeCases(cases);
        report.writeSummary(summary);

        assertEquals("case,dice_ET,hd95_ET\n\"a,1\",0.500000,\nb,1.00000,4.00000\nc,0.00000,2.00000\n",
                Files.readString(cases));
        EvaluationReport.Summary dice = report.summary().get(0);
        assertEquals(0.5, dice.mean(), 1e-12);
        assertEquals(0.5, dice.median(), 1e-12);
        assertEquals(Math.sqrt(1.0 / 6), dice.std(), 1e-12);
        EvaluationReport.Summary distance = report.summary().get(1);
        assertEquals(2, distance.defined());
        assertEquals(3, distance.mean(), 1e-12);
        assertEquals("structure,metric,mean,median,std,n\nET,dice,0.500000,0.500000,0.408248,3\n"
                + "ET,hd95,3.00000,3.00000,1.00000,2\n", Files.readString(summary));
    }
}
