package org.voxseg.spark.predict;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.voxseg.core.api.ModelPredictor;
import org.voxseg.core.api.Voxseg;
import org.voxseg.spark.io.HadoopSettings;
import org.voxseg.spark.io.LocalStage;

/**
 * The predictors of one executor JVM, kept across its tasks: models are loaded once per JVM and settings, not once
 * per case. A predictor serves one task at a time, so an executor running N tasks at once holds at most N copies
 * (as {@code voxseg predict --devices} keeps one per device thread). The engine starts once per JVM with the first
 * settings' thread count; libtorch's native memory is bounded per case by seg-core, as in {@code voxseg predict}.
 */
final class PredictorPool {

    private static Voxseg voxseg;
    private static ModelSettings loaded;
    private static final Deque<ModelPredictor> IDLE = new ArrayDeque<>();

    private PredictorPool() {
    }

    /** A predictor for {@code settings} for the caller alone until the lease is closed. */
    static synchronized Lease borrow(ModelSettings settings, HadoopSettings hadoop) throws IOException {
        if (!settings.equals(loaded)) {
            IDLE.forEach(ModelPredictor::close);
            IDLE.clear();
            loaded = settings;
        }
        if (!IDLE.isEmpty()) {
            return new Lease(settings, IDLE.pop());
        }
        if (voxseg == null) {
            voxseg = Voxseg.builder().threads(settings.threads()).build();
        }
        try (LocalStage stage = LocalStage.create(hadoop)) {
            try {
                return new Lease(settings, voxseg.predictor(ModelFiles.fetch(settings.models(), hadoop, stage),
                        settings.overrides()));
            } catch (IOException e) {
                throw new IOException(stage.remoteNames(e.getMessage()), e);
            }
        }
    }

    private static synchronized void giveBack(ModelSettings settings, ModelPredictor predictor) {
        if (settings.equals(loaded)) {
            IDLE.push(predictor);
        } else {
            predictor.close();
        }
    }

    /** A borrowed predictor; closing the lease returns it to the pool. */
    static final class Lease implements AutoCloseable {
        private final ModelSettings settings;
        private final ModelPredictor predictor;

        private Lease(ModelSettings settings, ModelPredictor predictor) {
            this.settings = settings;
            this.predictor = predictor;
        }

        ModelPredictor predictor() {
            return predictor;
        }

        @Override
        public void close() {
            giveBack(settings, predictor);
        }
    }
}
