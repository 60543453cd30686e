package org.spiqgan.quantum;

import static org.spiqgan.quantum.VectorMath.sum;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StateKernels} with the JDK Vector API ({@code jdk.incubator.vector}), the preferred species (8 doubles
 * with AVX-512, 4 with AVX2). C2 vectorizes neither {@link Kernels#reverse} (eight strict-order double sums) nor
 * {@link Kernels#apply} on qubits 0 and 1 (runs of 1 and 2), so these are written lane by lane:
 * <ul>
 * <li>2^q at least the lane count: the pair partners are whole vectors at i and i + 2^q (one flat loop over
 * the vector pairs, as in {@link Kernels#reverse}: measured 0-30% faster than nested strides, most at q = 3);</li>
 * <li>smaller q: a partner sits in the same vector at lane k ^ 2^q; a {@code rearrange} brings it over, and
 * per-lane coefficient vectors hold m00 / m11 (self) and m01 / m10 (partner) by the lane's bit q.</li>
 * </ul>
 * The adjoint correlation is summed in vector accumulators reduced once at the end (on small q the lanewise
 * products conj(lambda) psi and conj(lambda) swap(psi), split by the bit-q mask into r00 / r11 and r01 / r10),
 * and the complex products use fused multiply-adds: the same sums as the scalar kernels, reassociated and rounded
 * differently (tested to 1e-13 of the state norms in {@code VectorKernelsTest}). Below one vector of
 * amplitudes (2^n smaller than the lane count) the scalar kernels run.
 * <p>Loaded only by {@link KernelChoice}, by name, so that the jar runs on a JVM without the module.
 */
final class VectorKernels implements StateKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** VectorMath.highLanes(): the masks of the lanes with bit q set, built in place (see there). */
    private static final double[] HIGH = VectorMath.highLanes();
    VectorKernels() {
        warmUp();
    }

    /**
     * Runs every kernel once on a small state, in the thread that chooses the kernels, so that the Vector API's
     * classes (vectors, masks, shuffles of each shape and element type used) are loaded and initialized before
     * any kernel gets hot. A C2 compilation that meets a vector class not yet initialized cannot use the API's
     * intrinsics and compiles the API's Java fallback instead, boxed vectors and all, and keeps it: a suspected
     * cause of JDK 17's slow JVM starts (BENCHMARKS.md, issue 12's sixth part). Results are discarded.
     */
    private void warmUp() {
        int dim = 4 * L;
        double[] re = new double[dim], im = new double[dim], lre = new double[dim], lim = new double[dim];
        double[] m = {0.6, 0.1, -0.7, 0.2, 0.7, 0.2, 0.6, -0.1}, r = new double[correlationLength()];
        int[] from = new int[dim];
        for (int i = 0; i < dim; i++) {
            re[i] = lre[i] = 1.0 / (i + 1);
            from[i] = dim - 1 - i;
        }
        for (int q = 0; (1 << q) < dim; q++) {
            apply(re, im, dim, q, m, 0);
            applyDiag(re, im, dim, q, m, 0);
            reverse(re, im, lre, lim, dim, q, m, 0, r);
            reverseDiag(re, im, lre, lim, dim, q, m, 0, r);
        }
        gather(re, im, lre, lim, from, dim);
        appendQubit(re, im, dim / 2, 0.6, 0.1, 0.7, -0.2);
        appendQubitChained(re, im, dim / 2, Integer.numberOfTrailingZeros(dim / 4), 0.6, 0.1, 0.7, -0.2);
        int qubits = Integer.numberOfTrailingZeros(dim);
        // the sampling plan's masked gates: within the lanes, above them, and both
        for (int mask : new int[] {3, L, L | 1}) {
            applyMasked(re, im, dim, new MaskedGate(qubits, mask, Integer.lowestOneBit(mask), L), m, 0);
        }
        double[] t = new double[16];
        java.util.Arrays.fill(t, 0.3);
        bondStep(re, im, lre, lim, dim / 2, -1, t);
        bondStep(re, im, lre, lim, dim / 2, Integer.numberOfTrailingZeros(dim / 4), t);
        bondClose(re, im, lre, lim, dim / 2, Integer.numberOfTrailingZeros(dim / 4), t);
        cosSin(re, lre, lim, dim);
        double[] pos = new double[dim];
        java.util.Arrays.fill(pos, 0.5);
        VectorMath.log(pos, 0, dim);
        VectorMath.exp(pos, 0, 0.0, lre, 0, dim);
        VectorMath.sum(DoubleVector.fromArray(S, pos, 0));
    }

    /** The number of doubles per vector. */
    static int lanes() {
        return L;
    }

    /** {@link VectorMath#cosSin} on the whole vectors, Math on the rest. */
    @Override
    public void cosSin(double[] x, double[] cos, double[] sin, int n) {
        int whole = n & -L;
        VectorMath.cosSin(x, cos, sin, whole);
        for (int i = whole; i < n; i++) {
            cos[i] = Math.cos(x[i]);
            sin[i] = Math.sin(x[i]);
        }
    }

    /** Whole vectors once len reaches the lane count; the same products and differences as the scalar loop. */
    @Override
    public void appendQubit(double[] re, double[] im, int len, double ar, double ai, double br, double bi) {
        if (len < L) {
            Kernels.appendQubit(re, im, len, ar, ai, br, bi);
            return;
        }
        appendRange(re, im, 0, len, len, ar, ai, br, bi);
    }

    /** The doubling step on [from, to), whole vectors: x * a stays, x * b goes to len places higher. */
    private static void appendRange(double[] re, double[] im, int from, int to, int len, double ar, double ai,
            double br, double bi) {
        for (int j = from; j < to; j += L) {
            DoubleVector xr = DoubleVector.fromArray(S, re, j), xi = DoubleVector.fromArray(S, im, j);
            xr.mul(br).sub(xi.mul(bi)).intoArray(re, j + len);
            xr.mul(bi).add(xi.mul(br)).intoArray(im, j + len);
            xr.mul(ar).sub(xi.mul(ai)).intoArray(re, j);
            xr.mul(ai).add(xi.mul(ar)).intoArray(im, j);
        }
    }

    /** Two ranges of whole vectors once 2^k reaches the lane count: the scalar loop's products and differences. */
    @Override
    public void appendQubitChained(double[] re, double[] im, int len, int k, double ar, double ai, double br,
            double bi) {
        int bit = 1 << k;
        if (bit < L || len != 2 * bit) {
            Kernels.appendQubitChained(re, im, len, k, ar, ai, br, bi);
            return;
        }
        appendRange(re, im, 0, bit, len, ar, ai, br, bi);
        appendRange(re, im, bit, len, len, br, bi, ar, ai);
    }

    /** Whole vectors once the step's ranges reach the lane count: all four outputs of a v in one pass. */
    @Override
    public void bondStep(double[] r0, double[] i0, double[] r1, double[] i1, int len, int split, double[] t) {
        int half = split < 0 ? len : 1 << split;
        if (half < L || (split >= 0 && len != 2 * half)) {
            Kernels.bondStep(r0, i0, r1, i1, len, split, t);
            return;
        }
        for (int from = 0, f = 0; from < len; from += half, f = 1) {
            // outputs (b, n) read t[w = b ^ f][n]
            int p = 8 * f, q = 8 * (1 - f);
            bondQuad(r0, i0, r1, i1, from, from + half, len, t[p], t[p + 1], t[p + 2], t[p + 3], t[p + 4], t[p + 5],
                    t[p + 6], t[p + 7], t[q], t[q + 1], t[q + 2], t[q + 3], t[q + 4], t[q + 5], t[q + 6], t[q + 7]);
        }
    }

    @Override
    public void bondClose(double[] r0, double[] i0, double[] r1, double[] i1, int len, int split, double[] t) {
        int half = split < 0 ? len : 1 << split;
        if (half < L || (split >= 0 && len != 2 * half)) {
            Kernels.bondClose(r0, i0, r1, i1, len, split, t);
            return;
        }
        for (int from = 0, f = 0; from < len; from += half, f = 1) {
            int p = 8 * f, q = 8 * f + 4;
            bondPair(r0, i0, r1, i1, from, from + half, len, t[p], t[p + 1], t[p + 2], t[p + 3], t[q], t[q + 1],
                    t[q + 2], t[q + 3]);
        }
    }

    /**
     * One step's four outputs for v in [from, to), whole vectors: with x = (r0, i0)[v], y = (r1, i1)[v], branch n of
     * bit b gets x t_bn0 + y t_bn1 at v + b len; t_0n = (a, b) for n = 0, (c, d) for n = 1, t_1n = (e, f), (g, h).
     */
    private static void bondQuad(double[] r0, double[] i0, double[] r1, double[] i1, int from, int to, int len,
            double ar, double ai, double br, double bi, double cr, double ci, double dr, double di,
            double er, double ei, double fr, double fi, double gr, double gi, double hr, double hi) {
        DoubleVector vAr = DoubleVector.broadcast(S, ar), vAi = DoubleVector.broadcast(S, ai), vNai = DoubleVector.broadcast(S, -ai);
        DoubleVector vBr = DoubleVector.broadcast(S, br), vBi = DoubleVector.broadcast(S, bi), vNbi = DoubleVector.broadcast(S, -bi);
        DoubleVector vCr = DoubleVector.broadcast(S, cr), vCi = DoubleVector.broadcast(S, ci), vNci = DoubleVector.broadcast(S, -ci);
        DoubleVector vDr = DoubleVector.broadcast(S, dr), vDi = DoubleVector.broadcast(S, di), vNdi = DoubleVector.broadcast(S, -di);
        DoubleVector vEr = DoubleVector.broadcast(S, er), vEi = DoubleVector.broadcast(S, ei), vNei = DoubleVector.broadcast(S, -ei);
        DoubleVector vFr = DoubleVector.broadcast(S, fr), vFi = DoubleVector.broadcast(S, fi), vNfi = DoubleVector.broadcast(S, -fi);
        DoubleVector vGr = DoubleVector.broadcast(S, gr), vGi = DoubleVector.broadcast(S, gi), vNgi = DoubleVector.broadcast(S, -gi);
        DoubleVector vHr = DoubleVector.broadcast(S, hr), vHi = DoubleVector.broadcast(S, hi), vNhi = DoubleVector.broadcast(S, -hi);
        for (int v = from; v < to; v += L) {
            DoubleVector xr = DoubleVector.fromArray(S, r0, v), xi = DoubleVector.fromArray(S, i0, v);
            DoubleVector yr = DoubleVector.fromArray(S, r1, v), yi = DoubleVector.fromArray(S, i1, v);
            xr.fma(vEr, xi.fma(vNei, yr.fma(vFr, yi.mul(vNfi)))).intoArray(r0, v + len);
            xi.fma(vEr, xr.fma(vEi, yi.fma(vFr, yr.mul(vFi)))).intoArray(i0, v + len);
            xr.fma(vGr, xi.fma(vNgi, yr.fma(vHr, yi.mul(vNhi)))).intoArray(r1, v + len);
            xi.fma(vGr, xr.fma(vGi, yi.fma(vHr, yr.mul(vHi)))).intoArray(i1, v + len);
            xr.fma(vAr, xi.fma(vNai, yr.fma(vBr, yi.mul(vNbi)))).intoArray(r0, v);
            xi.fma(vAr, xr.fma(vAi, yi.fma(vBr, yr.mul(vBi)))).intoArray(i0, v);
            xr.fma(vCr, xi.fma(vNci, yr.fma(vDr, yi.mul(vNdi)))).intoArray(r1, v);
            xi.fma(vCr, xr.fma(vCi, yi.fma(vDr, yr.mul(vDi)))).intoArray(i1, v);
        }
    }

    /** The closing step's two outputs: (r0, i0)[v] = x (a) + y (b), (r0, i0)[v + len] = x (c) + y (d), whole vectors. */
    private static void bondPair(double[] r0, double[] i0, double[] r1, double[] i1, int from, int to, int len,
            double ar, double ai, double br, double bi, double cr, double ci, double dr, double di) {
        DoubleVector vAr = DoubleVector.broadcast(S, ar), vAi = DoubleVector.broadcast(S, ai), vNai = DoubleVector.broadcast(S, -ai);
        DoubleVector vBr = DoubleVector.broadcast(S, br), vBi = DoubleVector.broadcast(S, bi), vNbi = DoubleVector.broadcast(S, -bi);
        DoubleVector vCr = DoubleVector.broadcast(S, cr), vCi = DoubleVector.broadcast(S, ci), vNci = DoubleVector.broadcast(S, -ci);
        DoubleVector vDr = DoubleVector.broadcast(S, dr), vDi = DoubleVector.broadcast(S, di), vNdi = DoubleVector.broadcast(S, -di);
        for (int v = from; v < to; v += L) {
            DoubleVector xr = DoubleVector.fromArray(S, r0, v), xi = DoubleVector.fromArray(S, i0, v);
            DoubleVector yr = DoubleVector.fromArray(S, r1, v), yi = DoubleVector.fromArray(S, i1, v);
            xr.fma(vCr, xi.fma(vNci, yr.fma(vDr, yi.mul(vNdi)))).intoArray(r0, v + len);
            xi.fma(vCr, xr.fma(vCi, yi.fma(vDr, yr.mul(vDi)))).intoArray(i0, v + len);
            xr.fma(vAr, xi.fma(vNai, yr.fma(vBr, yi.mul(vNbi)))).intoArray(r0, v);
            xi.fma(vAr, xr.fma(vAi, yi.fma(vBr, yr.mul(vBi)))).intoArray(i0, v);
        }
    }

    @Override
    public int maskedLanes() {
        return L;
    }

    /**
     * The masked gate in two loops over its pair starts, even and odd parity of x &amp; role, each with its lanes'
     * self and partner coefficients in registers, as the in-vector case of {@link #applyGeneral}: per lane the
     * element's own row of the matrix (row 1 where the role lane is set), self times the element plus partner times
     * the pair's other element, brought into the lane by a shuffle when the mask has bits within the lanes.
     */
    @Override
    public void applyMasked(double[] re, double[] im, int dim, MaskedGate g, double[] m, int o) {
        if (g.lanes != L || dim < 2 * L) {
            Kernels.applyMasked(re, im, dim, g, m, o);
            return;
        }
        double ar = m[o], ai = m[o + 1], br = m[o + 2], bi = m[o + 3];
        double cr = m[o + 4], ci = m[o + 5], dr = m[o + 6], di = m[o + 7];
        int[] bases = g.bases;
        int even = g.evenBases, all = bases.length;
        if (g.maskHigh == 0) {
            VectorShuffle<Double> sw = XOR[g.maskLow];
            maskedWithin(re, im, bases, 0, even, sw, g.roleLanes, 0, ar, ai, br, bi, cr, ci, dr, di);
            maskedWithin(re, im, bases, even, all, sw, g.roleLanes, L, ar, ai, br, bi, cr, ci, dr, di);
            return;
        }
        int w = g.partnerParity * L;
        if (g.maskLow == 0) {
            maskedPairs(re, im, bases, 0, even, g.maskHigh, g.roleLanes, 0, w, ar, ai, br, bi, cr, ci, dr, di);
            maskedPairs(re, im, bases, even, all, g.maskHigh, g.roleLanes, L, L - w, ar, ai, br, bi, cr, ci, dr, di);
            return;
        }
        VectorShuffle<Double> sw = XOR[g.maskLow];
        maskedPairsShuffled(re, im, bases, 0, even, g.maskHigh, sw, g.roleLanes, 0, w, ar, ai, br, bi, cr, ci, dr,
                di);
        maskedPairsShuffled(re, im, bases, even, all, g.maskHigh, sw, g.roleLanes, L, L - w, ar, ai, br, bi, cr, ci,
                dr, di);
    }

    /** Shuffles lane k to lane k ^ b, for every b below the lane count. */
    @SuppressWarnings("unchecked")
    private static final VectorShuffle<Double>[] XOR = new VectorShuffle[L];

    static {
        for (int b = 0; b < L; b++) {
            int x = b;
            XOR[b] = VectorShuffle.fromOp(S, k -> k ^ x);
        }
    }

    private static VectorMask<Double> roleMask(double[] roles, int off) {
        return DoubleVector.fromArray(S, roles, off).compare(VectorOperators.NE, 0);
    }

    /** Masks within the lanes: each vector pairs with itself, shuffled. */
    private static void maskedWithin(double[] re, double[] im, int[] bases, int from, int to, VectorShuffle<Double> sw,
            double[] roles, int off, double ar, double ai, double br, double bi, double cr, double ci, double dr,
            double di) {
        VectorMask<Double> hi = roleMask(roles, off);
        DoubleVector sr = DoubleVector.broadcast(S, ar).blend(DoubleVector.broadcast(S, dr), hi), si = DoubleVector.broadcast(S, ai).blend(DoubleVector.broadcast(S, di), hi), nsi = si.neg();
        DoubleVector pr = DoubleVector.broadcast(S, br).blend(DoubleVector.broadcast(S, cr), hi), pi = DoubleVector.broadcast(S, bi).blend(DoubleVector.broadcast(S, ci), hi), npi = pi.neg();
        for (int t = from; t < to; t++) {
            int i = bases[t];
            DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
            DoubleVector yr = xr.rearrange(sw), yi = xi.rearrange(sw);
            xr.fma(sr, xi.fma(nsi, yr.fma(pr, yi.mul(npi)))).intoArray(re, i);
            xi.fma(sr, xr.fma(si, yi.fma(pr, yr.mul(pi)))).intoArray(im, i);
        }
    }

    /** Masks above the lanes only: vector x pairs with vector x ^ maskHigh, lane for lane. */
    private static void maskedPairs(double[] re, double[] im, int[] bases, int from, int to, int mh, double[] roles,
            int offX, int offY, double ar, double ai, double br, double bi, double cr, double ci, double dr, double di) {
        VectorMask<Double> hx = roleMask(roles, offX), hy = roleMask(roles, offY);
        DoubleVector sxr = DoubleVector.broadcast(S, ar).blend(DoubleVector.broadcast(S, dr), hx), sxi = DoubleVector.broadcast(S, ai).blend(DoubleVector.broadcast(S, di), hx), nsxi = sxi.neg();
        DoubleVector pxr = DoubleVector.broadcast(S, br).blend(DoubleVector.broadcast(S, cr), hx), pxi = DoubleVector.broadcast(S, bi).blend(DoubleVector.broadcast(S, ci), hx), npxi = pxi.neg();
        DoubleVector syr = DoubleVector.broadcast(S, ar).blend(DoubleVector.broadcast(S, dr), hy), syi = DoubleVector.broadcast(S, ai).blend(DoubleVector.broadcast(S, di), hy), nsyi = syi.neg();
        DoubleVector pyr = DoubleVector.broadcast(S, br).blend(DoubleVector.broadcast(S, cr), hy), pyi = DoubleVector.broadcast(S, bi).blend(DoubleVector.broadcast(S, ci), hy), npyi = pyi.neg();
        for (int t = from; t < to; t++) {
            int i = bases[t], j = i ^ mh;
            DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
            DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
            xr.fma(sxr, xi.fma(nsxi, yr.fma(pxr, yi.mul(npxi)))).intoArray(re, i);
            xi.fma(sxr, xr.fma(sxi, yi.fma(pxr, yr.mul(pxi)))).intoArray(im, i);
            yr.fma(syr, yi.fma(nsyi, xr.fma(pyr, xi.mul(npyi)))).intoArray(re, j);
            yi.fma(syr, yr.fma(syi, xi.fma(pyr, xr.mul(pyi)))).intoArray(im, j);
        }
    }

    /** Masks with bits above and within the lanes: vector x pairs with vector x ^ maskHigh, shuffled. */
    private static void maskedPairsShuffled(double[] re, double[] im, int[] bases, int from, int to, int mh,
            VectorShuffle<Double> sw, double[] roles, int offX, int offY, double ar, double ai, double br, double bi,
            double cr, double ci, double dr, double di) {
        VectorMask<Double> hx = roleMask(roles, offX), hy = roleMask(roles, offY);
        DoubleVector sxr = DoubleVector.broadcast(S, ar).blend(DoubleVector.broadcast(S, dr), hx), sxi = DoubleVector.broadcast(S, ai).blend(DoubleVector.broadcast(S, di), hx), nsxi = sxi.neg();
        DoubleVector pxr = DoubleVector.broadcast(S, br).blend(DoubleVector.broadcast(S, cr), hx), pxi = DoubleVector.broadcast(S, bi).blend(DoubleVector.broadcast(S, ci), hx), npxi = pxi.neg();
        DoubleVector syr = DoubleVector.broadcast(S, ar).blend(DoubleVector.broadcast(S, dr), hy), syi = DoubleVector.broadcast(S, ai).blend(DoubleVector.broadcast(S, di), hy), nsyi = syi.neg();
        DoubleVector pyr = DoubleVector.broadcast(S, br).blend(DoubleVector.broadcast(S, cr), hy), pyi = DoubleVector.broadcast(S, bi).blend(DoubleVector.broadcast(S, ci), hy), npyi = pyi.neg();
        for (int t = from; t < to; t++) {
            int i = bases[t], j = i ^ mh;
            DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
            DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
            DoubleVector uxr = yr.rearrange(sw), uxi = yi.rearrange(sw), uyr = xr.rearrange(sw), uyi = xi.rearrange(sw);
            xr.fma(sxr, xi.fma(nsxi, uxr.fma(pxr, uxi.mul(npxi)))).intoArray(re, i);
            xi.fma(sxr, xr.fma(sxi, uxi.fma(pxr, uxr.mul(pxi)))).intoArray(im, i);
            yr.fma(syr, yi.fma(nsyi, uyr.fma(pyr, uyi.mul(npyi)))).intoArray(re, j);
            yi.fma(syr, yr.fma(syi, uyi.fma(pyr, uyr.mul(pyi)))).intoArray(im, j);
        }
    }

    /** reverse and reverseDiag store their eight vector accumulators in r before folding them. */
    @Override
    public int correlationLength() {
        return 8 * L;
    }

    @Override
    public String describe() {
        return "vector (jdk.incubator.vector, " + L + " doubles per vector)";
    }



    @Override
    public void apply(double[] re, double[] im, int dim, int q, double[] m, int o) {
        if (dim < L) {
            Kernels.apply(re, im, dim, q, m, o);
            return;
        }
        applyGeneral(re, im, dim, q, m[o], m[o + 1], m[o + 2], m[o + 3], m[o + 4], m[o + 5], m[o + 6], m[o + 7]);
    }

    /** [[a, b], [c, d]] on qubit q; dim >= L. */
    private static void applyGeneral(double[] re, double[] im, int dim, int q, double ar, double ai, double br,
            double bi, double cr, double ci, double dr, double di) {
        int st = 1 << q, half = dim >> 1, low = st - 1;
        if (st >= L) {
            DoubleVector vAr = DoubleVector.broadcast(S, ar), vAi = DoubleVector.broadcast(S, ai), vNai = DoubleVector.broadcast(S, -ai), vBr = DoubleVector.broadcast(S, br), vBi = DoubleVector.broadcast(S, bi), vNbi = DoubleVector.broadcast(S, -bi);
            DoubleVector vCr = DoubleVector.broadcast(S, cr), vCi = DoubleVector.broadcast(S, ci), vNci = DoubleVector.broadcast(S, -ci), vDr = DoubleVector.broadcast(S, dr), vDi = DoubleVector.broadcast(S, di), vNdi = DoubleVector.broadcast(S, -di);
            for (int k = 0; k < half; k += L) {
                int i = ((k & ~low) << 1) | (k & low), j = i + st;
                    DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                    DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
                    xr.fma(vAr, xi.fma(vNai, yr.fma(vBr, yi.mul(vNbi)))).intoArray(re, i);
                    xi.fma(vAr, xr.fma(vAi, yi.fma(vBr, yr.mul(vBi)))).intoArray(im, i);
                    xr.fma(vCr, xi.fma(vNci, yr.fma(vDr, yi.mul(vNdi)))).intoArray(re, j);
                    xi.fma(vCr, xr.fma(vCi, yi.fma(vDr, yr.mul(vDi)))).intoArray(im, j);
            }
            return;
        }
        VectorShuffle<Double> sw = VectorMath.swap(q);
        VectorMask<Double> high = DoubleVector.fromArray(S, HIGH, q * L).compare(VectorOperators.NE, 0);
        // self coefficient: a on bit-clear lanes, d on bit-set lanes; partner: b, c
        DoubleVector sr = DoubleVector.broadcast(S, ar).blend(DoubleVector.broadcast(S, dr), high), si = DoubleVector.broadcast(S, ai).blend(DoubleVector.broadcast(S, di), high), nsi = si.neg();
        DoubleVector pr = DoubleVector.broadcast(S, br).blend(DoubleVector.broadcast(S, cr), high), pi = DoubleVector.broadcast(S, bi).blend(DoubleVector.broadcast(S, ci), high), npi = pi.neg();
        for (int i = 0; i < dim; i += L) {
            DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
            DoubleVector yr = xr.rearrange(sw), yi = xi.rearrange(sw);
            xr.fma(sr, xi.fma(nsi, yr.fma(pr, yi.mul(npi)))).intoArray(re, i);
            xi.fma(sr, xr.fma(si, yi.fma(pr, yr.mul(pi)))).intoArray(im, i);
        }
    }

    @Override
    public void applyDiag(double[] re, double[] im, int dim, int q, double[] m, int o) {
        if (dim < L) {
            Kernels.applyDiag(re, im, dim, q, m, o);
            return;
        }
        applyDiagonal(re, im, dim, q, m[o], m[o + 1], m[o + 6], m[o + 7]);
    }

    private static void applyDiagonal(double[] re, double[] im, int dim, int q, double ar, double ai, double dr,
            double di) {
        int st = 1 << q, half = dim >> 1, low = st - 1;
        if (st >= L) {
            DoubleVector vAr = DoubleVector.broadcast(S, ar), vAi = DoubleVector.broadcast(S, ai), vNai = DoubleVector.broadcast(S, -ai), vDr = DoubleVector.broadcast(S, dr), vDi = DoubleVector.broadcast(S, di), vNdi = DoubleVector.broadcast(S, -di);
            for (int k = 0; k < half; k += L) {
                int i = ((k & ~low) << 1) | (k & low), j = i + st;
                    DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                    DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
                    xr.fma(vAr, xi.mul(vNai)).intoArray(re, i);
                    xi.fma(vAr, xr.mul(vAi)).intoArray(im, i);
                    yr.fma(vDr, yi.mul(vNdi)).intoArray(re, j);
                    yi.fma(vDr, yr.mul(vDi)).intoArray(im, j);
            }
            return;
        }
        VectorMask<Double> high = DoubleVector.fromArray(S, HIGH, q * L).compare(VectorOperators.NE, 0);
        DoubleVector sr = DoubleVector.broadcast(S, ar).blend(DoubleVector.broadcast(S, dr), high), si = DoubleVector.broadcast(S, ai).blend(DoubleVector.broadcast(S, di), high), nsi = si.neg();
        for (int i = 0; i < dim; i += L) {
            DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
            xr.fma(sr, xi.mul(nsi)).intoArray(re, i);
            xi.fma(sr, xr.mul(si)).intoArray(im, i);
        }
    }

    @Override
    public void reverse(double[] re, double[] im, double[] lre, double[] lim, int dim, int q, double[] m, int o,
            double[] r) {
        if (dim < L) {
            Kernels.reverse(re, im, lre, lim, dim, q, m, o, r);
            return;
        }
        // F^dag entries, as in Kernels.reverse
        double ar = m[o], ai = -m[o + 1], br = m[o + 4], bi = -m[o + 5];
        double cr = m[o + 2], ci = -m[o + 3], dr = m[o + 6], di = -m[o + 7];
        int st = 1 << q, half = dim >> 1, low = st - 1;
        if (st < L) {
            reverseInVector(re, im, lre, lim, dim, q, ar, ai, br, bi, cr, ci, dr, di, r);
            return;
        }
        DoubleVector vAr = DoubleVector.broadcast(S, ar), vAi = DoubleVector.broadcast(S, ai), vNai = DoubleVector.broadcast(S, -ai), vBr = DoubleVector.broadcast(S, br), vBi = DoubleVector.broadcast(S, bi), vNbi = DoubleVector.broadcast(S, -bi);
        DoubleVector vCr = DoubleVector.broadcast(S, cr), vCi = DoubleVector.broadcast(S, ci), vNci = DoubleVector.broadcast(S, -ci), vDr = DoubleVector.broadcast(S, dr), vDi = DoubleVector.broadcast(S, di), vNdi = DoubleVector.broadcast(S, -di);
        DoubleVector s00r = DoubleVector.broadcast(S, 0), s00i = s00r, s01r = s00r, s01i = s00r, s10r = s00r, s10i = s00r, s11r = s00r,
                s11i = s00r;
        for (int k = 0; k < half; k += L) {
            int i = ((k & ~low) << 1) | (k & low), j = i + st;
                DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
                DoubleVector p0r = xr.fma(vAr, xi.fma(vNai, yr.fma(vBr, yi.mul(vNbi))));
                DoubleVector p0i = xi.fma(vAr, xr.fma(vAi, yi.fma(vBr, yr.mul(vBi))));
                DoubleVector p1r = xr.fma(vCr, xi.fma(vNci, yr.fma(vDr, yi.mul(vNdi))));
                DoubleVector p1i = xi.fma(vCr, xr.fma(vCi, yi.fma(vDr, yr.mul(vDi))));
                p0r.intoArray(re, i);
                p0i.intoArray(im, i);
                p1r.intoArray(re, j);
                p1i.intoArray(im, j);
                DoubleVector l0r = DoubleVector.fromArray(S, lre, i), l0i = DoubleVector.fromArray(S, lim, i);
                DoubleVector l1r = DoubleVector.fromArray(S, lre, j), l1i = DoubleVector.fromArray(S, lim, j);
                DoubleVector n0i = l0i.neg(), n1i = l1i.neg();
                // r_ab += conj(lambda_a) psi_b
                s00r = l0r.fma(p0r, l0i.fma(p0i, s00r));
                s00i = l0r.fma(p0i, n0i.fma(p0r, s00i));
                s01r = l0r.fma(p1r, l0i.fma(p1i, s01r));
                s01i = l0r.fma(p1i, n0i.fma(p1r, s01i));
                s10r = l1r.fma(p0r, l1i.fma(p0i, s10r));
                s10i = l1r.fma(p0i, n1i.fma(p0r, s10i));
                s11r = l1r.fma(p1r, l1i.fma(p1i, s11r));
                s11i = l1r.fma(p1i, n1i.fma(p1r, s11i));
                l0r.fma(vAr, l0i.fma(vNai, l1r.fma(vBr, l1i.mul(vNbi)))).intoArray(lre, i);
                l0i.fma(vAr, l0r.fma(vAi, l1i.fma(vBr, l1r.mul(vBi)))).intoArray(lim, i);
                l0r.fma(vCr, l0i.fma(vNci, l1r.fma(vDr, l1i.mul(vNdi)))).intoArray(lre, j);
                l0i.fma(vCr, l0r.fma(vCi, l1i.fma(vDr, l1r.mul(vDi)))).intoArray(lim, j);
        }
        // the eight sums in VectorMath's fixed order (reduceLanes(ADD) reorders once compiled)
        if (!VectorMath.STORE_LANES) {
            Gate.set(r, 0, sum(s00r), sum(s00i), sum(s01r), sum(s01i), sum(s10r), sum(s10i), sum(s11r), sum(s11i));
            return;
        }
        s00r.intoArray(r, 0);
        s00i.intoArray(r, L);
        s01r.intoArray(r, 2 * L);
        s01i.intoArray(r, 3 * L);
        s10r.intoArray(r, 4 * L);
        s10i.intoArray(r, 5 * L);
        s11r.intoArray(r, 6 * L);
        s11i.intoArray(r, 7 * L);
        VectorMath.foldLanes(r, 8);
    }

    /**
     * reverse for 2^q < L: per lane, D = conj(lambda) psi' and O = conj(lambda) swap(psi') (psi' after F^dag,
     * lambda before its update); lanes with bit q clear sum into r00 (D) and r01 (O), the others into r11 and r10.
     */
    private static void reverseInVector(double[] re, double[] im, double[] lre, double[] lim, int dim, int q,
            double ar, double ai, double br, double bi, double cr, double ci, double dr, double di, double[] r) {
        VectorShuffle<Double> sw = VectorMath.swap(q);
        VectorMask<Double> high = DoubleVector.fromArray(S, HIGH, q * L).compare(VectorOperators.NE, 0);
        DoubleVector sr = DoubleVector.broadcast(S, ar).blend(DoubleVector.broadcast(S, dr), high), si = DoubleVector.broadcast(S, ai).blend(DoubleVector.broadcast(S, di), high), nsi = si.neg();
        DoubleVector pr = DoubleVector.broadcast(S, br).blend(DoubleVector.broadcast(S, cr), high), pi = DoubleVector.broadcast(S, bi).blend(DoubleVector.broadcast(S, ci), high), npi = pi.neg();
        DoubleVector dR = DoubleVector.broadcast(S, 0), dI = dR, oR = dR, oI = dR;
        for (int i = 0; i < dim; i += L) {
            DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
            DoubleVector yr = xr.rearrange(sw), yi = xi.rearrange(sw);
            DoubleVector nr = xr.fma(sr, xi.fma(nsi, yr.fma(pr, yi.mul(npi))));
            DoubleVector ni = xi.fma(sr, xr.fma(si, yi.fma(pr, yr.mul(pi))));
            nr.intoArray(re, i);
            ni.intoArray(im, i);
            DoubleVector lr = DoubleVector.fromArray(S, lre, i), li = DoubleVector.fromArray(S, lim, i);
            DoubleVector nli = li.neg();
            DoubleVector snr = nr.rearrange(sw), sni = ni.rearrange(sw);
            dR = lr.fma(nr, li.fma(ni, dR));
            dI = lr.fma(ni, nli.fma(nr, dI));
            oR = lr.fma(snr, li.fma(sni, oR));
            oI = lr.fma(sni, nli.fma(snr, oI));
            DoubleVector kr = lr.rearrange(sw), ki = li.rearrange(sw);
            lr.fma(sr, li.fma(nsi, kr.fma(pr, ki.mul(npi)))).intoArray(lre, i);
            li.fma(sr, lr.fma(si, ki.fma(pr, kr.mul(pi)))).intoArray(lim, i);
        }
        VectorMask<Double> low = high.not();
        if (!VectorMath.STORE_LANES) {
            Gate.set(r, 0, sum(dR, low), sum(dI, low), sum(oR, low), sum(oI, low), sum(oR, high), sum(oI, high),
                    sum(dR, high), sum(dI, high));
            return;
        }
        DoubleVector zero = DoubleVector.zero(S);
        zero.blend(dR, low).intoArray(r, 0);
        zero.blend(dI, low).intoArray(r, L);
        zero.blend(oR, low).intoArray(r, 2 * L);
        zero.blend(oI, low).intoArray(r, 3 * L);
        zero.blend(oR, high).intoArray(r, 4 * L);
        zero.blend(oI, high).intoArray(r, 5 * L);
        zero.blend(dR, high).intoArray(r, 6 * L);
        zero.blend(dI, high).intoArray(r, 7 * L);
        VectorMath.foldLanes(r, 8);
    }

    @Override
    public void reverseDiag(double[] re, double[] im, double[] lre, double[] lim, int dim, int q, double[] m,
            int o, double[] r) {
        if (dim < L) {
            Kernels.reverseDiag(re, im, lre, lim, dim, q, m, o, r);
            return;
        }
        double ar = m[o], ai = -m[o + 1], dr = m[o + 6], di = -m[o + 7];
        int st = 1 << q, half = dim >> 1, low = st - 1;
        if (st < L) {
            reverseDiagInVector(re, im, lre, lim, dim, q, ar, ai, dr, di, r);
            return;
        }
        DoubleVector vAr = DoubleVector.broadcast(S, ar), vAi = DoubleVector.broadcast(S, ai), vNai = DoubleVector.broadcast(S, -ai), vDr = DoubleVector.broadcast(S, dr), vDi = DoubleVector.broadcast(S, di), vNdi = DoubleVector.broadcast(S, -di);
        DoubleVector s00r = DoubleVector.broadcast(S, 0), s00i = s00r, s11r = s00r, s11i = s00r;
        for (int k = 0; k < half; k += L) {
            int i = ((k & ~low) << 1) | (k & low), j = i + st;
                DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
                DoubleVector p0r = xr.fma(vAr, xi.mul(vNai)), p0i = xi.fma(vAr, xr.mul(vAi));
                DoubleVector p1r = yr.fma(vDr, yi.mul(vNdi)), p1i = yi.fma(vDr, yr.mul(vDi));
                p0r.intoArray(re, i);
                p0i.intoArray(im, i);
                p1r.intoArray(re, j);
                p1i.intoArray(im, j);
                DoubleVector l0r = DoubleVector.fromArray(S, lre, i), l0i = DoubleVector.fromArray(S, lim, i);
                DoubleVector l1r = DoubleVector.fromArray(S, lre, j), l1i = DoubleVector.fromArray(S, lim, j);
                s00r = l0r.fma(p0r, l0i.fma(p0i, s00r));
                s00i = l0r.fma(p0i, l0i.neg().fma(p0r, s00i));
                s11r = l1r.fma(p1r, l1i.fma(p1i, s11r));
                s11i = l1r.fma(p1i, l1i.neg().fma(p1r, s11i));
                l0r.fma(vAr, l0i.mul(vNai)).intoArray(lre, i);
                l0i.fma(vAr, l0r.mul(vAi)).intoArray(lim, i);
                l1r.fma(vDr, l1i.mul(vNdi)).intoArray(lre, j);
                l1i.fma(vDr, l1r.mul(vDi)).intoArray(lim, j);
        }
        if (!VectorMath.STORE_LANES) {
            Gate.set(r, 0, sum(s00r), sum(s00i), 0, 0, 0, 0, sum(s11r), sum(s11i));
            return;
        }
        DoubleVector zero = DoubleVector.zero(S);
        s00r.intoArray(r, 0);
        s00i.intoArray(r, L);
        zero.intoArray(r, 2 * L);
        zero.intoArray(r, 3 * L);
        zero.intoArray(r, 4 * L);
        zero.intoArray(r, 5 * L);
        s11r.intoArray(r, 6 * L);
        s11i.intoArray(r, 7 * L);
        VectorMath.foldLanes(r, 8);
    }

    private static void reverseDiagInVector(double[] re, double[] im, double[] lre, double[] lim, int dim, int q,
            double ar, double ai, double dr, double di, double[] r) {
        VectorMask<Double> high = DoubleVector.fromArray(S, HIGH, q * L).compare(VectorOperators.NE, 0);
        DoubleVector sr = DoubleVector.broadcast(S, ar).blend(DoubleVector.broadcast(S, dr), high), si = DoubleVector.broadcast(S, ai).blend(DoubleVector.broadcast(S, di), high), nsi = si.neg();
        DoubleVector dR = DoubleVector.broadcast(S, 0), dI = dR;
        for (int i = 0; i < dim; i += L) {
            DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
            DoubleVector nr = xr.fma(sr, xi.mul(nsi)), ni = xi.fma(sr, xr.mul(si));
            nr.intoArray(re, i);
            ni.intoArray(im, i);
            DoubleVector lr = DoubleVector.fromArray(S, lre, i), li = DoubleVector.fromArray(S, lim, i);
            dR = lr.fma(nr, li.fma(ni, dR));
            dI = lr.fma(ni, li.neg().fma(nr, dI));
            lr.fma(sr, li.mul(nsi)).intoArray(lre, i);
            li.fma(sr, lr.mul(si)).intoArray(lim, i);
        }
        VectorMask<Double> low = high.not();
        if (!VectorMath.STORE_LANES) {
            Gate.set(r, 0, sum(dR, low), sum(dI, low), 0, 0, 0, 0, sum(dR, high), sum(dI, high));
            return;
        }
        DoubleVector zero = DoubleVector.zero(S);
        zero.blend(dR, low).intoArray(r, 0);
        zero.blend(dI, low).intoArray(r, L);
        zero.intoArray(r, 2 * L);
        zero.intoArray(r, 3 * L);
        zero.intoArray(r, 4 * L);
        zero.intoArray(r, 5 * L);
        zero.blend(dR, high).intoArray(r, 6 * L);
        zero.blend(dI, high).intoArray(r, 7 * L);
        VectorMath.foldLanes(r, 8);
    }

    /** Hardware gathers (vgatherdpd): 1.45x the scalar loop on JDK 25, 1.85x on JDK 17 at n = 10 (same bits). */
    @Override
    public void gather(double[] re, double[] im, double[] dre, double[] dim_, int[] from, int dim) {
        if (dim < L) {
            Kernels.gather(re, im, dre, dim_, from, dim);
            return;
        }
        for (int i = 0; i < dim; i += L) {
            DoubleVector.fromArray(S, re, 0, from, i).intoArray(dre, i);
            DoubleVector.fromArray(S, im, 0, from, i).intoArray(dim_, i);
        }
    }
}
