package org.spiqgan.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.BadInputException;

class CriticSpecTest {

    @Test
    void parsesAndPrintsTheTextForm() {
        assertEquals(CriticSpec.mlp(128), CriticSpec.parse("mlp", "--critic"));
        assertEquals(CriticSpec.mlp(64), CriticSpec.parse(" mlp:64 ", "--critic"));
        assertEquals(CriticSpec.conv(32, 64), CriticSpec.parse("conv", "--critic"));
        assertEquals(CriticSpec.conv(8, 16), CriticSpec.parse("conv:8,16", "--critic"));
        for (CriticSpec s : new CriticSpec[] {CriticSpec.mlp(5), CriticSpec.conv(3, 4)}) {
            assertEquals(s, CriticSpec.parse(s.toString(), "x"));
        }
    }

    @Test
    void rejectsBadTextWithAOneLineMessage() {
        for (String bad : new String[] {"", "rnn", "mlp:0", "mlp:x", "conv:3", "conv:3,4,5", "conv:-1,2", "mlp:"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> CriticSpec.parse(bad, "--critic"));
            assertTrue(e.getMessage().startsWith("--critic: expected mlp"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"));
        }
    }

    @Test
    void buildsWithTheAdvertisedParameterCount() {
        for (CriticSpec s : new CriticSpec[] {CriticSpec.mlp(7), CriticSpec.conv(3, 4)}) {
            Critic c = s.build(4, 9, new SplittableRandom(1));
            assertEquals(s.parameterCount(4, 9), c.parameterCount());
            assertEquals(s.kind(), c.name());
        }
    }
}
