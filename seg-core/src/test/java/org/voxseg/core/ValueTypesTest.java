package org.voxseg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Geometry;

/**
 * The value-type rules CONTRIBUTING states: no main record of any module has an array among its components (a
 * record compares arrays by identity, so its {@code equals} would lie), and {@link Geometry} speaks in value types.
 */
class ValueTypesTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("seg-data", "seg-core", "seg-cli", "seg-fiji", "seg-spark");
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*(?:<[^>]*>)?\\s*\\(");

    /** Each main record of {@code source} whose components hold an array, as "Name(components)". */
    static List<String> recordsWithArrays(String source) {
        List<String> found = new ArrayList<>();
        Matcher record = RECORD.matcher(source);
        while (record.find()) {
            int depth = 1;
            int end = record.end();
            while (depth > 0) {
                char c = source.charAt(end++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            String components = source.substring(record.end(), end - 1);
            if (components.contains("[]")) {
                found.add(record.group(1) + "(" + components.replaceAll("\\s+", " ") + ")");
            }
        }
        return found;
    }

    @Test
    void theScanFindsArraysInAnyComponent() {
        assertEquals(List.of("Bad(String name, List<int[]> levels)"), recordsWithArrays(
                "record Good(List<Integer> labels) {}\nprivate record Bad(String name,\n    List<int[]> levels) {}"));
    }

    @Test
    void noMainRecordHoldsAnArray() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String record : recordsWithArrays(Files.readString(file))) {
                        offenders.add(file.getFileName() + ": " + record);
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), "records with array components: " + offenders);
    }

    @Test
    void geometrysPublicApiHasNoPrimitiveArrays() {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : List.of(Geometry.class, Geometry.Builder.class)) {
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                List<Class<?>> types = new ArrayList<>(List.of(method.getParameterTypes()));
                types.add(method.getReturnType());
                if (types.stream().anyMatch(Class::isArray)) {
                    offenders.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "arrays in Geometry's public API: " + offenders);
    }
}
