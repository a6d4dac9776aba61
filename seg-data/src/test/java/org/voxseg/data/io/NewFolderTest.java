package org.voxseg.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewFolderTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsWrittenWholeIntoANewOrEmptyPlace() throws IOException {
        Path fresh = dir.resolve("fresh");
        Path empty = Files.createDirectory(dir.resolve("empty"));

        NewFolder.write(fresh, "the test", folder -> Files.writeString(folder.resolve("a.txt"), "a"));
        NewFolder.write(empty, "the test", folder -> Files.writeString(folder.resolve("b.txt"), "b"));

        assertEquals("a", Files.readString(fresh.resolve("a.txt")));
        assertEquals("b", Files.readString(empty.resolve("b.txt")));
        assertEquals(List.of("empty", "fresh"), names(dir));
    }

    @Test
    void aFolderWithAnythingInItOrAFileIsRefusedUntouched() throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.writeString(run.resolve("model.json"), "{}");
        Path file = Files.writeString(dir.resolve("file"), "x");

        IOException notEmpty = assertThrows(IOException.class, () -> NewFolder.write(run, "the export",
                folder -> Files.writeString(folder.resolve("model.json"), "replaced")));
        assertThrows(FileAlreadyExistsException.class, () -> NewFolder.write(file, "the export", folder -> { }));

        assertEquals(run + ": the folder is not empty; choose a new or empty folder for the export",
                notEmpty.getMessage());
        assertEquals("{}", Files.readString(run.resolve("model.json")));
        assertEquals(List.of("file", "run"), names(dir));
    }

    @Test
    void aFailedWriteLeavesNothingAndKilledWritesOfTheTargetAreRemovedButLiveOnesKept() throws IOException {
        Path target = dir.resolve("out");
        Path killed = Files.createDirectories(dir.resolve(".out.999999999-k1ll3d.part/sub"));
        Path live = Files.createDirectory(dir.resolve(".out." + ProcessHandle.current().pid() + "-l1ve.part"));
        Path other = Files.createDirectory(dir.resolve(".other.999999999-k1ll3d.part"));

        assertThrows(IOException.class, () -> NewFolder.write(target, "the test", folder -> {
            Files.writeString(folder.resolve("half.txt"), "half");
            throw new IOException("disk full");
        }));

        assertFalse(Files.exists(killed.getParent()));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(other), "another target's");
        assertEquals(List.of(live.getFileName().toString(), other.getFileName().toString()).stream().sorted()
                .toList(), names(dir), "nothing of the failed write");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
