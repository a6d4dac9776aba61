package org.voxseg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import graph against the layering docs/conventions.md states ("Package layering"): every seg-core main
 * package has a layer, imports only packages of lower layers, and the modules import only downwards.
 */
class LayeringTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| `([a-z.]+)` \\|");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.voxseg\\.([a-z.]+?)\\.[A-Z]",
            Pattern.MULTILINE);

    /** The layer of each package under org.voxseg.core, from the conventions' table. */
    static Map<String, Integer> layers() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("docs/conventions.md"));
        int start = lines.indexOf("## Package layering");
        assertTrue(start >= 0, "docs/conventions.md has a Package layering section");
        Map<String, Integer> layers = new TreeMap<>();
        for (String line : lines.subList(start, lines.size())) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                layers.put(row.group(2), Integer.parseInt(row.group(1)));
            }
        }
        return layers;
    }

    /** The voxseg packages (after {@code org.voxseg.}) each main source file of {@code module} imports. */
    private static Map<String, Set<String>> imports(String module) throws IOException {
        Path sources = ROOT.resolve(module).resolve("src/main/java/org/voxseg");
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = sources.relativize(file.getParent()).toString().replace('/', '.');
                Matcher imported = IMPORT.matcher(Files.readString(file));
                Set<String> packages = new TreeSet<>();
                while (imported.find()) {
                    if (!imported.group(1).equals(own)) {
                        packages.add(imported.group(1));
                    }
                }
                imports.computeIfAbsent(own, k -> new TreeSet<>()).addAll(packages);
            }
        }
        return imports;
    }

    @Test
    void everySegCorePackageImportsOnlyPackagesOfLowerLayers() throws IOException {
        Map<String, Integer> layers = layers();
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : imports("seg-core").entrySet()) {
            String own = entry.getKey().substring("core.".length());
            Integer layer = layers.get(own);
            if (layer == null) {
                violations.add(own + " has no layer in docs/conventions.md");
                continue;
            }
            for (String imported : entry.getValue()) {
                if (imported.startsWith("core.")) {
                    Integer below = layers.get(imported.substring("core.".length()));
                    if (below == null || below >= layer) {
                        violations.add(own + " (layer " + layer + ") imports " + imported + " (layer " + below + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void modulesImportOnlyDownwards() throws IOException {
        Map<String, Set<String>> allowed = Map.of("seg-data", Set.of("data"), "seg-core", Set.of("data", "core"),
                "seg-cli", Set.of("data", "core", "cli"), "seg-fiji", Set.of("data", "core", "fiji"),
                "seg-spark", Set.of("data", "core", "spark"));
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> module : allowed.entrySet()) {
            for (Map.Entry<String, Set<String>> entry : imports(module.getKey()).entrySet()) {
                for (String imported : entry.getValue()) {
                    if (!module.getValue().contains(imported.split("\\.")[0])) {
                        violations.add(module.getKey() + ": " + entry.getKey() + " imports " + imported);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theTableNamesOnlyPackagesThatExist() throws IOException {
        Set<String> packages = new TreeSet<>();
        imports("seg-core").keySet().forEach(own -> packages.add(own.substring("core.".length())));
        for (String named : layers().keySet()) {
            assertTrue(packages.contains(named), named + " is in the table but not in seg-core");
        }
        assertFalse(layers().isEmpty());
    }
}
