package org.voxseg.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The folder to copy into {@code Fiji.app/jars} ({@code target/fiji/jars}, written before the tests) holds no
 * library that Fiji ships in another version, so copying it never leaves two versions of one library in Fiji.
 */
class FijiJarsTest {

    /** A jar file name: artifact id, then a version that starts with a digit. */
    private static final Pattern JAR = Pattern.compile("(.+?)-(\\d[^-]*(?:-[A-Za-z][\\w.]*)?)\\.jar");

    private static Map<String, String> fijiJars() throws IOException {
        Map<String, String> versions = new LinkedHashMap<>();
        try (InputStream in = FijiJarsTest.class.getResourceAsStream("/fiji-jars.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.trim().split("\\s+");
                    versions.put(fields[0], fields[1]);
                }
            }
        }
        return versions;
    }

    @Test
    void theFolderHoldsFijisVersionOfEveryLibraryFijiShips() throws IOException {
        Path folder = Path.of("target", "fiji", "jars");
        assertTrue(Files.isDirectory(folder), folder + " is written before the tests");
        Map<String, String> fiji = fijiJars();
        List<String> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jar")).sorted()
                    .toList();
        }
        List<String> clashes = new ArrayList<>();
        int shared = 0;
        for (String jar : jars) {
            Matcher name = JAR.matcher(jar);
            if (name.matches() && fiji.containsKey(name.group(1))) {
                shared++;
                if (!fiji.get(name.group(1)).equals(name.group(2))) {
                    clashes.add(jar + " (Fiji ships " + fiji.get(name.group(1)) + ")");
                }
            }
        }

        assertEquals(List.of(), clashes, "libraries in another version than Fiji's");
        assertTrue(shared >= 5, "the folder shares Jackson, jna, gson, commons-io and slf4j with Fiji: " + jars);
        assertFalse(jars.stream().anyMatch(jar -> jar.startsWith("pdfbox") || jar.startsWith("VectorGraphics2D")),
                "XChart's PDF and SVG libraries stay out: " + jars);
    }
}
