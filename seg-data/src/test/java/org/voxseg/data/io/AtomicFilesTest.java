package org.voxseg.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheTargetOnlyWhenComplete() throws IOException {
        Path target = dir.resolve("checkpoint.bin");
        AtomicFiles.write(target, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(target, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));

        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), Files.list(dir).toList());
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndLeavesNoTemporary() throws IOException {
        Path target = dir.resolve("checkpoint.bin");
        Files.writeString(target, "good");

        IOException error = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals(target + ": disk full", error.getMessage(), "a bare I/O error names the file");
        assertEquals("good", Files.readString(target));
        assertEquals(List.of(target), Files.list(dir).toList());
    }

    @Test
    void aMissingFolderIsReported() {
        assertThrows(NoSuchFileException.class,
                () -> AtomicFiles.write(dir.resolve("missing/out.nii"), out -> out.write(1)));
    }

    @Test
    void writtenFilesGetTheUmasksPermissionsNotOwnerOnly() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = dir.resolve("written.txt");

        AtomicFiles.write(written, out -> out.write(1));

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    @Test
    void staleTemporaryFilesAreRemovedAndNothingElse() throws IOException {
        Path kept = Files.writeString(dir.resolve("latest.ckpt"), "good");
        Path hidden = Files.writeString(dir.resolve(".hidden"), "not ours");
        Files.writeString(dir.resolve(".latest.ckpt.1x2y3z.part"), "half");
        Files.writeString(dir.resolve(".best.ckpt8412337.part"), "half, older naming");

        assertEquals(2, AtomicFiles.removeStale(dir));

        assertEquals(List.of(hidden, kept), Files.list(dir).sorted().toList());
    }

    @Test
    void aTemporaryFileIsStaleOnlyOnceItsProcessIsGone() throws IOException {
        Path dead = Files.writeString(dir.resolve(".cache.vxcache.999999999-d3ad.part"), "half");
        Path live = Files.writeString(dir.resolve(".cache.vxcache." + ProcessHandle.current().pid() + "-l1ve.part"),
                "being written");

        assertEquals(1, AtomicFiles.removeStale(dir));

        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(live));
    }

    @Test
    void aFullDiskIsReportedNamingTheFileAndWhatToDo() {
        Path target = dir.resolve("model.json");

        IOException error = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("No space left on device");
        }));

        assertEquals(target + ": No space left on device; free space on that disk and run the command again",
                error.getMessage());
    }
}
