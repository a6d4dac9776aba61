package org.voxseg.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.core.loss.DiceLoss;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.network.OutputActivation;
import org.voxseg.core.network.UNet3d;
import org.voxseg.core.testing.NdManagerExtension;

/** Novograd against the paper's update rule, and parameter groups with their own rates. */
@ExtendWith(NdManagerExtension.class)
class NovogradAndGroupsTest {

    private Engine engine;
    private NDManager manager;

    @BeforeEach
    void open(NDManager manager) {
        engine = TorchRuntime.engine();
        engine.setRandomSeed(5);
        this.manager = manager;
    }

    private PairList<String, Parameter> single(float... values) {
        Parameter parameter = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        NDArray array = manager.create(values);
        array.setRequiresGradient(true);
        parameter.setArray(array);
        PairList<String, Parameter> list = new PairList<>();
        list.add("w", parameter);
        return list;
    }

    /** Gradient of sum(c * w² / 2) is c * w. */
    private void backward(PairList<String, Parameter> parameters, float[] c) {
        NDArray w = parameters.get("w").getArray();
        try (GradientCollector collector = engine.newGradientCollector()) {
            collector.backward(w.square().mul(manager.create(c)).sum().div(2));
        }
    }

    @Test
    void novogradStepsFollowThePapersRule() {
        float[] start = {1.0f, -2.0f, 0.5f};
        float[] c = {0.5f, 1.5f, -3.0f};
        double b1 = 0.9;
        double b2 = 0.98;
        double eps = 1e-8;
        double decay = 0.01;
        double rate = 0.05;
        // By hand: v1 = |g1|², m1 = g1 / (sqrt(v1) + eps) + d w0; v2 = b2 v1 + (1 - b2)|g2|²,
        // m2 = b1 m1 + g2 / (sqrt(v2) + eps) + d w1; w_t = w_{t-1} - rate m_t.
        double[] w = {start[0], start[1], start[2]};
        double[] m = new double[3];
        double v = 0;
        for (int t = 1; t <= 2; t++) {
            double[] g = new double[3];
            double norm = 0;
            for (int i = 0; i < 3; i++) {
                g[i] = c[i] * w[i];
                norm += g[i] * g[i];
            }
            v = t == 1 ? norm : b2 * v + (1 - b2) * norm;
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + g[i] / (Math.sqrt(v) + eps) + decay * w[i];
                w[i] -= rate * m[i];
            }
        }
        PairList<String, Parameter> parameters = single(start);
        try (Novograd novograd = new Novograd(manager, UpdatePlan.uniform(decay), b1, b2, eps, false, false)) {
            for (int t = 0; t < 2; t++) {
                backward(parameters, c);
                novograd.step(parameters, rate);
            }
            float[] actual = parameters.get("w").getArray().toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(w[i], actual[i], 1e-6, "element " + i);
            }
            assertArrayEquals(new long[0], novograd.state().buffers().get("exp_avg_sq/w").shape(),
                    "one second moment per tensor");
        }
    }

    @Test
    @Tag("slow")
    void novogradTrainsATinyNetwork() {
        NetworkConfig config = NetworkConfig.basic(1, 1, 4, 8);
        Shape input = new Shape(2, 1, 8, 8, 8);
        UNet3d net = new UNet3d(config);
        net.initialize(manager, DataType.FLOAT32, input);
        NDArray x = manager.randomNormal(input);
        NDArray targets = x.gt(0.3).toType(DataType.FLOAT32, false);
        DiceLoss dice = DiceLoss.of(OutputActivation.SIGMOID);
        ParameterStore store = new ParameterStore(manager, false);
        float first = 0;
        float last = 0;
        try (Optimizer novograd = OptimizerConfig.named("novograd", 0.01).build(manager)) {
            for (int step = 0; step < 60; step++) {
                float loss;
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDArray value = dice.evaluate(net.forward(store, new NDList(x), true).get(0), targets);
                    loss = value.getFloat();
                    collector.backward(value);
                }
                novograd.step(net.getParameters(), 0.01);
                first = step == 0 ? loss : first;
                last = loss;
            }
        }
        assertTrue(last < 0.5 * first, "Dice loss fell from " + first + " to " + last);
    }

    @Test
    void aGroupWithRateZeroStaysWhileTheRestLearns() {
        NetworkConfig config = NetworkConfig.basic(1, 1, 4, 8);
        Shape input = new Shape(1, 1, 8, 8, 8);
        UNet3d net = new UNet3d(config);
        net.initialize(manager, DataType.FLOAT32, input);
        Map<String, float[]> before = snapshot(net.getParameters());
        UpdatePlan plan = new UpdatePlan(0.01, 0, List.of(new ParameterGroup(Pattern.compile("encoder.*"), 0,
                Double.NaN)));

        try (Optimizer adam = new Adam(manager, plan, 0.9, 0.999, 1e-8, false)) {
            trainSteps(net, adam, input, 2);
        }

        int frozen = 0;
        for (Pair<String, Parameter> p : net.getParameters()) {
            boolean unchanged = Arrays.equals(before.get(p.getKey()), p.getValue().getArray().toFloatArray());
            boolean inEncoder = p.getKey().contains("encoder");
            assertEquals(inEncoder, unchanged, p.getKey());
            frozen += inEncoder ? 1 : 0;
        }
        assertTrue(frozen > 0);
    }

    @Test
    void groupsScaleWithTheScheduleAndSurviveResume() {
        NetworkConfig config = NetworkConfig.basic(1, 1, 4, 8);
        Shape input = new Shape(1, 1, 8, 8, 8);
        UpdatePlan plan = new UpdatePlan(0.01, 0, List.of(new ParameterGroup(Pattern.compile("decoder.*"), 0.001,
                Double.NaN)));
        assertEquals(0.0005, plan.hyper("01decoder0_01conv0_01conv_weight", 1, 0.005).rate(), 1e-15,
                "half the base rate scales the group's rate by half");
        assertEquals(0.005, plan.hyper("01encoder0_01conv0_01conv_weight", 1, 0.005).rate());

        UNet3d straight = new UNet3d(config);
        straight.initialize(manager, DataType.FLOAT32, input);
        UNet3d resumed = new UNet3d(config);
        resumed.initialize(manager, DataType.FLOAT32, input);
        copy(straight.getParameters(), resumed.getParameters());

        engine.setRandomSeed(9);
        try (Optimizer adam = new Adam(manager, plan, 0.9, 0.999, 1e-8, false)) {
            trainSteps(straight, adam, input, 3);
        }
        engine.setRandomSeed(9);
        OptimizerState saved;
        try (Optimizer first = new Adam(manager, plan, 0.9, 0.999, 1e-8, false)) {
            trainSteps(resumed, first, input, 2);
            saved = first.state();
        }
        try (Optimizer second = new Adam(manager, plan, 0.9, 0.999, 1e-8, false)) {
            second.restore(saved, resumed.getParameters());
            trainSteps(resumed, second, input, 1);
        }

        for (Pair<String, Parameter> p : straight.getParameters()) {
            assertArrayEquals(p.getValue().getArray().toFloatArray(),
                    resumed.getParameters().get(p.getKey()).getArray().toFloatArray(), p.getKey());
        }
    }

    private void trainSteps(UNet3d net, Optimizer optimizer, Shape input, int steps) {
        ParameterStore store = new ParameterStore(manager, false);
        DiceLoss dice = DiceLoss.of(OutputActivation.SIGMOID);
        for (int s = 0; s < steps; s++) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = scope.randomNormal(input);
                NDArray targets = x.gt(0).toType(DataType.FLOAT32, false);
                try (GradientCollector collector = engine.newGradientCollector()) {
                    collector.backward(dice.evaluate(net.forward(store, new NDList(x), true).get(0), targets));
                }
                optimizer.step(net.getParameters(), 0.01);
            }
        }
    }

    private static Map<String, float[]> snapshot(PairList<String, Parameter> parameters) {
        Map<String, float[]> values = new HashMap<>();
        parameters.forEach(p -> values.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return values;
    }

    private static void copy(PairList<String, Parameter> from, PairList<String, Parameter> to) {
        from.forEach(p -> to.get(p.getKey()).getArray().set(p.getValue().getArray().toFloatArray()));
        assertFalse(from.isEmpty());
    }
}
