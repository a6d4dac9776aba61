package org.voxseg.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.voxseg.core.config.variant.Spelling;
import org.voxseg.core.config.variant.UnknownKeyException;
import org.voxseg.core.config.variant.UnknownNameException;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.io.InputFiles;

/**
 * Reads and writes voxseg's JSON files (configs, {@code model.json}) with one mapper (see {@link ConfigSchema}):
 * snake_case keys, unknown keys and names refused, errors turned into one line that names the file, the key's path
 * and, for a misspelt key, name or value, the nearest valid one. Defaults live in each section's builder, or in
 * the variant table of a section with variants.
 */
public final class ConfigJson {

    private static final ObjectMapper MAPPER = ConfigSchema.mapper();

    private ConfigJson() {
    }

    /**
     * The object of {@code type} in {@code file}.
     *
     * @throws ConfigException if the file is not valid JSON, has an unknown key or a value out of range
     * @throws IOException if the file cannot be read
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        try (InputStream in = InputFiles.open(file)) {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new ConfigException(file + ": the file holds no settings (null or empty); write {} for the "
                        + "defaults");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + describe(e));
        } catch (UnknownNameException | UnknownKeyException e) {
            throw new ConfigException(file + ": " + e.getMessage()); // a section with variants read on its own
        }
    }

    /**
     * The object of {@code type} in {@code file}, its JSON first completed by {@code completion} (e.g. with keys read
     * from elsewhere); errors as {@link #read(Path, Class)} gives them.
     *
     * @throws ConfigException if the file is not valid JSON, has an unknown key or a value out of range
     * @throws IOException if the file cannot be read, or the completion fails
     */
    public static <T> T read(Path file, Class<T> type, Completion completion) throws IOException {
        try (InputStream in = InputFiles.open(file)) {
            JsonNode tree = MAPPER.readTree(in);
            if (tree == null || tree.isNull() || tree.isMissingNode()) {
                throw new ConfigException(file + ": the file holds no settings (null or empty); write {} for the "
                        + "defaults");
            }
            return MAPPER.treeToValue(completion.complete(tree), type);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + describe(e));
        } catch (UnknownNameException | UnknownKeyException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    /** A step between reading a file's JSON and binding it, e.g. filling keys from the dataset it names. */
    @FunctionalInterface
    public interface Completion {
        /** The completed tree; {@code tree} itself is left as it is. */
        JsonNode complete(JsonNode tree) throws IOException;
    }

    /**
     * The object of {@code type} in the JSON {@code text}, read with the config schema; for tests and callers that
     * hold a section as text. Jackson's exceptions are passed on as they are.
     */
    public static <T> T parse(String text, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(text, type);
    }

    /** Writes {@code value} as indented JSON through a temporary file renamed into place. */
    public static void write(Path file, Object value) throws IOException {
        byte[] text = MAPPER.writeValueAsBytes(value);
        AtomicFiles.write(file, out -> out.write(text));
    }

    /** {@code value} as indented JSON text. */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String key = unknown.getPropertyName();
            String where = location(unknown, 1);
            Collection<Object> known = VariantSections.keys(unknown.getReferringClass())
                    .orElse(unknown.getKnownPropertyIds());
            String suggestion = Spelling.nearest(key, known).map(name -> "; did you mean '" + name + "'?").orElse("");
            return "unknown key '" + key + "'" + (where.isEmpty() ? "" : " in '" + where + "'") + suggestion
                    + " (valid: " + known.stream().map(Object::toString).sorted().collect(Collectors.joining(", "))
                    + ")";
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownKeyException foreign && e instanceof JsonMappingException mapping) {
                return "unknown key '" + ConfigSchema.jsonKey(foreign.key()) + "' in '" + location(mapping, 0)
                        + "' (name '" + foreign.variant() + "'; valid: " + foreign.valid().stream()
                        .map(ConfigSchema::jsonKey).sorted().collect(Collectors.joining(", ")) + ")";
            }
            if (cause instanceof UnknownNameException name && e instanceof JsonMappingException mapping) {
                String where = location(mapping, 0);
                return "'" + (where.isEmpty() ? "" : where + ".") + "name': " + name.getMessage();
            }
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            List<Object> known = Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(c -> (Object) c.toString().toLowerCase(Locale.ROOT)).toList();
            String value = String.valueOf(format.getValue());
            return "'" + location(format, 0) + "': unknown value '" + value + "'"
                    + Spelling.nearest(value, known).map(name -> "; did you mean '" + name + "'?").orElse("")
                    + " (valid: " + known.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            String where = location(invalid, 0);
            return (where.isEmpty() ? "" : "'" + where + "': ") + invalid.getCause().getMessage();
        }
        String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
        String key = e instanceof JsonMappingException mapping ? location(mapping, 0) : "";
        String where = key.isEmpty() ? line : "'" + key + "'" + (line.isEmpty() ? "" : " (" + line + ")");
        return (where.isEmpty() ? "" : where + ": ") + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    /** The dotted path of the failing key, without its last {@code drop} elements. */
    private static String location(JsonMappingException e, int drop) {
        var path = e.getPath();
        return path.subList(0, Math.max(0, path.size() - drop)).stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
