package org.voxseg.spark.predict;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseList;
import org.voxseg.data.dataset.NiftiFiles;
import org.voxseg.spark.io.HadoopSettings;
import org.voxseg.spark.io.LocalStage;

/**
 * The cases of a prediction, found by the driver on any Hadoop file system: a folder of BraTS case folders
 * ({@code <case>/<case>_<channel>.nii.gz}), a JSON case list ({@code [{"id": ..., "image": [...]}]}, as
 * {@code voxseg} reads) or a CSV case list with the header {@code id,<channel>,...}. Relative paths in a list are
 * taken against the list's folder. A case with a missing file is still listed: its task reports it.
 */
public final class CaseCatalog {

    private final HadoopSettings hadoop;
    private final List<String> channels;

    public CaseCatalog(HadoopSettings hadoop, List<String> channels) {
        this.hadoop = hadoop;
        this.channels = List.copyOf(channels);
    }

    /**
     * The cases {@code input} names, sorted by id.
     *
     * @throws IOException naming {@code input} if it does not exist, is no folder or list, or a list is malformed
     */
    public List<CaseRef> find(Path input) throws IOException {
        FileSystem fs = hadoop.fileSystem(input);
        FileStatus status;
        try {
            status = fs.getFileStatus(input);
        } catch (FileNotFoundException e) {
            throw new IOException("no such file or folder: " + input, e);
        }
        List<CaseRef> cases;
        String name = input.getName();
        if (status.isDirectory()) {
            cases = caseFolders(fs, input);
        } else if (name.endsWith(".json")) {
            cases = jsonList(input);
        } else if (name.endsWith(".csv")) {
            cases = csvList(fs, input);
        } else {
            throw new IOException(input + ": not a folder of case folders, a .json or a .csv case list");
        }
        if (cases.isEmpty()) {
            throw new IOException(input + ": no cases found");
        }
        return cases.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    private List<CaseRef> caseFolders(FileSystem fs, Path root) throws IOException {
        List<CaseRef> cases = new ArrayList<>();
        for (FileStatus folder : fs.listStatus(root)) {
            String id = folder.getPath().getName();
            if (!folder.isDirectory() || id.startsWith(".") || id.startsWith("_")) {
                continue;
            }
            // NIfTI files by stem; where both exist, .nii.gz (sorted after .nii) wins, as in voxseg's BraTS layout.
            Map<String, String> files = new HashMap<>();
            for (FileStatus file : fs.listStatus(folder.getPath())) {
                String fileName = file.getPath().getName();
                NiftiFiles.stem(java.nio.file.Path.of(fileName)).filter(stem -> file.isFile()
                        && fileName.compareTo(files.getOrDefault(stem, "")) > 0)
                        .ifPresent(stem -> files.put(stem, fileName));
            }
            List<String> images = new ArrayList<>();
            for (String channel : channels) {
                String stem = id + "_" + channel;
                images.add(new Path(folder.getPath(), files.getOrDefault(stem, stem + ".nii.gz")).toString());
            }
            cases.add(new CaseRef(id, images));
        }
        return cases;
    }

    /** Reads the list with seg-data's parser from a local copy, then takes its paths back to the list's folder. */
    private List<CaseRef> jsonList(Path list) throws IOException {
        try (LocalStage stage = LocalStage.create(hadoop)) {
            java.nio.file.Path local = stage.fetch(list.toString());
            java.nio.file.Path localFolder = local.toAbsolutePath().getParent();
            List<CaseRef> cases = new ArrayList<>();
            try {
                for (CaseFiles entry : CaseList.read(local)) {
                    List<String> images = new ArrayList<>();
                    for (java.nio.file.Path image : entry.images()) {
                        images.add(remote(list, localFolder, image));
                    }
                    cases.add(new CaseRef(entry.id(), images));
                }
            } catch (IOException e) {
                throw new IOException(stage.remoteNames(e.getMessage()), e);
            }
            return cases;
        }
    }

    private String remote(Path list, java.nio.file.Path localFolder, java.nio.file.Path image) throws IOException {
        java.nio.file.Path normal = image.normalize();
        String path = normal.startsWith(localFolder) ? localFolder.relativize(normal).toString() : normal.toString();
        Path resolved = new Path(list.getParent(), path);
        return hadoop.fileSystem(list).makeQualified(resolved).toString();
    }

    private List<CaseRef> csvList(FileSystem fs, Path list) throws IOException {
        String header = "id," + String.join(",", channels);
        List<CaseRef> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(fs.open(list), StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            if (first == null || !first.strip().equals(header)) {
                throw new IOException(list + ": a CSV case list starts with the header " + header);
            }
            int number = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != channels.size() + 1) {
                    throw new IOException(list + ": line " + number + ": " + fields.length + " fields; the header "
                            + header + " has " + (channels.size() + 1));
                }
                String id = fields[0].strip();
                if (id.isEmpty() || !ids.add(id)) {
                    throw new IOException(list + ": line " + number + ": case id '" + id + "' is empty or repeated");
                }
                List<String> images = new ArrayList<>();
                for (int c = 1; c < fields.length; c++) {
                    images.add(fs.makeQualified(new Path(list.getParent(), fields[c].strip())).toString());
                }
                cases.add(new CaseRef(id, images));
            }
        }
        return cases;
    }
}
