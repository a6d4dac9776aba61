package org.voxseg.spark.predict;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.voxseg.core.api.Segmenter;
import org.voxseg.core.api.Voxseg;
import org.voxseg.spark.io.HadoopSettings;
import org.voxseg.spark.io.LocalStage;

/**
 * The segmenters of one executor JVM, kept across its tasks: models are loaded once per JVM and settings, not once
 * per case. A segmenter serves one task at a time, so an executor running N tasks at once holds at most N copies
 * (as {@code voxseg predict --devices} keeps one per device thread). The engine starts once per JVM with the first
 * settings' thread count; libtorch's native memory is bounded per case by seg-core, as in {@code voxseg predict}.
 */
final class SegmenterPool {

    private static Voxseg voxseg;
    private static ModelSettings loaded;
    private static final Deque<Segmenter> IDLE = new ArrayDeque<>();

    private SegmenterPool() {
    }

    /** A segmenter for {@code settings} for the caller alone until the lease is closed. */
    static synchronized Lease borrow(ModelSettings settings, HadoopSettings hadoop) throws IOException {
        if (!settings.equals(loaded)) {
            IDLE.forEach(Segmenter::close);
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
                return new Lease(settings, voxseg.segmenter(ModelFiles.fetch(settings.models(), hadoop, stage),
                        settings.overrides()));
            } catch (IOException e) {
                throw new IOException(stage.remoteNames(e.getMessage()), e);
            }
        }
    }

    private static synchronized void giveBack(ModelSettings settings, Segmenter segmenter) {
        if (settings.equals(loaded)) {
            IDLE.push(segmenter);
        } else {
            segmenter.close();
        }
    }

    /** A borrowed segmenter; closing the lease returns it to the pool. */
    static final class Lease implements AutoCloseable {
        private final ModelSettings settings;
        private final Segmenter segmenter;

        private Lease(ModelSettings settings, Segmenter segmenter) {
            this.settings = settings;
            this.segmenter = segmenter;
        }

        Segmenter segmenter() {
            return segmenter;
        }

        @Override
        public void close() {
            giveBack(settings, segmenter);
        }
    }
}
