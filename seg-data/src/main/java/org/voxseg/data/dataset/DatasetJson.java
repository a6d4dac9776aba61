package org.voxseg.data.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dataset's {@code dataset.json} (the Decathlon's or nnU-Net's), read with one-line errors that name the file and
 * the key. The layouts take what they need from it.
 */
final class DatasetJson {

    /** The file's name in a dataset root. */
    static final String FILE_NAME = "dataset.json";

    private final Path file;
    private final JsonNode root;

    private DatasetJson(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** The {@code dataset.json} in {@code folder}, if there is one. */
    static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_NAME));
    }

    /**
     * Reads {@code folder/dataset.json}.
     *
     * @throws IOException if it cannot be read or is not a JSON object
     */
    static DatasetJson read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": a dataset.json is a JSON object");
        }
        return new DatasetJson(file, root);
    }

    Path file() {
        return file;
    }

    boolean has(String key) {
        return root.has(key);
    }

    /** The key's value; refused in one line if missing. */
    JsonNode required(String key) throws IOException {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) {
            throw problem(key, "missing");
        }
        return value;
    }

    /** The key's text, or {@code fallback} if it has none. */
    String text(String key, String fallback) {
        JsonNode value = root.get(key);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }

    /**
     * The names of an object keyed "0", "1", ... (the channels), in index order; refused unless the keys run from 0
     * without a gap.
     */
    List<String> indexedNames(String key) throws IOException {
        JsonNode value = required(key);
        if (!value.isObject() || value.isEmpty()) {
            throw problem(key, "must be an object {\"0\": name, \"1\": name, ...}");
        }
        TreeMap<Integer, String> names = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            names.put(integer(key, entry.getKey()), entry.getValue().asText());
        }
        if (names.firstKey() != 0 || names.lastKey() != names.size() - 1) {
            throw problem(key, "keys must run 0, 1, ... without a gap: " + names.keySet());
        }
        return new ArrayList<>(names.values());
    }

    /** An integer written as text (a key); refused in one line naming {@code key} otherwise. */
    int integer(String key, String text) throws IOException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw problem(key, "'" + text + "' is not a whole number");
        }
    }

    /** A one-line problem with {@code key}. */
    IOException problem(String key, String what) {
        return new IOException(file + ": '" + key + "': " + what);
    }
}
