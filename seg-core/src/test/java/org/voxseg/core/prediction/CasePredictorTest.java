package org.voxseg.core.prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv3d;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.testing.NdManagerExtension;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.label.KeepLargestComponent;
import org.voxseg.data.label.LabelEncoding;
import org.voxseg.data.label.Postprocessing;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.transform.ForegroundCrop;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.volume.Volume;

/** From input file to output file: preprocessing, sliding window, inverse, decoding, writing. */
@ExtendWith(NdManagerExtension.class)
class CasePredictorTest {

    /** Oblique and left-handed, 1.2 x 1.5 x 2.5 mm voxels. */
    private static final Affine OBLIQUE = Affine.fromRows(
            new double[] {-1.2, 0.0, 0.0, 60.0},
            new double[] {0.0, 1.480, -0.446, -20.0},
            new double[] {0.0, 0.244, 2.460, -10.0});
    private static final int[] SHAPE = {48, 40, 20};

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open(NDManager manager) {
        this.manager = manager;
    }

    /** A head of intensity 100 with a tumour of 200, both ellipsoids away from the volume's border. */
    private static float intensity(int i, int j, int k) {
        double head = sq((i - 24) / 16.0) + sq((j - 20) / 14.0) + sq((k - 10) / 7.0);
        double tumour = sq((i - 28) / 6.0) + sq((j - 18) / 5.0) + sq((k - 11) / 3.0);
        return tumour < 1 ? 200 : head < 1 ? 100 : 0;
    }

    private static double sq(double x) {
        return x * x;
    }

    /** A "network" with known weights: logit = x - 150, so sigmoid > 0.5 exactly where the tumour is. */
    private Block thresholdNetwork() {
        Block conv = Conv3d.builder().setFilters(1).setKernelShape(new Shape(1, 1, 1)).build();
        conv.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8, 8));
        conv.getParameters().get("weight").getArray().set(new float[] {1});
        conv.getParameters().get("bias").getArray().set(new float[] {-150});
        return conv;
    }

    @Test
    void aPredictionLandsOnTheRightVoxelsOfAnObliqueCroppedResampledCase() throws Exception {
        float[] values = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
        float[] truth = new float[values.length];
        int at = 0;
        for (int k = 0; k < SHAPE[2]; k++) {
            for (int j = 0; j < SHAPE[1]; j++) {
                for (int i = 0; i < SHAPE[0]; i++, at++) {
                    values[at] = intensity(i, j, k);
                    truth[at] = values[at] > 150 ? 1 : 0;
                }
            }
        }
        Path input = dir.resolve("case_t1.nii.gz");
        NiftiWriter.of(NiftiDataType.INT16).write(Volume.wrap(Geometry.of(Extent.of(SHAPE), OBLIQUE), 1, values),
                input);
        Volume image = NiftiReader.read(input).volume();
        PreprocessingSettings settings = PreprocessingSettings.builder()
                .foregroundCrop(ForegroundCrop.above(0, 2))
                .targetSpacing(new double[] {1.0, 1.0, 1.5})
                .padding(new int[] {16, 16, 16}, 8)
                .build();
        CasePredictor predictor = new CasePredictor(settings,
                new SlidingWindow(new int[] {16, 16, 16}, 0.5, 2, true, 0.125),
                new NetworkPredictor(thresholdNetwork(), OutputActivation.SIGMOID),
                LabelEncoding.of(new int[] {1}, true),
                Postprocessing.of(List.of(new KeepLargestComponent("foreground", List.of(1)))));

        CasePredictor.Prediction prediction = predictor.predict(image, manager);
        Path output = dir.resolve("case.nii.gz");
        NiftiWriter.of(NiftiDataType.UINT8).write(prediction.labels(), output);

        NiftiHeader in = NiftiReader.readHeader(input);
        NiftiHeader out = NiftiReader.readHeader(output);
        assertArrayEquals(in.dims(), out.dims());
        assertTrue(out.affine().maxAbsDifference(in.affine()) < 1e-5, out.affine().toString());
        assertEquals(in.sformCode(), out.sformCode());
        assertEquals(in.qformCode(), out.qformCode());
        float[] predicted = NiftiReader.read(output).volume().toArray();
        int both = 0;
        int sum = 0;
        for (int v = 0; v < truth.length; v++) {
            both += predicted[v] == 1 && truth[v] == 1 ? 1 : 0;
            sum += (int) (predicted[v] + truth[v]);
        }
        double dice = 2.0 * both / sum;
        assertTrue(dice > 0.99, "Dice " + dice + " between the prediction and the tumour on the input grid");
        assertEquals(1f, predicted[28 + SHAPE[0] * (18 + SHAPE[1] * 11)], "the tumour's centre");
        assertEquals(0f, predicted[10 + SHAPE[0] * (20 + SHAPE[1] * 10)], "head tissue");
        assertEquals(0f, predicted[0], "outside the crop");
        assertEquals(1, prediction.probabilities().channels());
    }
}
