package org.voxseg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code voxseg-spark} as a user runs it: the summary of a job, one-line errors, usage errors. */
class VoxsegSparkCommandTest {

    @TempDir
    static Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = VoxsegSparkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    @Tag("slow") // trains a tiny network first
    void predictThenEvaluatePrintTheirSummariesAndNameTheBrokenCase() throws IOException {
        TinyCases.spark();
        Path run = TinyCases.run(dir.resolve("model"));
        Path input = dir.resolve("input");
        TinyCases.write(dir.resolve("good"), input);
        Path output = dir.resolve("predictions");

        Run predicted = run("predict", "--master", "local[2]", "--model", run.toString(), "--input",
                input.toString(), "--output", output.toString());

        assertEquals(0, predicted.code(), predicted.err());
        assertTrue(predicted.out().startsWith(TinyCases.BROKEN + ": failed: "), predicted.out());
        assertTrue(predicted.out().contains("5 case(s): 4 predicted, 0 skipped (already there), 1 failed;"),
                predicted.out());
        assertTrue(Files.isRegularFile(output.resolve("results.csv")));

        Run scored = run("evaluate", "--master", "local[2]", "--prediction", output.toString(), "--reference",
                input.toString());
        assertEquals(0, scored.code(), scored.err());
        assertTrue(scored.out().contains("WT     dice  mean "), scored.out());
        assertTrue(scored.out().endsWith("evaluated 4 case(s)" + System.lineSeparator()), scored.out());
    }

    @Test
    void aMissingInputIsOneLineAndExitOne() {
        Path missing = dir.resolve("no-such-model");
        Run result = run("predict", "--master", "local[1]", "--model", missing.toString(), "--input", "x",
                "--output", dir.resolve("out").toString());

        assertEquals(1, result.code());
        assertEquals("voxseg-spark: no such file or folder: " + missing, result.err().strip());
    }

    @Test
    void aMasterThatIsNoSparkUrlIsOneLineNamingTheOption() {
        Run result = run("predict", "--master", "locale[2]", "--model", dir.toString(), "--input", "x", "--output",
                dir.resolve("out").toString());

        assertEquals(1, result.code());
        assertEquals("voxseg-spark: --master 'locale[2]' is not a Spark master URL; give local, local[N], local[*], "
                + "spark://HOST:PORT, yarn or k8s://URL (or leave it out under spark-submit)", result.err().strip());
    }

    @Test
    void aBadOptionIsAUsageError() {
        Run result = run("predict", "--model", "m", "--input", "i", "--output", "o", "--precision", "fp8");
        assertEquals(2, result.code());
        assertTrue(result.err().contains("--precision"), result.err());
    }
}
