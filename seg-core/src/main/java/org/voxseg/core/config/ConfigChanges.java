package org.voxseg.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a resumed run may change of the config it started with: its length, its stopping rules, its threads (compute,
 * batch loading and preprocessing) and checkpoint keeping, and the prediction defaults; anything else (data, network,
 * loss, optimiser, schedule, seed, patches...) would make the resumed run a different run than the one its checkpoint
 * continues.
 */
public final class ConfigChanges {

    /** Keys a resumed run may change, as dotted paths; a section name allows all of its keys. */
    private static final Set<String> ALLOWED = Set.of("training.epochs", "training.early_stop_patience",
            "training.moving_average_patience", "training.threads", "training.loader_threads",
            "training.checkpoint_every", "training.keep_last", "training.device", "dataset.preprocessing_workers",
            "prediction");

    private static final ObjectMapper TREES = new ObjectMapper();

    private ConfigChanges() {
    }

    /**
     * The dotted keys whose values differ between {@code stored} and {@code requested} and that a resume may not
     * change, in order.
     */
    public static List<String> refused(RunConfig stored, RunConfig requested) {
        Set<String> changed = new TreeSet<>();
        compare("", tree(stored), tree(requested), changed);
        changed.removeIf(ConfigChanges::allowed);
        return new ArrayList<>(changed);
    }

    private static boolean allowed(String key) {
        return ALLOWED.stream().anyMatch(prefix -> key.equals(prefix) || key.startsWith(prefix + "."));
    }

    private static JsonNode tree(RunConfig config) {
        try {
            return TREES.readTree(ConfigJson.text(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a config's own JSON does not parse", e);
        }
    }

    private static void compare(String path, JsonNode a, JsonNode b, Set<String> changed) {
        if (a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode left = a.path(name);
                JsonNode right = b.path(name);
                compare(path.isEmpty() ? name : path + "." + name, left, right, changed);
            }
        } else if (!a.equals(b)) {
            changed.add(path);
        }
    }
}
