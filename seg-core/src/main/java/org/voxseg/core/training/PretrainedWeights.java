package org.voxseg.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxseg.core.network.ParameterNames;

/**
 * Shape-tolerant loading of pretrained weights: every parameter of the target whose name and shape match one of
 * the source is copied; the others keep their initial values and are reported (e.g. a final convolution for another
 * number of regions, or a first convolution for other channels).
 */
public final class PretrainedWeights {

    private PretrainedWeights() {
    }

    /**
     * Copies the matching parameters of {@code source} into {@code target}.
     *
     * @return the readable names of the target's parameters left as initialised
     */
    public static List<String> copyMatching(Block source, Block target) {
        Map<String, NDArray> available = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : source.getParameters()) {
            available.put(p.getKey(), p.getValue().getArray());
        }
        List<String> skipped = new ArrayList<>();
        for (Pair<String, Parameter> p : target.getParameters()) {
            NDArray from = available.get(p.getKey());
            NDArray to = p.getValue().getArray();
            if (from != null && from.getShape().equals(to.getShape())) {
                to.set(from.toFloatArray());
            } else {
                skipped.add(ParameterNames.readable(p.getKey()));
            }
        }
        return skipped;
    }
}
