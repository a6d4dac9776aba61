package org.voxseg.spark.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A local working folder for one task: files of any Hadoop file system are copied into it under their own names,
 * because the NIfTI reader and libtorch read local files; closing it deletes everything in it. Failure messages,
 * which name the local copies, are translated back to the URIs the user gave.
 */
public final class LocalStage implements AutoCloseable {

    private final HadoopSettings hadoop;
    private final Path folder;
    private final Map<String, String> remoteNames = new LinkedHashMap<>();
    private int folders;

    private LocalStage(HadoopSettings hadoop, Path folder) {
        this.hadoop = hadoop;
        this.folder = folder;
    }

    /** A fresh folder under the JVM's temporary folder (on a cluster, the container's). */
    public static LocalStage create(HadoopSettings hadoop) throws IOException {
        return new LocalStage(hadoop, Files.createTempDirectory("voxseg-spark-"));
    }

    /**
     * Copies the file {@code uri} into its own sub-folder here (names may repeat across folders) and returns the copy.
     *
     * @throws java.io.FileNotFoundException naming {@code uri} if it does not exist
     */
    public Path fetch(String uri) throws IOException {
        return fetchTogether(List.of(uri)).resolve(new org.apache.hadoop.fs.Path(uri).getName());
    }

    /** Copies the files {@code uris} (of distinct names) into one new sub-folder here and returns that folder. */
    public Path fetchTogether(List<String> uris) throws IOException {
        Path into = Files.createDirectories(folder.resolve("in" + folders++));
        for (String uri : uris) {
            org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
            Path local = into.resolve(remote.getName());
            hadoop.fileSystem(remote).copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()),
                    true);
            remoteNames.put(local.toString(), uri);
        }
        return into;
    }

    /** A path for a file that a task writes here before it is published. */
    public Path newFile(String name) throws IOException {
        return Files.createDirectories(folder.resolve("out")).resolve(name);
    }

    /** {@code message} with every local copy named by the URI it was fetched from. */
    public String remoteNames(String message) {
        String translated = message;
        for (Map.Entry<String, String> copy : remoteNames.entrySet()) {
            translated = translated.replace(copy.getKey(), copy.getValue());
        }
        return translated;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
