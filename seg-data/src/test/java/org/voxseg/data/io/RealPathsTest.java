package org.voxseg.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealPathsTest {

    @TempDir
    Path dir;

    @Test
    void aLinkAndADotDotSpellingLeadToTheSameFile() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path flair = Files.writeString(data.resolve("flair.nii.gz"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link"), data);

        assertEquals(RealPaths.of(flair), RealPaths.of(link.resolve("flair.nii.gz")));
        assertEquals(RealPaths.of(flair), RealPaths.of(data.resolve("sub/../flair.nii.gz")));
    }

    @Test
    void aFolderThatDoesNotExistYetIsPlacedThroughItsExistingAncestor() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), data);

        assertTrue(RealPaths.isInside(link.resolve("run/cache"), data));
        assertFalse(RealPaths.isInside(dir.resolve("runs/one"), data));
    }
}
