package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseListTest {

    @TempDir
    Path dir;

    @Test
    void readsThreeDUnetStyleListsRelativeToTheListFile() throws IOException {
        Path list = dir.resolve("cases.json");
        Files.writeString(list, """
                [{"image": ["a/a_t1.nii.gz", "a/a_t2.nii.gz"], "label": "a/a_seg.nii.gz"},
                 {"id": "second", "image": "/data/b_t1.nii", "label": null}]
                """);

        List<CaseFiles> cases = CaseList.read(list);

        assertEquals("a_t1", cases.get(0).id());
        assertEquals(List.of(dir.resolve("a/a_t1.nii.gz"), dir.resolve("a/a_t2.nii.gz")), cases.get(0).images());
        assertEquals(dir.resolve("a/a_seg.nii.gz"), cases.get(0).label().orElseThrow());
        assertEquals("second", cases.get(1).id());
        assertEquals(List.of(Path.of("/data/b_t1.nii")), cases.get(1).images());
        assertTrue(cases.get(1).label().isEmpty());
    }

    @Test
    void namesTheEntryAndFieldAtFault() throws IOException {
        Path list = dir.resolve("cases.json");
        Files.writeString(list, "[{\"image\": [\"x.nii\"]}, {\"label\": \"y.nii\"}]");

        IOException error = assertThrows(IOException.class, () -> CaseList.read(list));

        assertEquals(list + ": entry 1: \"image\" must be a file or a non-empty list of files", error.getMessage());
    }

    @Test
    void malformedJsonIsOneLine() throws IOException {
        Path list = dir.resolve("cases.json");
        Files.writeString(list, "[{\"image\": ");

        IOException error = assertThrows(IOException.class, () -> CaseList.read(list));

        assertTrue(error.getMessage().startsWith(list + ": not valid JSON"), error.getMessage());
        assertEquals(1, error.getMessage().lines().count());
    }
}
