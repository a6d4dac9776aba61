package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFileTest {

    private static final List<String> IDS = IntStream.range(0, 11).mapToObj(i -> "case_" + i).toList();

    @TempDir
    Path dir;

    @Test
    void kFoldPartitionsTheCases() {
        SplitFile split = SplitFile.kFold(IDS, 3, 42);

        assertEquals(3, split.folds().size());
        assertEquals(List.of(4, 4, 3), split.folds().stream().map(f -> f.validation().size()).toList());
        List<String> allValidation = new ArrayList<>();
        for (SplitFile.Fold fold : split.folds()) {
            allValidation.addAll(fold.validation());
            Set<String> both = new HashSet<>(fold.train());
            both.retainAll(fold.validation());
            assertTrue(both.isEmpty(), "train and validation are disjoint");
            assertEquals(11, fold.train().size() + fold.validation().size());
        }
        assertEquals(new HashSet<>(IDS), new HashSet<>(allValidation));
        assertEquals(11, allValidation.size(), "every case validates exactly once");
    }

    @Test
    void seedDecidesTheShuffle() {
        assertEquals(SplitFile.kFold(IDS, 5, 1), SplitFile.kFold(IDS, 5, 1));
        assertNotEquals(SplitFile.kFold(IDS, 5, 1), SplitFile.kFold(IDS, 5, 2));
    }

    @Test
    void theSplitFileIsWrittenOnceAndReused() throws IOException {
        Path file = dir.resolve("split.json");

        SplitFile first = SplitFile.loadOrCreate(file, IDS, 5, 1);
        SplitFile again = SplitFile.loadOrCreate(file, IDS, 5, 99);

        assertTrue(Files.readString(file).contains("\"validation\""));
        assertEquals(first, again, "the stored split wins over a new seed");
    }

    @Test
    void aChangedDatasetIsReported() throws IOException {
        Path file = dir.resolve("split.json");
        SplitFile.loadOrCreate(file, IDS, 5, 1);
        List<String> changed = new ArrayList<>(IDS.subList(1, 11));
        changed.add("case_new");

        IOException error = assertThrows(IOException.class, () -> SplitFile.loadOrCreate(file, changed, 5, 1));

        assertEquals(file + ": the split was made for other cases (new: [case_new], gone: [case_0]); delete it to"
                + " split again", error.getMessage());
    }

    @Test
    void fixedValidationList() {
        SplitFile split = SplitFile.fixed(IDS, List.of("case_3", "case_5"));

        assertEquals(List.of("case_3", "case_5"), split.fold(0).validation());
        assertEquals(9, split.fold(0).train().size());
        assertThrows(IllegalArgumentException.class, () -> SplitFile.fixed(IDS, List.of("case_99")));
        assertThrows(IllegalArgumentException.class, () -> split.fold(1));
    }
}
