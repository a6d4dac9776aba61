package org.voxseg.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.testing.NdManagerExtension;

/** Updates against independent double-precision versions of PyTorch's formulas; state restores bit for bit. */
@ExtendWith(NdManagerExtension.class)
class OptimizerTest {

    private static final float[] START = {1.0f, -2.0f, 0.5f};
    /** Gradient of the loss sum(c * w^2 / 2) is c * w: changes every step, as real gradients do. */
    private static final float[] C = {0.5f, 1.5f, -3.0f};

    private NDManager manager;
    private Engine engine;

    @BeforeEach
    void open(NDManager manager) {
        engine = TorchRuntime.engine();
        this.manager = manager;
    }

    private PairList<String, Parameter> parameters(float[] values) {
        Parameter parameter = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        NDArray array = manager.create(values);
        array.setRequiresGradient(true);
        parameter.setArray(array);
        PairList<String, Parameter> list = new PairList<>();
        list.add("w", parameter);
        return list;
    }

    private void backward(PairList<String, Parameter> parameters) {
        NDArray w = parameters.get("w").getArray();
        try (GradientCollector collector = engine.newGradientCollector()) {
            collector.backward(w.square().mul(manager.create(C)).sum().div(2));
        }
    }

    private float[] run(Optimizer optimizer, PairList<String, Parameter> parameters, int steps, double rate) {
        for (int s = 0; s < steps; s++) {
            backward(parameters);
            optimizer.step(parameters, rate);
        }
        return parameters.get("w").getArray().toFloatArray();
    }

    /** A double-precision reference: applies {@code update} (gradient, step -> new w) for each step. */
    private static double[] reference(int steps, Function<double[], double[]> updateFromWeightAndGradient) {
        double[] w = {START[0], START[1], START[2]};
        for (int s = 0; s < steps; s++) {
            double[] state = new double[7];
            System.arraycopy(w, 0, state, 0, 3);
            for (int i = 0; i < 3; i++) {
                state[3 + i] = C[i] * w[i];
            }
            state[6] = s + 1;
            w = updateFromWeightAndGradient.apply(state);
        }
        return w;
    }

    private static void assertClose(double[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "element " + i);
        }
    }

    @Test
    void adamMatchesItsDefinition() {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double rate = 0.01;
        double decay = 0.1;
        double[] m = new double[3];
        double[] v = new double[3];
        double[] expected = reference(3, s -> {
            double[] w = new double[3];
            for (int i = 0; i < 3; i++) {
                double g = s[3 + i] + decay * s[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, s[6]));
                double vHat = v[i] / (1 - Math.pow(b2, s[6]));
                w[i] = s[i] - rate * mHat / (Math.sqrt(vHat) + eps);
            }
            return w;
        });
        try (Adam adam = new Adam(manager, UpdatePlan.uniform(decay), b1, b2, eps, false)) {
            assertClose(expected, run(adam, parameters(START), 3, rate));
        }
    }

    @Test
    void adamWDecaysWeightsApartFromTheGradient() {
        double rate = 0.01;
        double decay = 0.5;
        double[] m = new double[3];
        double[] v = new double[3];
        double[] expected = reference(2, s -> {
            double[] w = new double[3];
            for (int i = 0; i < 3; i++) {
                double g = s[3 + i];
                double decayed = s[i] * (1 - rate * decay);
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                w[i] = decayed - rate * (m[i] / (1 - Math.pow(0.9, s[6])))
                        / (Math.sqrt(v[i] / (1 - Math.pow(0.999, s[6]))) + 1e-8);
            }
            return w;
        });
        try (Adam adamW = new Adam(manager, UpdatePlan.uniform(decay), 0.9, 0.999, 1e-8, true)) {
            assertClose(expected, run(adamW, parameters(START), 2, rate));
        }
    }

    @Test
    void sgdMomentumAndNesterovMatchPytorch() {
        for (boolean nesterov : new boolean[] {false, true}) {
            double[] buffer = new double[3];
            double[] expected = reference(3, s -> {
                double[] w = new double[3];
                for (int i = 0; i < 3; i++) {
                    double g = s[3 + i] + 0.01 * s[i];
                    buffer[i] = s[6] == 1 ? g : 0.9 * buffer[i] + g;
                    double direction = nesterov ? g + 0.9 * buffer[i] : buffer[i];
                    w[i] = s[i] - 0.1 * direction;
                }
                return w;
            });
            try (Sgd sgd = new Sgd(manager, UpdatePlan.uniform(0.01), 0.9, 0, nesterov)) {
                assertClose(expected, run(sgd, parameters(START), 3, 0.1));
            }
        }
    }

    @Test
    void restoredStateContinuesBitForBit() {
        float[] straight;
        try (Adam adam = new Adam(manager, UpdatePlan.uniform(0), 0.9, 0.999, 1e-8, false)) {
            straight = run(adam, parameters(START), 5, 0.05);
        }
        PairList<String, Parameter> resumedParameters = parameters(START);
        OptimizerState saved;
        try (Adam first = new Adam(manager, UpdatePlan.uniform(0), 0.9, 0.999, 1e-8, false)) {
            run(first, resumedParameters, 3, 0.05);
            saved = first.state();
        }
        float[] resumed;
        try (Adam second = new Adam(manager, UpdatePlan.uniform(0), 0.9, 0.999, 1e-8, false)) {
            second.restore(saved, resumedParameters);
            resumed = run(second, resumedParameters, 2, 0.05);
        }

        assertArrayEquals(straight, resumed);
        assertEquals(3L, saved.steps().get("w"));
    }

    @Test
    void frozenParametersNeitherMoveNorGainState() {
        PairList<String, Parameter> parameters = parameters(START);
        backward(parameters);
        parameters.get("w").freeze(true);
        try (Sgd sgd = new Sgd(manager, UpdatePlan.uniform(0), 0.9, 0, false)) {
            sgd.step(parameters, 0.1);

            assertArrayEquals(START, parameters.get("w").getArray().toFloatArray());
            assertNull(sgd.state().buffer("momentum_buffer/w"));
        }
    }

    @Test
    void gradientsAreZeroedAfterAStep() {
        PairList<String, Parameter> parameters = parameters(START);
        backward(parameters);
        try (Sgd sgd = new Sgd(manager, UpdatePlan.uniform(0), 0, 0, false)) {
            sgd.step(parameters, 0.1);
        }
        assertArrayEquals(new float[3], parameters.get("w").getArray().getGradient().toFloatArray());
    }

    @Test
    void clippingScalesTheJointNorm() {
        PairList<String, Parameter> parameters = parameters(new float[] {2, 2, 0});
        backward(parameters);  // gradient c * w = (1, 3, 0), norm sqrt(10)

        double norm = GradientClipping.clipByNorm(parameters, 1);

        assertEquals(Math.sqrt(10), norm, 1e-6);
        double scale = 1 / (Math.sqrt(10) + 1e-6);
        assertArrayEquals(new float[] {(float) scale, (float) (3 * scale), 0},
                parameters.get("w").getArray().getGradient().toFloatArray(), 1e-6f);
    }
}
