package org.voxseg.data.sampling;

import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.label.LabelEncoding;

/**
 * Produces training batches on background threads, a bounded number ahead, so the training loop does not wait
 * for data while cores are free. Batch n depends only on the seed and n (its own random stream), never on thread
 * timing, so a seeded run is reproducible and can resume at any batch.
 */
public final class BatchLoader implements AutoCloseable {

    private final List<SamplingCase> cases;
    private final PatchSampler sampler;
    private final AugmentationPipeline augmentation;
    private final LabelEncoding encoding;
    private final int batchSize;
    private final long seed;
    private final int ahead;
    private final ExecutorService workers;
    private final ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
    private long nextToSubmit;
    private long waitNanos;

    private BatchLoader(Builder b) {
        this.cases = List.copyOf(b.cases);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no case to sample from");
        }
        this.sampler = Objects.requireNonNull(b.sampler, "sampler");
        this.augmentation = b.augmentation;
        this.encoding = Objects.requireNonNull(b.encoding, "encoding");
        if (b.batchSize < 1 || b.threads < 1 || b.ahead < 1) {
            throw new IllegalArgumentException("batch size, threads and batches ahead must be positive");
        }
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.ahead = b.ahead;
        this.nextToSubmit = b.firstBatch;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(b.threads, task -> {
            Thread thread = new Thread(task, "voxseg-batches-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A builder: cases, sampler and encoding are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The next batch in order, waiting for it if it is not ready yet.
     *
     * @throws IllegalStateException if making the batch failed (the cause is attached)
     */
    public Batch next() {
        while (pending.size() < ahead) {
            long n = nextToSubmit++;
            pending.add(workers.submit(() -> make(n)));
        }
        long start = System.nanoTime();
        try {
            return pending.remove().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("making a batch failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            waitNanos += System.nanoTime() - start;
        }
    }

    /** Total time {@link #next()} spent waiting for batches: the data pipeline's cost to the training loop. */
    public long waitNanos() {
        return waitNanos;
    }

    /** Batch {@code n}: its own random stream picks the cases, places the patches and draws the augmentations. */
    Batch make(long n) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + n);
        int[] shape = sampler.patchShape();
        int voxels = shape[0] * shape[1] * shape[2];
        int channels = cases.get(0).image().channels();
        int targetChannels = encoding.channels();
        float[] images = new float[batchSize * channels * voxels];
        float[] targets = new float[batchSize * targetChannels * voxels];
        for (int b = 0; b < batchSize; b++) {
            SamplingCase source = cases.get(random.nextInt(cases.size()));
            Patch patch = augmentation.apply(sampler.sample(source, random), random);
            System.arraycopy(patch.image(), 0, images, b * channels * voxels, channels * voxels);
            encoding.encode(FloatBuffer.wrap(patch.labels()), 0, voxels, targets, b * targetChannels * voxels);
        }
        return new Batch(batchSize, channels, targetChannels, Extent.of(shape), images, targets);
    }

    /** Stops the background threads; batches being made are abandoned. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Collects a batch loader's settings. */
    public static final class Builder {
        private List<SamplingCase> cases = List.of();
        private PatchSampler sampler;
        private AugmentationPipeline augmentation = AugmentationPipeline.none();
        private LabelEncoding encoding;
        private int batchSize = 2;
        private long seed;
        private long firstBatch;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        private int ahead = 4;

        private Builder() {
        }

        public Builder cases(List<SamplingCase> cases) {
            this.cases = cases;
            return this;
        }

        public Builder sampler(PatchSampler sampler) {
            this.sampler = sampler;
            return this;
        }

        public Builder augmentation(AugmentationPipeline augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        public Builder encoding(LabelEncoding encoding) {
            this.encoding = encoding;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The index of the first batch to produce, e.g. when resuming mid-training; 0 by default. */
        public Builder firstBatch(long index) {
            this.firstBatch = index;
            return this;
        }

        /** Background threads; defaults to one less than the cores, at least one. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Batches made ahead of the loop (the queue bound); 4 by default. */
        public Builder ahead(int batches) {
            this.ahead = batches;
            return this;
        }

        public BatchLoader build() {
            return new BatchLoader(this);
        }
    }
}
