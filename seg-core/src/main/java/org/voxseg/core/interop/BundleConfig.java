package org.voxseg.core.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.voxseg.core.config.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One JSON or YAML file of a MONAI bundle, read as MONAI's config parser would for the values voxseg needs:
 * {@code "@a#b"} references resolved against the file's top level; {@code "$..."} Python expressions refused by key,
 * since voxseg does not run Python. Every problem is reported as one line naming the file and the key.
 */
final class BundleConfig {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REFERENCE_DEPTH = 16;
    /** Strings that Python takes as true and that plainly mean it, lower-cased. */
    private static final Set<String> TRUE_TEXTS = Set.of("true", "1", "yes", "y", "on", "t");
    /** Strings that read as false although Python takes them as true, lower-cased. */
    private static final Set<String> FALSE_TEXTS = Set.of("false", "0", "no", "n", "off", "f", "none");

    private final Path file;
    private final JsonNode root;

    private BundleConfig(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Reads {@code file}.
     *
     * @throws ConfigException if it is not a JSON object
     */
    static BundleConfig read(Path file) throws IOException {
        JsonNode root;
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            root = readYaml(file);
        } else {
            try {
                root = JSON.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                throw new ConfigException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
            }
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + ": a bundle config is a mapping of keys to values");
        }
        return new BundleConfig(file, root);
    }

    /**
     * A YAML config as the JSON tree it stands for, read as MONAI reads it ({@code yaml.safe_load}: YAML 1.1, so
     * {@code yes}/{@code no} are booleans), with plain data types only (no YAML tags that build objects).
     */
    private static JsonNode readYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        } catch (YAMLException | IllegalArgumentException e) {
            throw new ConfigException(file + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
    }

    /** The value at the top-level {@code key} with references resolved, if present. */
    Optional<JsonNode> find(String key) throws ConfigException {
        JsonNode value = root.path(key);
        return value.isMissingNode() ? Optional.empty() : Optional.of(resolve(value, key));
    }

    /**
     * {@code value} with a reference followed to what it names.
     *
     * @throws ConfigException for an expression or a reference to nothing, naming {@code key}
     */
    JsonNode resolve(JsonNode value, String key) throws ConfigException {
        JsonNode current = value;
        for (int depth = 0; current.isTextual() && depth < MAX_REFERENCE_DEPTH; depth++) {
            String text = current.asText();
            if (text.startsWith("$")) {
                throw problem(key, "is a Python expression (" + text + "); voxseg needs a plain value there");
            }
            if (!text.startsWith("@")) {
                return current;
            }
            current = at(text.substring(1));
            if (current.isMissingNode()) {
                throw problem(key, "refers to " + text + ", which the file does not have");
            }
        }
        return current;
    }

    /** The items of a list value (a Compose's transforms), each resolved. */
    List<JsonNode> items(JsonNode list, String key) throws ConfigException {
        JsonNode resolved = resolve(list, key);
        if (!resolved.isArray()) {
            throw problem(key, "should be a list");
        }
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            items.add(resolve(resolved.get(i), key + "[" + i + "]"));
        }
        return items;
    }

    /** The text at {@code node}'s {@code name} (reported as {@code key.name}), or {@code fallback} if absent. */
    String text(JsonNode node, String name, String key, String fallback) throws ConfigException {
        return value(node, name, key, JsonNode::isTextual, "should be text").map(JsonNode::asText).orElse(fallback);
    }

    /** The number at {@code node}'s {@code name}, or {@code fallback} if absent. */
    double number(JsonNode node, String name, String key, double fallback) throws ConfigException {
        return value(node, name, key, JsonNode::isNumber, "should be a number").map(JsonNode::asDouble)
                .orElse(fallback);
    }

    /** The whole number at {@code node}'s {@code name}, or {@code fallback} if absent. */
    int integer(JsonNode node, String name, String key, int fallback) throws ConfigException {
        return value(node, name, key, JsonNode::isIntegralNumber, "should be a whole number").map(JsonNode::asInt)
                .orElse(fallback);
    }

    /**
     * The flag at {@code node}'s {@code name}, or {@code fallback} if absent. As MONAI passes a plain string on and
     * Python tests its truth, a string that plainly means true ({@code "True"}, {@code "1"}, {@code "yes"}, ...) is
     * true and the empty string false; a string that reads as false but that Python takes as true ({@code "False"},
     * {@code "0"}) is refused, as are others. Whole numbers are true unless 0.
     */
    boolean flag(JsonNode node, String name, String key, boolean fallback) throws ConfigException {
        Optional<JsonNode> value = value(node, name, key, v -> v.isBoolean() || v.isIntegralNumber() || v.isTextual(),
                "should be true or false");
        if (value.isEmpty()) {
            return fallback;
        }
        JsonNode flag = value.get();
        if (!flag.isTextual()) {
            return flag.isBoolean() ? flag.asBoolean() : flag.asLong() != 0;
        }
        String text = flag.asText().strip().toLowerCase(Locale.ROOT);
        if (TRUE_TEXTS.contains(text) || text.isEmpty()) {
            return !text.isEmpty();
        }
        throw problem(key + "." + name, "is the string '" + flag.asText() + "', which Python takes as "
                + (FALSE_TEXTS.contains(text) ? "true although it reads as false" : "true") + "; write true or false");
    }

    /** {@code value} as a whole number, reported as {@code key} if it is not one. */
    int wholeNumber(JsonNode value, String key) throws ConfigException {
        if (!value.isIntegralNumber()) {
            throw problem(key, "should hold whole numbers");
        }
        return value.asInt();
    }

    /** The resolved value at {@code node}'s {@code name} if present and not null, checked to be of its type. */
    private Optional<JsonNode> value(JsonNode node, String name, String key, Predicate<JsonNode> type,
            String expected) throws ConfigException {
        String path = key + "." + name;
        JsonNode value = resolve(node.path(name), path);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!type.test(value)) {
            throw problem(path, expected);
        }
        return Optional.of(value);
    }

    /** A problem with {@code key}, as one line naming the file. */
    ConfigException problem(String key, String what) {
        return new ConfigException(file + ": '" + key + "' " + what);
    }

    /** A problem with the file as a whole, as one line naming it. */
    ConfigException problem(String what) {
        return new ConfigException(file + ": " + what);
    }

    /** The node at a MONAI id such as {@code inferer#roi_size} (parts separated by {@code #}). */
    private JsonNode at(String id) {
        JsonNode node = root;
        for (String part : id.split("#", -1)) {
            if (node.isArray() && part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                node = node.path(Integer.parseInt(part));
            } else if (node.isObject()) {
                node = node.path(part);
            } else {
                return MissingNode.getInstance();
            }
        }
        return node;
    }
}
