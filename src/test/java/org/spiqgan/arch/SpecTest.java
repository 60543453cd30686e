package org.spiqgan.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spiqgan.BadInputException;
import org.spiqgan.data.DataSpec;
import org.spiqgan.data.Layout;
import org.spiqgan.data.PreparedData;
import org.spiqgan.model.CriticInput;
import org.spiqgan.model.GeneratorConfig;
import org.spiqgan.model.TrainConfig;
import org.spiqgan.model.TrainSpec;
import org.spiqgan.model.stationary.StationaryConfig;
import org.spiqgan.model.stationary.StationaryTraining;

/** The run specification (issue 10): named fields, defaults, validation naming fields, JSON round trip. */
class SpecTest {
    @Test
    void dataSpecRoundTripsThroughJsonAndPrepares() {
        DataSpec s = DataSpec.defaults();
        s.neurons = "top:4";
        s.timesteps = 6;
        s.layout = Layout.BINS_BY_NEURONS;
        s.binMs = 20.0;
        s.stride = 3;
        DataSpec r = DataSpec.fromJson(s.toJson());
        assertEquals(s, r);
        assertEquals(Layout.BINS_BY_NEURONS, r.layout);
        assertEquals(3, r.stride);
        assertNull(r.file);
        PreparedData d = r.prepare(w -> { });
        assertEquals(4, d.neurons().length);
        assertEquals(6, d.timesteps());
        assertTrue(d.source().startsWith("synthetic(seed="));
        assertEquals("synthetic:" + s.syntheticSeed, r.sha256());
        r.neurons = "top:5";
        assertNotEquals(s, r);
    }

    @Test
    void dataSpecMessagesNameTheField() {
        DataSpec s = DataSpec.defaults();
        s.timesteps = 0;
        assertTrue(assertThrows(BadInputException.class, s::validate).getMessage().startsWith("timesteps: "));
        s = DataSpec.defaults();
        s.neurons = "most:3";
        assertTrue(assertThrows(BadInputException.class, s::validate).getMessage().startsWith("neurons: "));
        s = DataSpec.defaults();
        s.trainFraction = 1.5;
        assertTrue(assertThrows(BadInputException.class, s::validate).getMessage().startsWith("trainFraction: "));
        s = DataSpec.defaults();
        s.split = "later";
        assertTrue(assertThrows(BadInputException.class, s::validate).getMessage().startsWith("split: "));
    }

    @Test
    void trainSpecRoundTripsAndResolvesBothModels() {
        TrainSpec s = TrainSpec.paper();
        s.data.neurons = "top:4";
        s.layers = 2;
        s.criticInput = CriticInput.MARGINALS;
        s.lambdaMoments = new double[] {1, 2, 3, 4, 5};
        TrainSpec r = TrainSpec.fromJson(s.toJson());
        assertEquals(s, r);
        assertEquals(TrainSpec.Model.PATCH, r.model);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, r.lambdaMoments);
        GeneratorConfig g = r.generatorConfig(4, 6);
        assertEquals(2, g.layers());
        assertEquals(4, g.groupSize());
        assertEquals(Math.PI, g.zMax());
        TrainConfig tc = r.trainConfig();
        assertEquals(TrainSpec.PATCH_EMA, tc.emaDecay());
        assertEquals(TrainSpec.PATCH_BATCH, tc.batch());
        assertEquals(CriticInput.MARGINALS, tc.criticInput());

        TrainSpec st = TrainSpec.defaults();
        assertEquals(TrainSpec.Model.STATIONARY, st.model);
        StationaryConfig c = st.stationaryConfig(12);
        assertEquals(TrainSpec.STATIONARY_LAYERS, c.layers());
        assertEquals(10, c.groupSize());
        StationaryTraining t = st.stationaryTraining(30);
        assertEquals(16, t.batch());
        assertEquals(TrainSpec.STATIONARY_EMA, t.ema());
        assertEquals(1024, t.validationSamples());
        st.validate();
        s.validate();
    }

    @Test
    void trainSpecMessagesNameTheField() {
        TrainSpec s = TrainSpec.paper();
        s.lrG = -1;
        assertTrue(assertThrows(BadInputException.class, s::validate).getMessage().startsWith("lrG: "));
        s = TrainSpec.paper();
        s.evalEvery = 0L;
        assertTrue(assertThrows(BadInputException.class, s::validate).getMessage().startsWith("evalEvery: "));
        s = TrainSpec.defaults();
        s.latentDim = -1;
        assertTrue(assertThrows(BadInputException.class, s::validate).getMessage().startsWith("latentDim: "));
        s = TrainSpec.defaults();
        s.ansatz = "spiral";
        assertTrue(assertThrows(BadInputException.class, s::validate).getMessage().startsWith("ansatz: "));
        s = TrainSpec.defaults();
        s.lambdaMoments = new double[] {1, 2};
        assertTrue(assertThrows(BadInputException.class, s::validate).getMessage().startsWith("lambdaMoments: "));
        s = TrainSpec.defaults();
        s.data.timesteps = -2;
        assertTrue(assertThrows(BadInputException.class, s::validate).getMessage().startsWith("timesteps: "));
    }
}
