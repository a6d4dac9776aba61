package org.voxseg.core.inference;

import ai.djl.ndarray.NDArray;
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

    @Override
    public NDArray predict(NDArray windows) {
        NDArray sum = members.get(0).predict(windows);
        for (int m = 1; m < members.size(); m++) {
            NDArray prediction = members.get(m).predict(windows);
            sum.addi(prediction);
            prediction.close();
        }
        return sum.divi(members.size());
    }
}
