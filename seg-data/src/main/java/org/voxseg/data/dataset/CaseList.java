package org.voxseg.data.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Explicit case lists (3DUnetCNN style): a JSON array of {@code {"image": [files...], "label": file}} objects,
 * optionally with an {@code "id"}. Relative paths are resolved against the list file's folder; a case without an
 * id is named after its first image file.
 */
public final class CaseList {

    /** The keys a case-list entry may have. */
    private static final List<String> KEYS = List.of("id", "image", "label");

    private CaseList() {
    }

    /**
     * Reads the case list in {@code file}.
     *
     * @throws IOException if the file cannot be read, or (with the entry and field named) is not a list of cases
     */
    public static List<CaseFiles> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + ": a case list is a JSON array of {\"image\": [...], \"label\": ...}");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<CaseFiles> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < root.size(); n++) {
            CaseFiles entry = parse(file, folder, n, root.get(n));
            if (!ids.add(entry.id())) {
                throw new IOException(file + ": entry " + n + ": case id " + entry.id() + " appears twice");
            }
            cases.add(entry);
        }
        return cases;
    }

    private static CaseFiles parse(Path file, Path folder, int n, JsonNode entry) throws IOException {
        String where = file + ": entry " + n + ": ";
        if (!entry.isObject()) {
            throw new IOException(where + "a case is an object {\"image\": [...], \"label\": ..., \"id\": ...}");
        }
        for (Iterator<String> keys = entry.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new IOException(where + "unknown key '" + key + "' (valid: " + String.join(", ", KEYS) + ")");
            }
        }
        JsonNode image = entry.get("image");
        boolean imageGiven = image != null && (image.isTextual() || image.isArray() && !image.isEmpty());
        if (!imageGiven) {
            throw new IOException(where + "\"image\" must be a file or a non-empty list of files");
        }
        List<Path> images = new ArrayList<>();
        for (JsonNode path : image.isArray() ? image : List.of(image)) {
            if (!path.isTextual()) {
                throw new IOException(where + "\"image\" holds " + path + ", not a file name");
            }
            images.add(folder.resolve(path.asText()));
        }
        JsonNode label = entry.get("label");
        if (label != null && !label.isTextual() && !label.isNull()) {
            throw new IOException(where + "\"label\" must be a file name");
        }
        String id = entry.hasNonNull("id") ? entry.get("id").asText()
                : NiftiFiles.caseId(images.get(0));
        return new CaseFiles(id, images, Optional.ofNullable(label).filter(JsonNode::isTextual)
                .map(l -> folder.resolve(l.asText())));
    }
}
