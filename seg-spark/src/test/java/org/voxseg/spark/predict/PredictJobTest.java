package org.voxseg.spark.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.api.ModelPredictor;
import org.voxseg.core.api.PredictionListener;
import org.voxseg.core.api.PredictionOverrides;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.spark.TinyCases;
import org.voxseg.spark.io.HadoopSettings;
import org.voxseg.spark.io.Publisher;
import org.voxseg.spark.job.CaseStatus;

/** The predict job in local mode on 4 tiny cases and a broken one, against what {@code voxseg predict} writes. */
@Tag("slow") // trains a tiny network first
class PredictJobTest {

    @TempDir
    static Path dir;

    private static Path run;
    private static Path input;
    private static Path reference;

    @BeforeAll
    static void trainAndPredictAsVoxsegPredictDoes() throws IOException {
        run = TinyCases.run(dir.resolve("model"));
        Path good = dir.resolve("good");
        input = dir.resolve("input");
        TinyCases.write(good, input);
        reference = dir.resolve("reference");
        // What `voxseg predict --model RUN --input GOOD --output REFERENCE` runs.
        try (Voxseg voxseg = Voxseg.builder().build();
                ModelPredictor predictor = voxseg.predictor(List.of(run), PredictionOverrides.NONE)) {
            predictor.predictAll(List.of(good), reference, PredictionListener.NONE);
        }
    }

    private static PredictJob job() {
        return new PredictJob(TinyCases.spark(), modelSettings());
    }

    /** The trained run with its stored prediction settings. */
    private static ModelSettings modelSettings() {
        return new ModelSettings(List.of(run.toString()), PredictionOverrides.NONE, 0);
    }

    @Test
    void anOutputInsideTheInputRootIsRefusedBeforeAnythingIsWrittenUnlessAllowed() {
        Path inside = input.resolve("predictions");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> job().run(
                input.toString(), inside.toString(), dir.resolve("results_elsewhere").toString(), false, false));
        assertTrue(refused.getMessage().contains("the output is inside the input root"), refused.getMessage());
        assertFalse(Files.exists(inside));
        IllegalArgumentException results = assertThrows(IllegalArgumentException.class, () -> job().run(
                input.toString(), dir.resolve("out_elsewhere").toString(), input.toString(), false, false));
        assertTrue(results.getMessage().contains("inside the input root"), results.getMessage());

