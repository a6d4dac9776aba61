package org.voxseg.spark.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.spark.io.HadoopSettings;

/** Finding cases on a Hadoop file system: BraTS case folders, CSV and JSON case lists. */
class CaseCatalogTest {

    private static final List<String> CHANNELS = List.of("flair", "t1");

    @TempDir
    Path dir;

    private final HadoopSettings hadoop = new HadoopSettings(new Configuration());

    private List<CaseRef> find(Path input) throws IOException {
        return new CaseCatalog(hadoop, CHANNELS).find(hadoop.qualified(input.toString()));
    }

    private String uri(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    @Test
    void caseFoldersGiveOneFilePerChannelPreferringNiiGzAndNameAMissingOneForItsTask() throws IOException {
        Path b = Files.createDirectories(dir.resolve("B"));
        Files.createFile(b.resolve("B_flair.nii"));
        Files.createFile(b.resolve("B_flair.nii.gz"));
        Files.createFile(b.resolve("B_t1.nii"));
        Path a = Files.createDirectories(dir.resolve("A"));
        Files.createFile(a.resolve("A_flair.nii.gz"));
        Files.createDirectories(dir.resolve(".hidden"));
        Files.createFile(dir.resolve("notes.txt"));

        assertEquals(List.of(new CaseRef("A", List.of(uri(a.resolve("A_flair.nii.gz")), uri(a.resolve("A_t1.nii.gz")))),
                new CaseRef("B", List.of(uri(b.resolve("B_flair.nii.gz")), uri(b.resolve("B_t1.nii"))))), find(dir));
    }

    @Test
    void aCsvListNamesItsChannelsInTheHeaderAndItsPathsRelativeToItsFolder() throws IOException {
        Path list = Files.writeString(dir.resolve("cases.csv"), "id,flair,t1\nb,x/b_f.nii.gz,/data/b_t1.nii.gz\n\n"
                + "a,a_f.nii.gz,a_t1.nii.gz\n");

        assertEquals(List.of(new CaseRef("a", List.of(uri(dir.resolve("a_f.nii.gz")), uri(dir.resolve("a_t1.nii.gz")))),
                new CaseRef("b", List.of(uri(dir.resolve("x/b_f.nii.gz")), "file:/data/b_t1.nii.gz"))), find(list));
    }

    @Test
    void aMalformedCsvListIsOneLineNamingTheFileAndLine() throws IOException {
        Path header = Files.writeString(dir.resolve("header.csv"), "id,t1,flair\n");
        Path fields = Files.writeString(dir.resolve("fields.csv"), "id,flair,t1\na,f.nii.gz\n");
        Path twice = Files.writeString(dir.resolve("twice.csv"), "id,flair,t1\na,f,t\na,f,t\n");

        assertEquals(uri(header) + ": a CSV case list starts with the header id,flair,t1",
                assertThrows(IOException.class, () -> find(header)).getMessage());
        assertEquals(uri(fields) + ": line 2: 2 fields; the header id,flair,t1 has 3",
                assertThrows(IOException.class, () -> find(fields)).getMessage());
        assertEquals(uri(twice) + ": line 3: case id 'a' is empty or repeated",
                assertThrows(IOException.class, () -> find(twice)).getMessage());
    }

    @Test
    void aJsonListIsReadAsVoxsegReadsItWithItsPathsBackInItsFolder() throws IOException {
        Path list = Files.writeString(dir.resolve("cases.json"),
                "[{\"id\": \"c1\", \"image\": [\"c1/f.nii.gz\", \"/abs/t1.nii.gz\"]}]");
        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"image\": []}]");

        assertEquals(List.of(new CaseRef("c1", List.of(uri(dir.resolve("c1/f.nii.gz")), "file:/abs/t1.nii.gz"))),
                find(list));
        assertEquals(uri(broken) + ": entry 0: \"image\" must be a file or a non-empty list of files",
                assertThrows(IOException.class, () -> find(broken)).getMessage());
    }

    @Test
    void anythingElseIsRefusedNamingIt() throws IOException {
        Path text = Files.createFile(dir.resolve("cases.txt"));
        Path missing = dir.resolve("missing");

        assertEquals(uri(text) + ": not a folder of case folders, a .json or a .csv case list",
                assertThrows(IOException.class, () -> find(text)).getMessage());
        assertEquals("no such file or folder: " + uri(missing),
                assertThrows(IOException.class, () -> find(missing)).getMessage());
        assertEquals(uri(dir) + ": no cases found", assertThrows(IOException.class, () -> find(dir)).getMessage());
    }
}
