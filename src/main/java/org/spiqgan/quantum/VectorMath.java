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

    static {
        int qs = Integer.numberOfTrailingZeros(L);
        @SuppressWarnings("unchecked")
        VectorShuffle<Double>[] sw = new VectorShuffle[qs];
        for (int q = 0; q < qs; q++) {
            int[] idx = new int[L];
            for (int k = 0; k < L; k++) {
                idx[k] = k ^ (1 << q);
            }
            sw[q] = VectorShuffle.fromArray(S, idx, 0);
        }
        SWAP = sw;
    }

    /** The shuffle that swaps lane k with lane k ^ 2^q (2^q below the lane count). */
    public static VectorShuffle<Double> swap(int q) {
        return SWAP[q];
    }

    /**
     * The lanes whose index has bit q set (2^q below the lane count), for every q, as a fresh array of log2(L) rows of
     * L doubles: 1 in the lanes with the bit set, 0 elsewhere. In a vector starting at a multiple of the lane count
     * these are the amplitudes or codes with bit q set. Kernels keep a copy and build each mask in place with
     * {@code DoubleVector.fromArray(S, high, q * L).compare(VectorOperators.NE, 0)}: the API's own operations, whose
     * result C2 knows the exact class of (a mask or vector that a kernel gets from a method of ours that C2 did not
     * inline has only the abstract type, and JDK 17 then ran the kernel's whole loop in the API's boxed fallback), and
     * which allocate nothing (JDK 17's {@code VectorMask.fromLong}, used before, allocated an array per call: 100-160
     * MB per 30 s of training).
     */
    public static double[] highLanes() {
        int qs = Integer.numberOfTrailingZeros(L);
        double[] h = new double[qs * L];
        for (int q = 0; q < qs; q++) for (int k = 0; k < L; k++) h[q * L + k] = k >> q & 1;
        return h;
    }

    /**
     * Whether kernels sum their vector accumulators by storing the lanes ({@link #foldLanes}) or by passing the
     * vector to {@link #sum(DoubleVector)}: the same additions in the same order, so the same bits. Stored lanes on
     * every JDK: C2 often does not inline sum (its caller is past the JIT's node budget), which boxes the vector
     * (JDK 25: the adjoint sums 5% of a training step; JDK 17, where sum was kept until the kernels' warm-up ended
     * its slow JVM starts, compiled sum on its own, and stored lanes took its training step from 0.49-0.52 s to
     * 0.33-0.40 s, BENCHMARKS.md, issue 12's seventh part). The system property
     * spiqgan.storeLanes=other picks sum, which the build tests too.
     */
    public static final boolean STORE_LANES = !"other".equals(System.getProperty("spiqgan.storeLanes"));

    /**
     * The lanes' sum in the fixed order of {@link #fold} (the kernels' other path, see {@link #STORE_LANES}).
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
     * Lane sums in one fixed order, for kernels that store their vector accumulators: r[j] = the sum of the lanes
     * r[j L .. j L + L) for j below values (L the lane count; r holds values * L doubles), the upper half added to
     * the lower half again and again (for 8 lanes ((v0 + v4) + (v2 + v6)) + ((v1 + v5) + (v3 + v7))), which is the
     * order of {@link #fold}. Plain scalar code on an array, so it costs a call at most, never a boxed vector.
     */
    public static void foldLanes(double[] r, int values) {
        if (L == 8) {
            // written out in registers: the loops below go through memory at every level (store-to-load latency)
            for (int j = 0; j < values; j++) {
                int o = 8 * j;
                double a0 = r[o] + r[o + 4], a1 = r[o + 1] + r[o + 5], a2 = r[o + 2] + r[o + 6], a3 = r[o + 3] + r[o + 7];
                r[j] = (a0 + a2) + (a1 + a3);
            }
            return;
        }
        for (int j = 0; j < values; j++) {
            int o = j * L;
            for (int h = L >> 1; h > 0; h >>= 1) {
                for (int k = 0; k < h; k++) r[o + k] += r[o + k + h];
            }
            r[j] = r[o]; // slot j's lanes start at j L >= j: slots below j are consumed, so this overwrites nothing live
        }
    }

    /*
     * Why the vector code below takes arrays, never vectors. C2 keeps a vector in registers only where every method
     * it passes through is inlined; a call that is not inlined boxes its vector arguments and results on the heap.
     * The Vector API's own methods are always inlined (@ForceInline, not open to us), but ours are subject to the
     * JIT's limits: a callee over 325 bytecodes, a call site it judges cold, or a caller already past its node
     * budget (NodeCountInliningCutoff; the relaxation's caller is) is called instead. Measured on JDK 25: log and
     * exp as DoubleVector -> DoubleVector methods ran 4x slower where that happened, and the lane sums of the
     * adjoint kernels failed to inline in every compilation. So the transcendental loops live here whole, on
     * arrays, and the lane sums are written out where they are needed (fold) or done on stored lanes (foldLanes).
     */

    /**
     * a[from + i] := log a[from + i] for i below n (n a multiple of the lane count), for positive normal numbers
     * (what the relaxation takes it of: open uniforms and ratios of floored probabilities to their negated logs).
     * x = 2^k m with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| below 0.172, by its
     * series to s^23 (truncation below 1e-19).
     */
    public static void log(double[] a, int from, int n) {
        for (int i = from, end = from + n; i < end; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, i);
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
            p = p.fma(z, DoubleVector.broadcast(S, 1.0 / 21));
            p = p.fma(z, DoubleVector.broadcast(S, 1.0 / 19));
            p = p.fma(z, DoubleVector.broadcast(S, 1.0 / 17));
            p = p.fma(z, DoubleVector.broadcast(S, 1.0 / 15));
            p = p.fma(z, DoubleVector.broadcast(S, 1.0 / 13));
            p = p.fma(z, DoubleVector.broadcast(S, 1.0 / 11));
            p = p.fma(z, DoubleVector.broadcast(S, 1.0 / 9));
            p = p.fma(z, DoubleVector.broadcast(S, 1.0 / 7));
            p = p.fma(z, DoubleVector.broadcast(S, 1.0 / 5));
            p = p.fma(z, DoubleVector.broadcast(S, 1.0 / 3));
            DoubleVector s2 = s.add(s);
            DoubleVector logm = s2.fma(z.mul(p), s2);
            k.fma(DoubleVector.broadcast(S, LN2_HI), k.fma(DoubleVector.broadcast(S, LN2_LO), logm)).intoArray(a, i);
        }
    }

    /**
     * y[yo + i] := e^(s[so + i] - shift) for i below n (n a multiple of the lane count); returns the sum of the y
     * in a fixed order (lanewise accumulators, then {@link #fold}). e^x: x = k ln 2 + r with |r| at most ln(2) / 2,
     * e^r by its Taylor series to r^13 (truncation below 5e-18), times 2^k built from its bits; 0 below -708, and x
     * is capped at 709.
     */
    public static double exp(double[] s, int so, double shift, double[] y, int yo, int n) {
        DoubleVector sum = DoubleVector.zero(S), one = DoubleVector.broadcast(S, 1.0);
        for (int i = 0; i < n; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, s, so + i).sub(shift);
            VectorMask<Double> tiny = x.compare(VectorOperators.LT, EXP_MIN);
            DoubleVector xc = x.max(EXP_MIN).min(EXP_MAX);
            DoubleVector t = xc.fma(INV_LN2, ROUNDER);
            DoubleVector kd = t.sub(ROUNDER);
            LongVector k = t.reinterpretAsLongs().sub(ROUNDER_BITS);
            DoubleVector r = kd.fma(DoubleVector.broadcast(S, -LN2_HI), xc);
            r = kd.fma(DoubleVector.broadcast(S, -LN2_LO), r);
            DoubleVector p = DoubleVector.broadcast(S, 1.0 / 6227020800.0); // 1/13!
            p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 479001600.0));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 39916800.0));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 3628800.0));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 362880.0));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 40320.0));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 5040.0));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 720.0));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 120.0));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 24.0));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 6.0));
            p = p.fma(r, DoubleVector.broadcast(S, 0.5));
            p = p.fma(r, one);
            p = p.fma(r, one);
            DoubleVector scale = k.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector e = p.mul(scale).blend(0.0, tiny);
            e.intoArray(y, yo + i);
            sum = sum.add(e);
        }
        if (!STORE_LANES) return sum(sum);
        for (int q = SWAP.length - 1; q >= 0; q--) sum = sum.add(sum.rearrange(SWAP[q])); // fold
        return sum.lane(0);
    }

    /** pi/2 in three parts: P1 is pi/2 rounded to a double, P2 and P3 the next 53 bits each. */
    private static final double INV_PIO2 = 0.6366197723675814, PIO2_1 = 1.5707963267948966,
            PIO2_2 = 6.123233995736766e-17, PIO2_3 = -1.4973849048591698e-33;
    /** Beyond this (k = x / (pi/2) above 2^20) the three-part reduction loses bits: such lanes use Math. */
    private static final double TRIG_MAX = 1.6e6;

    /**
     * cos[i] := cos x[i] and sin[i] := sin x[i] for i below n (n a multiple of the lane count): x = k pi/2 + r with
     * |r| at most pi/4 (k rounded, r by fused multiply-adds with pi/2 in three parts), the Taylor series of sin r to
     * r^17 and of cos r to r^18 (truncation below 1e-19), the quadrant k mod 4 choosing and signing them. Within a
     * few units in the last place of Math (tested to 4e-16 absolute for |x| up to 1e4); a vector with a lane beyond
     * 1.6e6 in magnitude, or not finite, takes Math.cos and Math.sin lane by lane.
     */
    public static void cosSin(double[] x, double[] cos, double[] sin, int n) {
        for (int i = 0; i < n; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            if (v.abs().compare(VectorOperators.GT, TRIG_MAX).or(v.test(VectorOperators.IS_NAN)).anyTrue()) {
                for (int l = i; l < i + L; l++) {
                    cos[l] = Math.cos(x[l]);
                    sin[l] = Math.sin(x[l]);
                }
                continue;
            }
            DoubleVector t = v.fma(INV_PIO2, ROUNDER);
            DoubleVector kd = t.sub(ROUNDER);
            LongVector k = t.reinterpretAsLongs().sub(ROUNDER_BITS);
            DoubleVector r = kd.fma(DoubleVector.broadcast(S, -PIO2_1), v);
            r = kd.fma(DoubleVector.broadcast(S, -PIO2_2), r);
            r = kd.fma(DoubleVector.broadcast(S, -PIO2_3), r);
            DoubleVector z = r.mul(r);
            DoubleVector ps = DoubleVector.broadcast(S, 1.0 / 355687428096000.0); // 1/17!
            ps = ps.fma(z, DoubleVector.broadcast(S, -1.0 / 1307674368000.0));
            ps = ps.fma(z, DoubleVector.broadcast(S, 1.0 / 6227020800.0));
            ps = ps.fma(z, DoubleVector.broadcast(S, -1.0 / 39916800.0));
            ps = ps.fma(z, DoubleVector.broadcast(S, 1.0 / 362880.0));
            ps = ps.fma(z, DoubleVector.broadcast(S, -1.0 / 5040.0));
            ps = ps.fma(z, DoubleVector.broadcast(S, 1.0 / 120.0));
            ps = ps.fma(z, DoubleVector.broadcast(S, -1.0 / 6.0));
            DoubleVector sr = r.fma(z.mul(ps), r); // r + r^3 (-1/6 + r^2/120 - ...)
            DoubleVector pc = DoubleVector.broadcast(S, -1.0 / 6402373705728000.0); // -1/18!
            pc = pc.fma(z, DoubleVector.broadcast(S, 1.0 / 20922789888000.0));
            pc = pc.fma(z, DoubleVector.broadcast(S, -1.0 / 87178291200.0));
            pc = pc.fma(z, DoubleVector.broadcast(S, 1.0 / 479001600.0));
            pc = pc.fma(z, DoubleVector.broadcast(S, -1.0 / 3628800.0));
            pc = pc.fma(z, DoubleVector.broadcast(S, 1.0 / 40320.0));
            pc = pc.fma(z, DoubleVector.broadcast(S, -1.0 / 720.0));
            pc = pc.fma(z, DoubleVector.broadcast(S, 1.0 / 24.0));
            // cos r = 1 - r^2/2 + r^4 (1/24 - ...): the small terms summed first, 1 added last
            DoubleVector cr = z.mul(z).mul(pc).add(z.mul(-0.5)).add(1.0);
            VectorMask<Double> odd = k.and(1L).compare(VectorOperators.NE, 0L).cast(S);
            VectorMask<Double> sinNeg = k.and(2L).compare(VectorOperators.NE, 0L).cast(S);
            VectorMask<Double> cosNeg = k.add(1L).and(2L).compare(VectorOperators.NE, 0L).cast(S);
            DoubleVector so = sr.blend(cr, odd), co = cr.blend(sr, odd);
            so.blend(so.neg(), sinNeg).intoArray(sin, i);
            co.blend(co.neg(), cosNeg).intoArray(cos, i);
        }
    }

    /**
     * The fixed order of every lane sum here, written out where it is used (a method taking a vector could box it,
     * see above): {@code for (int q = log2(L) - 1; q >= 0; q--) v = v.add(v.rearrange(swap(q)));} then lane 0,
     * which for 8 lanes is ((v0 + v4) + (v2 + v6)) + ((v1 + v5) + (v3 + v7)). Vector adds and lane moves only, so
     * it stays fast when compiled (extracting lanes by a variable index does not); reduceLanes(ADD) would reorder.
     * This method is the reference for tests.
     */
    static double fold(double[] lanes, int from) {
        double[] t = java.util.Arrays.copyOfRange(lanes, from, from + L);
        for (int h = L >> 1; h > 0; h >>= 1) {
            for (int k = 0; k < h; k++) t[k] += t[k + h];
        }
        return t[0];
    }

}
