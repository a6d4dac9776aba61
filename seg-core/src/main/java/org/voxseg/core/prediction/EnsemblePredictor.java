package org.voxseg.core.prediction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/** The mean of several predictors' outputs, e.g. the models of a cross-validation's folds. */
public final class EnsemblePredictor implements Predictor {

    private final List<Predictor> members;

    public EnsemblePredictor(List<Predictor> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one model");
        }
        this.members = List.copyOf(members);
    }

    /** Each member runs in its own scope, so only the running sum outlives it. */
    @Override
    public NDArray predict(NDArray windows) {
        NDManager parent = windows.getManager();
        NDArray sum = null;
        for (Predictor member : members) {
            try (NDManager scope = parent.newSubManager()) {
                scope.tempAttachAll(windows);
                NDArray prediction = member.predict(windows);
                if (sum == null) {
                    sum = prediction;
                    sum.attach(parent);
                } else {
                    sum.addi(prediction);
                }
            }
        }
        return sum.divi(members.size());
    }
}
