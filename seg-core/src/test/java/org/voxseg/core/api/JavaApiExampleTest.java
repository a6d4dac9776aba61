package org.voxseg.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.nifti.NiftiReader;

/**
 * The program of docs/java-api.md ("Use from Java"), compiled from that page itself and run on a tiny synthetic
 * dataset.
 */
@Tag("slow")
class JavaApiExampleTest {

    @TempDir
    Path dir;

    /** The first Java block after the "Use from Java" heading. */
    private static String example() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "java-api.md"));
        String section = page.substring(page.indexOf("# Use from Java"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "docs/java-api.md's Use from Java section has a Java block");
        return block.group(1);
    }

    @Test
    void theUseFromJavaExampleCompilesAndTrainsThenSegments() throws Exception {
        Path source = dir.resolve("src/TrainThenPredict.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, example());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "-classpath", classPath, "-d", classes.toString(),
                source.toString());
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));

        TinyDataset.cases(dir.resolve("data/train"), 5, 1);
        List<Path> unseen = TinyDataset.cases(dir.resolve("unseen"), 2, 99);
        Path config = TinyDataset.config(dir.resolve("data/config.json"), "train", 1, "");
        Path labels = dir.resolve("labels");
        String printed = run(classes, config.toString(), dir.resolve("run").toString(),
                dir.resolve("unseen").toString(), labels.toString());

        assertTrue(printed.startsWith("trained 1 epoch(s)"), printed);
        for (Path caseFolder : unseen) {
            Path written = labels.resolve(caseFolder.getFileName() + ".nii.gz");
            Path flair = caseFolder.resolve(caseFolder.getFileName() + "_flair.nii.gz");
            assertTrue(printed.contains("wrote " + written), printed);
            assertEquals(NiftiReader.read(flair).volume().geometry(), NiftiReader.read(written).volume().geometry(),
                    "the label map keeps the input's geometry");
        }
    }

    private static String run(Path classes, String... args) throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                JavaApiExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass("TrainThenPredict").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(before);
        }
        return out.toString(StandardCharsets.UTF_8).replace(File.separatorChar, '/');
    }
}
