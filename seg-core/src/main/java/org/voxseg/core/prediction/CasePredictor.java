package org.voxseg.core.prediction;

import ai.djl.ndarray.NDManager;
import java.nio.FloatBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.label.Postprocessing;
import org.voxseg.data.transform.Interpolation;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.transform.Preprocessor;
import org.voxseg.data.volume.Volume;

/**
 * A whole case from input channels to a label map on the input's grid: preprocessing (as in training), sliding-window
 * inference (blending probabilities, or raw outputs turned into probabilities afterwards), probabilities brought
 * back to the original grid (linear, as nnU-Net does, so decoding happens at the input's resolution), decoding
 * (region order or arg-max), postprocessing. Outputs holding NaN or infinity are refused
 * ({@link NonFiniteOutputException}). The result carries the input's geometry, so writing it gives a file that
 * overlays the input.
 */
public final class CasePredictor {

    private final Preprocessor preprocessor;
    private final SlidingWindow slidingWindow;
    private final Predictor predictor;
    private final LabelEncoding encoding;
    private final Postprocessing postprocessing;
    private final OutputActivation blendedActivation;

    /**
     * A predictor whose windows give probabilities.
     *
     * @param postprocessing clean-up of the label map ({@link Postprocessing#NONE} for none)
     */
    public CasePredictor(PreprocessingSettings preprocessing, SlidingWindow slidingWindow, Predictor predictor,
            LabelEncoding encoding, Postprocessing postprocessing) {
        this(preprocessing, slidingWindow, predictor, encoding, postprocessing, OutputActivation.NONE);
    }

    /**
     * A predictor whose windows give raw outputs, blended and then turned into probabilities by
     * {@code blendedActivation} ({@link OutputActivation#NONE} when the windows give probabilities already).
     */
    public CasePredictor(PreprocessingSettings preprocessing, SlidingWindow slidingWindow, Predictor predictor,
            LabelEncoding encoding, Postprocessing postprocessing, OutputActivation blendedActivation) {
        this.blendedActivation = Objects.requireNonNull(blendedActivation, "blendedActivation");
        this.preprocessor = new Preprocessor(preprocessing);
        this.slidingWindow = Objects.requireNonNull(slidingWindow, "slidingWindow");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.postprocessing = Objects.requireNonNull(postprocessing, "postprocessing");
    }

    /**
     * A prediction on the input's grid.
     *
     * @param labels label values (0 and the dataset's labels), one channel
     * @param probabilities the network's probabilities, one channel per region or class
     */
    public record Prediction(Volume labels, Volume probabilities) {
    }

    /** Predicts {@code image} (all channels of one case, on its original grid). */
    public Prediction predict(Volume image, NDManager manager) {
        return predict(image, manager, done -> { });
    }

    /** As {@link #predict(Volume, NDManager)}, reporting sliding-window progress in windows done. */
    public Prediction predict(Volume image, NDManager manager, IntConsumer progress) {
        Preprocessor.Result preprocessed = preprocessor.apply(image, Optional.empty());
        Volume blended = slidingWindow.predict(preprocessed.image(), predictor, manager, progress);
        // The windows' tensors are freed; without this, what malloc keeps of them grows RSS by ~90 MB per case.
        TorchRuntime.releaseFreedMemory();
        if (blended.channels() != encoding.channels()) {
            throw new IllegalArgumentException("the model gives " + blended.channels() + " channels, the label"
                    + " encoding needs " + encoding.channels());
        }
        requireFinite(blended);
        Volume probabilities = blendedActivation.probabilities(blended);
        Volume original = preprocessed.record().invert(probabilities, Interpolation.LINEAR);
        Volume labels = postprocessing.apply(encoding.decode(original));
        return new Prediction(labels, original);
    }

    /** Refuses outputs with NaN or infinity, which decoding would silently turn into background. */
    private static void requireFinite(Volume outputs) {
        FloatBuffer values = outputs.data();
        long nonFinite = 0;
        for (int v = 0; v < values.limit(); v++) {
            if (!Float.isFinite(values.get(v))) {
                nonFinite++;
            }
        }
        if (nonFinite > 0) {
            throw new NonFiniteOutputException(nonFinite, values.limit());
        }
    }
}