        // A sibling whose name starts like the root is outside it.
        PredictJob.requireOutside(new org.apache.hadoop.fs.Path("file:/data/root"),
                new org.apache.hadoop.fs.Path("file:/data/root_predictions"));
    }

    @Test
    void everyGoodCaseIsWrittenAsVoxsegPredictWritesItAndTheBrokenOneIsARow() throws IOException {
        Path output = dir.resolve("out1");
        List<CaseResult> results = job().run(input.toString(), output.toString(), output.toString(), false, false);

        assertEquals(TinyCases.GOOD + 1, results.size());
        for (CaseResult result : results) {
            if (result.id().equals(TinyCases.BROKEN)) {
                assertEquals(CaseStatus.FAILED, result.status());
                assertTrue(result.message().contains(TinyCases.BROKEN + "_flair.nii.gz"), result.message());
                assertEquals(1, result.message().lines().count());
                assertTrue(result.voxels().isEmpty());
            } else {
                assertEquals(CaseStatus.OK, result.status(), result.message());
                assertNull(result.message());
                assertEquals(32 * 32 * 24, result.voxels().stream().mapToLong(Long::longValue).sum());
                assertSameBytes(result.id(), output);
            }
        }
        assertEquals(List.of(".nii.gz", ".nii.gz", ".nii.gz", ".nii.gz", "results.csv", "results.parquet"),
                names(output));

        SparkSession spark = TinyCases.spark();
        List<Row> table = spark.read().parquet(output.resolve("results.parquet").toString())
                .groupBy("status").count().orderBy("status").collectAsList();
        assertEquals("[[failed,1], [ok,4]]", table.toString());
        List<String> csv = Files.readAllLines(output.resolve("results.csv"));
        assertEquals("case,status,message,seconds,executor,voxels_0,voxels_2,voxels_1,voxels_4", csv.get(0));
        assertEquals(1, csv.stream().filter(line -> line.startsWith(TinyCases.BROKEN + ",failed,")).count());
    }

    @Test
    void aSecondRunSkipsWhatIsDoneAndRedoesAnUnreadableOutputOrEverythingWithOverwrite() throws IOException {
        Path output = dir.resolve("out2");
        job().run(input.toString(), output.toString(), output.toString(), false, false);
        Path cut = output.resolve("BraTS20_Synth_001.nii.gz");
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 10));

        List<CaseResult> again = job().run(input.toString(), output.toString(), output.toString(), false, false);
        assertEquals(List.of(CaseStatus.SKIPPED, CaseStatus.OK, CaseStatus.SKIPPED, CaseStatus.SKIPPED,
                CaseStatus.FAILED), again.stream().map(CaseResult::status).toList());
        assertArrayEquals(whole, Files.readAllBytes(cut));
        assertEquals(32 * 32 * 24, again.get(0).voxels().stream().mapToLong(Long::longValue).sum());

        List<CaseResult> overwritten = job().run(input.toString(), output.toString(), output.toString(), true, false);
        assertEquals(TinyCases.GOOD, overwritten.stream().filter(r -> r.status() == CaseStatus.OK).count());
    }

    @Test
    void aTaskThatFailsHalfWayIsRetriedAndLeavesOneCompleteOutputPerCaseAndNoTemporaryFile() throws IOException {
        Path output = dir.resolve("out3");
        Files.createDirectories(output);
        HadoopSettings hadoop = new HadoopSettings(TinyCases.spark().sparkContext().hadoopConfiguration());
        org.apache.hadoop.fs.Path folder = hadoop.qualified(output.toString());
        PredictJob job = job();
        ModelDescription description = ModelFiles.describe(run.toString(), hadoop);
        List<CaseRef> cases = new CaseCatalog(hadoop, description.channels()).find(hadoop.qualified(input.toString()));
        int[] labels = description.labelArray();
        PredictCase task = new PredictCase(modelSettings(), labels, folder, false, hadoop);

        List<CaseResult> results = job.run(cases, new FailsFirstAttempt(task, "BraTS20_Synth_002", folder.toString()),
                folder, folder, labels);

        assertEquals(TinyCases.GOOD, results.stream().filter(r -> r.status() == CaseStatus.OK).count());
        for (int c = 0; c < TinyCases.GOOD; c++) {
            assertSameBytes("BraTS20_Synth_00" + c, output);
        }
        assertEquals(List.of(".nii.gz", ".nii.gz", ".nii.gz", ".nii.gz", "results.csv", "results.parquet"),
                names(output));
    }

    /**
     * A task whose first attempt at one case dies half-way through publishing it, as a killed executor would: it
     * leaves a partial temporary file beside the outputs and fails the task, which Spark then tries again.
     */
    private record FailsFirstAttempt(PredictCase task, String victim, String output)
            implements Function<CaseRef, CaseResult> {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public CaseResult call(CaseRef entry) throws Exception {
            if (entry.id().equals(victim) && TaskContext.get().attemptNumber() == 0) {
                org.apache.hadoop.fs.Path target = PredictCase.target(new org.apache.hadoop.fs.Path(output), victim);
                Files.write(Path.of(Publisher.temporary(target, "killed").toUri()), new byte[] {31, -117, 8});
                throw new IllegalStateException("executor lost while writing " + victim);
            }
            return task.call(entry);
        }
    }

    private static void assertSameBytes(String caseId, Path output) throws IOException {
        assertArrayEquals(Files.readAllBytes(reference.resolve(caseId + ".nii.gz")),
                Files.readAllBytes(output.resolve(caseId + ".nii.gz")), caseId);
    }

    /** The entries of {@code folder}, label maps by their extension only, sorted; hidden files included. */
    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).map(n -> n.endsWith(".nii.gz") && !n.startsWith(".")
                    ? ".nii.gz" : n).sorted().toList();
        }
    }
}
