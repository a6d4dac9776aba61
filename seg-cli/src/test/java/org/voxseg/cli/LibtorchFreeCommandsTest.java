package org.voxseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synth}, {@code info} and {@code evaluate} never load libtorch: they run in a JVM that has no libtorch to
 * load (the native jar left off the class path, DJL's cache empty), where a command that does load it fails.
 */
@Tag("slow")
class LibtorchFreeCommandsTest {

    @TempDir
    Path dir;

    /** Runs voxseg in a fresh JVM without the native libtorch jar and with an empty DJL cache. */
    private CommandRun withoutLibtorch(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = String.join(File.pathSeparator, Arrays.stream(System.getProperty(
                "surefire.test.class.path", System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("pytorch-native")).toList());
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, VoxsegMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DJL_CACHE_DIR", Files.createDirectories(dir.resolve("empty-djl-cache"))
                .toString());
        builder.environment().remove("PYTORCH_LIBRARY_PATH");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CommandRun(process.waitFor(), out, err);
    }

    @Test
    void synthInfoAndEvaluateRunWhereLibtorchCannotLoad() throws Exception {
        Path data = dir.resolve("data");
        CommandRun synth = withoutLibtorch("synth", "--out", data.toString(), "--cases", "1", "--shape", "16,16,16");
        Path seg = data.resolve("BraTS20_Synth_000").resolve("BraTS20_Synth_000_seg.nii.gz");
        CommandRun info = withoutLibtorch("info", seg.toString(), "--json");
        CommandRun evaluate = withoutLibtorch("evaluate", "--prediction", seg.toString(), "--reference",
                seg.toString(), "--dataset", data.toString());
        CommandRun version = withoutLibtorch("--version");

        assertEquals(0, synth.exitCode(), synth.err());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("\"nifti_version\""), info.out());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains("WT     dice  mean 1.0000"), evaluate.out());
        assertTrue(version.exitCode() != 0 && !version.err().isEmpty(),
                "--version loads libtorch, and cannot here: the set-up would catch a command that loads it");
    }
}
