package org.spiqgan.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Critics, the WGAN-GP loss (PyTorch double backpropagation with create_graph=True) and Adam against
 * fixtures written by bench/peers/nn_fixtures.py.
 */
class PyTorchFixturesTest {

    private static final double TOL = 1e-10;

    static JsonArray cases(String file) throws IOException {
        try (InputStream in = PyTorchFixturesTest.class.getResourceAsStream("/fixtures/nn/" + file)) {
            if (in == null) throw new IOException("missing fixture " + file);
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonArray("cases");
        }
    }

    static Stream<Arguments> criticCases() throws IOException {
        List<Arguments> list = new ArrayList<>();
        for (JsonElement e : cases("critics.json")) {
            list.add(Arguments.of(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject()));
        }
        return list.stream();
    }

    static Stream<Arguments> adamCases() throws IOException {
        List<Arguments> list = new ArrayList<>();
        for (JsonElement e : cases("adam.json")) {
            list.add(Arguments.of(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject()));
        }
        return list.stream();
    }

    static double[] doubles(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) r[i] = a.get(i).getAsDouble();
        return r;
    }

    static Critic build(JsonObject c) {
        int n = c.get("neurons").getAsInt(), t = c.get("timesteps").getAsInt();
        JsonArray w = c.getAsJsonArray("widths");
        Critic critic = c.get("kind").getAsString().equals("mlp")
                ? Critics.mlp(n, t, w.get(0).getAsInt(), new SplittableRandom(0))
                : Critics.conv(n, t, w.get(0).getAsInt(), w.get(1).getAsInt(), new SplittableRandom(0));
        critic.setParams(doubles(c.get("params")));
        return critic;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("criticCases")
    void criticMatchesPyTorch(String name, JsonObject c) {
        Critic critic = build(c);
        int batch = c.get("batch").getAsInt();
        double[] real = doubles(c.get("real"));
        double[] gen = doubles(c.get("gen"));
        double[] eps = doubles(c.get("eps"));

        double[] scores = new double[batch];
        critic.score(real, batch, scores, BatchExecutor.serial());
        Fd.assertClose(scores, doubles(c.get("score_real")), TOL, name + " scores of real");
        critic.score(gen, batch, scores, BatchExecutor.serial());
        Fd.assertClose(scores, doubles(c.get("score_gen")), TOL, name + " scores of gen");

        double[] inputGrad = new double[gen.length];
        CriticLoss.criticInputGradient(critic, gen, batch, 1.0, inputGrad, BatchExecutor.serial());
        Fd.assertClose(inputGrad, doubles(c.get("input_grad_gen")), TOL, name + " input gradient");

        WganGpResult r = CriticLoss.wganGp(critic, real, gen, batch, c.get("lambda_gp").getAsDouble(), eps,
                BatchExecutor.serial());
        double loss = c.get("loss").getAsDouble();
        assertEquals(loss, r.loss(), TOL * Math.max(1.0, Math.abs(loss)), name + " loss");
        assertEquals(c.get("penalty").getAsDouble(), r.penalty(), TOL * Math.max(1.0, r.penalty()), name + " penalty");
        assertEquals(c.get("mean_real").getAsDouble(), r.meanReal(), TOL, name + " mean real");
        assertEquals(c.get("mean_gen").getAsDouble(), r.meanGen(), TOL, name + " mean gen");
        Fd.assertClose(critic.grads(), doubles(c.get("grads")), TOL, name + " loss gradient");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adamCases")
    void adamMatchesTorchOptim(String name, JsonObject c) {
        double[] p = doubles(c.get("start"));
        JsonObject s = c.getAsJsonObject("schedule");
        LearningRateSchedule schedule = switch (s.get("kind").getAsString()) {
            case "exponential" -> LearningRateSchedule.exponential(s.get("gamma").getAsDouble());
            case "step" -> LearningRateSchedule.step(s.get("gamma").getAsDouble(), s.get("every").getAsLong());
            default -> LearningRateSchedule.constant();
        };
        Adam adam = new Adam(p.length, c.get("lr").getAsDouble(), c.get("beta1").getAsDouble(),
                c.get("beta2").getAsDouble(), c.get("eps").getAsDouble(), schedule);
        JsonArray grads = c.getAsJsonArray("grads");
        JsonArray after = c.getAsJsonArray("params_after_step");
        assertFalse(grads.isEmpty());
        for (int k = 0; k < grads.size(); k++) {
            adam.step(p, doubles(grads.get(k)), 0);
            Fd.assertClose(p, doubles(after.get(k)), 1e-12, name + " after step " + (k + 1));
        }
    }
}
