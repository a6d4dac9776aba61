package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadLoaderTest {

    @TempDir
    Path root;

    @Test
    void handsOutEveryCaseInOrderAsCaseLoaderReadsIt() throws IOException {
        for (String id : List.of("case_1", "case_2", "case_3")) {
            TinyBrats.writeCase(root, id);
        }
        List<CaseFiles> cases = BratsLayout.discover(root, List.of("t2", "flair"));

        try (ReadAheadLoader loader = new ReadAheadLoader(cases)) {
            for (CaseFiles entry : cases) {
                assertTrue(loader.hasNext());
                CaseLoader.LoadedCase loaded = loader.next();
                assertEquals(entry.id(), loaded.id());
                assertEquals(CaseLoader.load(entry).image().data(), loaded.image().data());
            }
            assertFalse(loader.hasNext());
            assertThrows(NoSuchElementException.class, loader::next);
        }
    }

    @Test
    void aBrokenCaseFailsWhenItsTurnComesNamingTheFile() throws IOException {
        TinyBrats.writeCase(root, "case_1");
        TinyBrats.writeCase(root, "case_2");
        List<CaseFiles> cases = BratsLayout.discover(root, List.of("t2", "flair"));
        Path broken = cases.get(1).images().get(0);
        Files.write(broken, new byte[] {1, 2, 3});

        try (ReadAheadLoader loader = new ReadAheadLoader(cases)) {
            assertEquals("case_1", loader.next().id(), "the first case is unaffected by the second's read");
            IOException e = assertThrows(IOException.class, loader::next);
            assertTrue(e.getMessage().contains(broken.getFileName().toString()), e.getMessage());
        }
    }
}
