package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

class PreprocessorTest {

    /** A 2-channel "head" with a nested "tumour" label map, on an oblique grid. */
    private static final int[] SHAPE = {30, 26, 20};
    private static final Volume IMAGE = twoChannels(Volumes.of(SHAPE, Volumes.OBLIQUE, PreprocessorTest::head));
    private static final Volume LABELS = Volumes.of(SHAPE, Volumes.OBLIQUE, PreprocessorTest::tumour);

    private static float head(int i, int j, int k) {
        double r = sq((i - 15) / 10.0) + sq((j - 13) / 9.0) + sq((k - 10) / 7.0);
        return r < 1 ? (float) (100 + 3 * i - 2 * j + k) : 0;
    }

    private static float tumour(int i, int j, int k) {
        double r = sq((i - 17) / 4.0) + sq((j - 12) / 4.0) + sq((k - 10) / 3.0);
        return r < 0.2 ? 4 : r < 0.5 ? 1 : r < 1 ? 2 : 0;
    }

    private static double sq(double x) {
        return x * x;
    }

    private static Volume twoChannels(Volume one) {
        float[] a = one.toArray();
        float[] both = new float[2 * a.length];
        for (int v = 0; v < a.length; v++) {
            both[v] = a[v];
            both[a.length + v] = a[v] == 0 ? 0 : 2 * a[v] + 7;
        }
        return Volume.wrap(one.geometry(), 2, both);
    }

    @Test
    void cropPadAndInverseReturnTheOriginalGridAndLabelsExactly() {
        PreprocessingSettings settings = PreprocessingSettings.builder()
                .foregroundCrop(ForegroundCrop.above(0, 1))
                .targetSpacing(IMAGE.geometry().spacing())
                .normalization(IntensityNormalization.zScore(true, true))
                .padding(new int[] {16, 16, 16}, 8)
                .build();

        Preprocessor.Result result = new Preprocessor(settings).apply(IMAGE, Optional.of(LABELS));

        int[] shape = result.image().geometry().shape().toArray();
        for (int d = 0; d < 3; d++) {
            assertEquals(0, shape[d] % 8, "divisible by 8: " + result.image().geometry().shapeText());
        }
        assertEquals(List.of(Crop.class, Pad.class), result.record().steps().stream().map(Object::getClass).toList(),
                "the same spacing needs no resampling");
        Volume back = result.record().invert(result.labels().orElseThrow(), Interpolation.NEAREST);
        assertEquals(IMAGE.geometry(), back.geometry());
        assertArrayEquals(LABELS.toArray(), back.toArray());
    }

    @Test
    void resamplingThereAndBackRestoresTheGeometry() {
        PreprocessingSettings settings = PreprocessingSettings.builder()
                .foregroundCrop(ForegroundCrop.above(0, 2))
                .targetSpacing(new double[] {1, 1, 1})
                .padding(new int[] {8, 8, 8}, 4)
                .build();

        Preprocessor.Result result = new Preprocessor(settings).apply(IMAGE, Optional.of(LABELS));
        Geometry preprocessed = result.image().geometry();
        assertArrayEquals(new double[] {1, 1, 1}, preprocessed.spacing().toArray(), 0.1);
        assertEquals(3, result.record().steps().size());

        Volume back = result.record().invert(result.labels().orElseThrow(), Interpolation.NEAREST);

        assertEquals(IMAGE.geometry().affine(), back.geometry().affine());
        assertArrayEquals(SHAPE, back.geometry().shape().toArray());
        float[] original = LABELS.toArray();
        float[] restored = back.toArray();
        int same = 0;
        for (int v = 0; v < original.length; v++) {
            same += original[v] == restored[v] ? 1 : 0;
        }
        assertTrue(same > 0.98 * original.length, same + " of " + original.length + " voxels kept their label");
    }

    @Test
    void aPredictionGoesBackToARealObliqueFileAndIsWrittenInItsGeometry(@TempDir Path dir) throws Exception {
        Path input = Path.of(Objects.requireNonNull(getClass().getResource("/nifti/example4d.nii.gz")).toURI());
        NiftiHeader header = NiftiReader.readHeader(input);
        Volume both = NiftiReader.read(input).volume();
        Volume first = Volume.wrap(both.geometry(), 1, Arrays.copyOf(both.toArray(), both.voxelsPerChannel()));
        PreprocessingSettings settings = PreprocessingSettings.builder()
                .foregroundCrop(ForegroundCrop.above(100, 2))
                .targetSpacing(new double[] {1.5, 1.5, 1.5})
                .normalization(IntensityNormalization.zScore(true, true))
                .padding(new int[] {16, 16, 16}, 16)
                .build();
        Preprocessor.Result result = new Preprocessor(settings).apply(first, Optional.empty());
        float[] prediction = new float[result.image().voxelsPerChannel()];
        result.image().channel(0).get(prediction);
        for (int v = 0; v < prediction.length; v++) {
            prediction[v] = prediction[v] > 0.5 ? 1 : 0;
        }

        Volume back = result.record().invert(Volume.wrap(result.image().geometry(), 1, prediction),
                Interpolation.NEAREST);
        Path output = dir.resolve("prediction.nii.gz");
        NiftiWriter.of(NiftiDataType.UINT8).write(back, output);

        NiftiHeader written = NiftiReader.readHeader(output);
        assertArrayEquals(new long[] {128, 96, 24}, written.dims());
        assertTrue(written.affine().maxAbsDifference(header.affine()) < 1e-5, written.affine().toString());
        assertEquals(header.qformCode(), written.qformCode());
        assertEquals(header.sformCode(), written.sformCode());
        assertArrayEquals(Arrays.copyOfRange(header.pixdim(), 1, 4), Arrays.copyOfRange(written.pixdim(), 1, 4),
                1e-6);
    }

    @Test
    void normalisedForegroundHasZeroMeanPerChannel() {
        PreprocessingSettings settings = PreprocessingSettings.builder()
                .foregroundCrop(ForegroundCrop.above(0, 0))
                .normalization(IntensityNormalization.zScore(true, true))
                .build();

        Volume image = new Preprocessor(settings).apply(IMAGE, Optional.empty()).image();

        for (int c = 0; c < 2; c++) {
            var channel = image.channel(c);
            double sum = 0;
            int count = 0;
            for (int v = 0; v < channel.limit(); v++) {
                if (channel.get(v) != 0) {
                    sum += channel.get(v);
                    count++;
                }
            }
            assertEquals(0, sum / count, 1e-4);
        }
    }
}
