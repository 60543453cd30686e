package org.spiqgan.quantum;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane sums, logarithm and exponential for the vector kernels that give the same bits whether the JIT has
 * compiled them or not. The Vector API's own {@code reduceLanes(ADD)} sums the lanes in a different order once
 * compiled, and its {@code LOG}/{@code EXP} switch from {@code Math.log}/{@code Math.exp} per lane to the JDK's
 * vector math library (measured here: 2 distinct sums of the same 8 numbers in one run; the library's log differs
 * from Math.log on 0.1% of arguments, its exp on 4%). Results would then depend on when the compiler got to a
 * kernel, so on the thread count and the run. Everything here is built from operations that IEEE 754 rounds
 * exactly once (add, multiply, fused multiply-add, divide, bit moves), which every execution mode does alike.
 * <p>Accuracy: {@link #log} and {@link #exp} within a few units in the last place of {@code Math.log} and
 * {@code Math.exp} (tested to 4e-16 relative); loaded only by the vector kernels (it needs the module).
 */
public final class VectorMath {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final double SQRT2 = 1.4142135623730951;
    /** ln 2 in two parts (fdlibm's): the high part has trailing zero bits, so k * LN2_HI is exact for |k| < 2^11. */
    private static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.4426950408889634;
    /** 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer, held in the low mantissa bits. */
    private static final double ROUNDER = 6755399441055744.0;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    /** Below this, exp is 0 here (Math.exp gives subnormals down to -745: less than 1e-307 of a softmax's sum). */
    private static final double EXP_MIN = -708.0, EXP_MAX = 709.0;

    private VectorMath() {}

    /** SWAP[q]: lane k to lane k ^ 2^q, for 2^q < L (a pair partner inside one vector; also the folds of sum). */
    private static final VectorShuffle<Double>[] SWAP;
    /** HIGH[q]: the lanes whose index has bit q set, for 2^q < L. */
    private static final VectorMask<Double>[] HIGH;

    static {
        int qs = Integer.numberOfTrailingZeros(L);
        @SuppressWarnings("unchecked")
        VectorShuffle<Double>[] sw = new VectorShuffle[qs];
        @SuppressWarnings("unchecked")
        VectorMask<Double>[] hi = new VectorMask[qs];
        for (int q = 0; q < qs; q++) {
            int[] idx = new int[L];
            boolean[] bit = new boolean[L];
            for (int k = 0; k < L; k++) {
                idx[k] = k ^ (1 << q);
                bit[k] = (k & (1 << q)) != 0;
            }
            sw[q] = VectorShuffle.fromArray(S, idx, 0);
            hi[q] = VectorMask.fromArray(S, bit, 0);
        }
        SWAP = sw;
        HIGH = hi;
    }

    /** The shuffle that swaps lane k with lane k ^ 2^q (2^q below the lane count). */
    public static VectorShuffle<Double> swap(int q) {
        return SWAP[q];
    }

    /** The lanes whose index has bit q set (2^q below the lane count): in a vector starting at a multiple of the
     * lane count, the amplitudes or codes with bit q set. */
    public static VectorMask<Double> high(int q) {
        return HIGH[q];
    }

    /**
     * The lanes' sum in one fixed order: the upper half added to the lower half, again and again (for 8 lanes,
     * ((v0 + v4) + (v2 + v6)) + ((v1 + v5) + (v3 + v7))). Vector adds and lane moves only, so it stays fast when
     * compiled (extracting lanes by a variable index does not).
     */
    public static double sum(DoubleVector v) {
        for (int q = SWAP.length - 1; q >= 0; q--) v = v.add(v.rearrange(SWAP[q]));
        return v.lane(0);
    }

    /** The sum of the lanes set in m (the others count as zero), in the order of {@link #sum(DoubleVector)}. */
    public static double sum(DoubleVector v, VectorMask<Double> m) {
        return sum(DoubleVector.zero(S).blend(v, m));
    }

    /**
     * The natural logarithm of positive normal numbers (what the relaxation takes it of: floored probabilities,
     * open uniforms and their negated logarithms). x = 2^k m with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s),
     * s = (m - 1) / (m + 1), |s| below 0.172, by its series to s^23 (truncation below 1e-19).
     */
    public static DoubleVector log(DoubleVector x) {
        LongVector bits = x.reinterpretAsLongs();
        LongVector e = bits.lanewise(VectorOperators.LSHR, 52).sub(1023L);
        DoubleVector m = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).reinterpretAsDoubles();
        VectorMask<Double> big = m.compare(VectorOperators.GT, SQRT2);
        m = m.blend(m.mul(0.5), big);
        DoubleVector k = ((DoubleVector) e.convert(VectorOperators.L2D, 0)).add(DoubleVector.broadcast(S, 1.0), big);
        DoubleVector f = m.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector p = DoubleVector.broadcast(S, 1.0 / 23);
        p = p.fma(z, b(1.0 / 21));
        p = p.fma(z, b(1.0 / 19));
        p = p.fma(z, b(1.0 / 17));
        p = p.fma(z, b(1.0 / 15));
        p = p.fma(z, b(1.0 / 13));
        p = p.fma(z, b(1.0 / 11));
        p = p.fma(z, b(1.0 / 9));
        p = p.fma(z, b(1.0 / 7));
        p = p.fma(z, b(1.0 / 5));
        p = p.fma(z, b(1.0 / 3));
        DoubleVector s2 = s.add(s);
        DoubleVector logm = s2.fma(z.mul(p), s2);
        return k.fma(b(LN2_HI), k.fma(b(LN2_LO), logm));
    }

    /**
     * e^x: x = k ln 2 + r with |r| at most ln(2) / 2, e^r by its Taylor series to r^13 (truncation below 5e-18),
     * times 2^k built from its bits. 0 below -708, and x is capped at 709.
     */
    public static DoubleVector exp(DoubleVector x) {
        VectorMask<Double> tiny = x.compare(VectorOperators.LT, EXP_MIN);
        DoubleVector xc = x.max(EXP_MIN).min(EXP_MAX);
        DoubleVector t = xc.fma(b(INV_LN2), b(ROUNDER));
        DoubleVector kd = t.sub(ROUNDER);
        LongVector k = t.reinterpretAsLongs().sub(ROUNDER_BITS);
        DoubleVector r = kd.fma(b(-LN2_HI), xc);
        r = kd.fma(b(-LN2_LO), r);
        DoubleVector p = b(1.0 / 6227020800.0); // 1/13!
        p = p.fma(r, b(1.0 / 479001600.0));
        p = p.fma(r, b(1.0 / 39916800.0));
        p = p.fma(r, b(1.0 / 3628800.0));
        p = p.fma(r, b(1.0 / 362880.0));
        p = p.fma(r, b(1.0 / 40320.0));
        p = p.fma(r, b(1.0 / 5040.0));
        p = p.fma(r, b(1.0 / 720.0));
        p = p.fma(r, b(1.0 / 120.0));
        p = p.fma(r, b(1.0 / 24.0));
        p = p.fma(r, b(1.0 / 6.0));
        p = p.fma(r, b(0.5));
        p = p.fma(r, b(1.0));
        p = p.fma(r, b(1.0));
        DoubleVector scale = k.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(scale).blend(0.0, tiny);
    }

    private static DoubleVector b(double v) {
        return DoubleVector.broadcast(S, v);
    }
}
