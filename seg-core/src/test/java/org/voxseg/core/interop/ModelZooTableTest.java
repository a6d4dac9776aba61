package org.voxseg.core.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ConfigException;

/**
 * The table of MONAI model zoo bundles in docs/interoperability.md is what voxseg does with configs shaped like them
 * ({@code interop/zoo}, written by make_zoo_configs.py): each row marked imported reads and builds with no option,
 * each row marked refused is refused with the message fragment it quotes, and the closing count is the table's.
 */
class ModelZooTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z0-9_]+)` \\| (yes|no) \\| "
            + "(imported|refused: `([^`]+)`) \\|.*");
    private static final Pattern COUNT = Pattern.compile("(\\d+) of the (\\d+) 3-D sliding-window segmentation bundles "
            + "in the table import");

    @TempDir
    Path dir;

    private record Row(String bundle, boolean slidingWindow, String refusal) {
    }

    /** The page that holds the table (tests run in the module's folder). */
    private static List<String> page() throws IOException {
        return Files.readAllLines(Path.of("..", "docs", "interoperability.md"));
    }

    private static List<Row> rows(List<String> page) {
        List<Row> rows = new ArrayList<>();
        for (String line : page) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.add(new Row(row.group(1), row.group(2).equals("yes"), row.group(4)));
            }
        }
        return rows;
    }

    /** The error voxseg gives for the fixture bundle, or null if it imports. */
    private String importProblem(String bundle) throws IOException {
        Path copy = dir.resolve(bundle);
        Path source = InteropFixtures.folder().resolve("zoo").resolve(bundle);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.createDirectories(copy.resolve("models"));
        Files.writeString(copy.resolve("models/model.ts"), "read, not loaded");
        try {
            MonaiBundle.read(copy).build();
            return null;
        } catch (ConfigException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void everyRowSaysWhatVoxsegDoesWithABundleShapedLikeIt() throws IOException {
        List<String> page = page();
        List<Row> rows = rows(page);
        try (Stream<Path> fixtures = Files.list(InteropFixtures.folder().resolve("zoo"))) {
            assertEquals(fixtures.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList(),
                    rows.stream().map(Row::bundle).sorted().toList());
        }
        int imported = 0;
        for (Row row : rows) {
            String problem = importProblem(row.bundle());
            if (row.refusal() == null && problem != null) {
                fail(row.bundle() + " is marked imported but is refused: " + problem);
            }
            if (row.refusal() != null) {
                assertTrue(problem != null && problem.contains(row.refusal()), row.bundle() + ": '" + row.refusal()
                        + "' is not in " + problem);
            }
            imported += row.slidingWindow() && problem == null ? 1 : 0;
        }
        long slidingWindow = rows.stream().filter(Row::slidingWindow).count();
        Matcher count = COUNT.matcher(String.join(" ", page));
        assertTrue(count.find(), "docs/interoperability.md states the count");
        assertEquals(imported + " of the " + slidingWindow, count.group(1) + " of the " + count.group(2));
    }
}
