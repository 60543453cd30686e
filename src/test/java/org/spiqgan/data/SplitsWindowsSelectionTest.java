package org.spiqgan.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spiqgan.BadInputException;

class SplitsWindowsSelectionTest {
    @Test
    void splitBySegmentsWithValidationFromTheEndOfTraining() {
        SpikeRaster r = SpikeRaster.builder(2, 100).build().withSegmentLength(10);
        Splits s = Splits.of(r);
        assertEquals(8, s.train().segments().size());
        assertEquals(new Segment(70, 80), s.train().segments().get(7));
        assertEquals(List.of(new Segment(70, 80)), s.validation().segments()); // round(0.1 x 8) = 1
        assertEquals(7, s.fit().segments().size());
        assertEquals(List.of(new Segment(80, 90), new Segment(90, 100)), s.test().segments());
        Splits t = Splits.of(r, 0.5, 0.4);
        assertEquals(5, t.train().segments().size());
        assertEquals(2, t.validation().segments().size());
        assertEquals(new Segment(30, 40), t.validation().segments().get(0));
        assertEquals(5, t.test().segments().size());
    }

    @Test
    void splitByTimeBlocksWithoutSegments() {
        SpikeRaster r = SpikeRaster.builder(1, 1000).build();
        Splits s = Splits.of(r);
        assertEquals(List.of(new Segment(0, 800)), s.train().segments());
        assertEquals(List.of(new Segment(720, 800)), s.validation().segments());
        assertEquals(List.of(new Segment(0, 720)), s.fit().segments());
        assertEquals(List.of(new Segment(800, 1000)), s.test().segments());
        assertEquals(List.of(new Segment(0, 1000)), s.all().segments());
    }

    @Test
    void windowsNeverCrossSegmentsAndFollowTheStride() {
        // Neuron 0 spikes at the last bin of every segment, neuron 1 at the first: a window that
        // crossed a boundary would hold both a late 0-spike and an early 1-spike.
        int len = 17, k = 6;
        SpikeRaster.Builder b = SpikeRaster.builder(2, len * k);
        for (int s = 0; s < k; s++) {
            b.set(0, s * len + len - 1, 1);
            b.set(1, s * len, 1);
        }
        SpikeRaster r = b.build().withSegmentLength(len);
        int T = 5;
        for (int stride : new int[] {1, 2, 5, 12}) {
            SampleSet w = Windows.cut(r, new int[] {0, 1}, T, stride, r.segments());
            int per = (len - T) / stride + 1;
            assertEquals(k * per, w.samples());
            for (int s = 0; s < w.samples(); s++) {
                int start = (s % per) * stride;
                for (int t = 0; t < T; t++) {
                    assertEquals(start + t == len - 1 ? 1 : 0, w.get(s, 0, t), "stride " + stride + " sample " + s);
                    assertEquals(start + t == 0 ? 1 : 0, w.get(s, 1, t));
                }
            }
        }
        var e = assertThrows(BadInputException.class, () -> Windows.cut(r, new int[] {0}, 18, 1, r.segments()));
        assertTrue(e.getMessage().contains("longer than every segment"), e.getMessage());
    }

    @Test
    void neuronSelection() {
        SpikeRaster.Builder b = SpikeRaster.builder(5, 10);
        int[] spikesTrain = {2, 5, 5, 1, 3};
        for (int i = 0; i < 5; i++) for (int t = 0; t < spikesTrain[i]; t++) b.set(i, t, 1);
        b.set(3, 9, 1); // outside the training block
        SpikeRaster r = b.build().withSegmentLength(5); // train = first round(0.8 x 2) = 2 segments = all
        Split train = new Split("train", List.of(new Segment(0, 8)));
        assertArrayEquals(new int[] {1, 2}, NeuronSelection.parse("top:2").select(r, train)); // 1 and 2 tie: both
        assertArrayEquals(new int[] {1, 2, 4}, NeuronSelection.parse("top:3").select(r, train));
        int[] twoOfTies = NeuronSelection.parse("top:1").select(r, train);
        assertArrayEquals(new int[] {1}, twoOfTies); // tie between 1 and 2 goes to the lower index
        assertArrayEquals(new int[] {0, 1}, NeuronSelection.parse("first:2").select(r, train));
        assertArrayEquals(new int[] {4, 0, 3}, NeuronSelection.parse("4, 0,3").select(r, train));
        assertEquals(5, NeuronSelection.parse("all").select(r, train).length);
        assertThrows(IllegalArgumentException.class, () -> NeuronSelection.parse("top:6").select(r, train));
        assertThrows(IllegalArgumentException.class, () -> NeuronSelection.parse("9").select(r, train));
        for (String bad : new String[] {"top:0", "top:x", "", "1,1", "-1", "best:3"}) {
            assertThrows(IllegalArgumentException.class, () -> NeuronSelection.parse(bad), bad);
        }
    }

    @Test
    void preparedDataStrideDefaults() {
        SpikeRaster r = SyntheticRecording.generate(1, 4, 10, 40);
        Splits s = Splits.of(r);
        PreparedData d = new PreparedData("x", r, s, new int[] {0, 2}, 8);
        assertEquals(s.fit().segments().size() * 33, d.samples("fit").samples());
        assertEquals(s.test().segments().size() * 5, d.samples("test").samples());
        assertEquals(2, d.samples("validation").neurons());
    }
}
