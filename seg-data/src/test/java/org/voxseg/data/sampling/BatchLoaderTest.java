package org.voxseg.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxseg.data.label.LabelEncoding;

class BatchLoaderTest {

    private static final LabelEncoding REGIONS = LabelEncoding.of(new int[] {1}, true);
    private static final AugmentationPipeline AUGMENT = new AugmentationPipeline(List.of(new Flip(0, 0.5),
            new IntensityAugmentation(IntensityAugmentation.Kind.NOISE, 0.5, 0, 0.1)));

    private static BatchLoader.Builder loader() {
        int voxel = 10 + 20 * (8 + 16 * 6);
        return BatchLoader.builder()
                .cases(List.of(PatchSamplerTest.rampCase(voxel), PatchSamplerTest.rampCase(3)))
                .sampler(new PatchSampler(new int[] {8, 8, 8}, 0.5))
                .augmentation(AUGMENT)
                .encoding(REGIONS)
                .batchSize(2)
                .seed(7);
    }

    private static List<Batch> take(BatchLoader loader, int n) {
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batches.add(loader.next());
        }
        return batches;
    }

    @Test
    void batchesDependOnTheSeedNotOnThreads() {
        List<Batch> oneThread;
        List<Batch> twoThreads;
        try (BatchLoader a = loader().threads(1).ahead(1).build();
             BatchLoader b = loader().threads(2).ahead(3).build()) {
            oneThread = take(a, 5);
            twoThreads = take(b, 5);
        }
        for (int n = 0; n < 5; n++) {
            assertArrayEquals(oneThread.get(n).images(), twoThreads.get(n).images(), "batch " + n);
            assertArrayEquals(oneThread.get(n).targets(), twoThreads.get(n).targets(), "batch " + n);
        }
    }

    @Test
    void resumingStartsAtTheRequestedBatch() {
        try (BatchLoader fresh = loader().build(); BatchLoader resumed = loader().firstBatch(3).build()) {
            List<Batch> all = take(fresh, 4);
            assertArrayEquals(all.get(3).images(), resumed.next().images());
        }
    }

    @Test
    void batchesHoldImagesAndEncodedTargets() {
        try (BatchLoader loader = loader().build()) {
            Batch batch = loader.next();

            assertArrayEquals(new long[] {2, 2, 8, 8, 8}, batch.imageTensorShape());
            assertArrayEquals(new long[] {2, 1, 8, 8, 8}, batch.targetTensorShape());
            assertEquals(2 * 2 * 512, batch.images().length);
            for (float t : batch.targets()) {
                assertTrue(t == 0 || t == 1);
            }
            assertTrue(loader.waitNanos() > 0);
        }
    }

    @Test
    void aFailingBatchIsReported() {
        try (BatchLoader loader = loader().sampler(new PatchSampler(new int[] {64, 8, 8}, 0)).build()) {
            IllegalStateException error = assertThrows(IllegalStateException.class, loader::next);
            assertTrue(error.getMessage().contains("is smaller than the patch"), error.getMessage());
        }
    }
}
