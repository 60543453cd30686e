package org.spiqgan.data;

import java.math.BigInteger;
import java.nio.file.Path;
import org.spiqgan.BadInputException;

/** A read-only view of a primitive (or Number) array as doubles, whatever its element type. */
abstract class NumberArray {
    abstract int length();

    abstract double get(int k);

    static NumberArray of(Object a, Path file, String field) {
        if (a instanceof byte[] v) return view(v.length, k -> v[k]);
        if (a instanceof short[] v) return view(v.length, k -> v[k]);
        if (a instanceof int[] v) return view(v.length, k -> v[k]);
        if (a instanceof long[] v) return view(v.length, k -> v[k]);
        if (a instanceof float[] v) return view(v.length, k -> v[k]);
        if (a instanceof double[] v) return view(v.length, k -> v[k]);
        if (a instanceof boolean[] v) return view(v.length, k -> v[k] ? 1 : 0);
        if (a instanceof char[] v) return view(v.length, k -> v[k]);
        if (a instanceof BigInteger[] v) return view(v.length, k -> v[k].doubleValue());
        if (a instanceof Number[] v) return view(v.length, k -> v[k].doubleValue());
        if (a instanceof String[] v) return booleanEnum(v, file, field);
        throw BadInputException.of(file, field, "not a numeric array (" + (a == null ? "null" : a.getClass().getSimpleName()) + ")");
    }

    /** h5py stores numpy bools as an HDF5 enum {FALSE, TRUE}, which jhdf returns by name. */
    private static NumberArray booleanEnum(String[] v, Path file, String field) {
        byte[] b = new byte[v.length];
        for (int k = 0; k < v.length; k++) {
            String s = v[k];
            if ("TRUE".equalsIgnoreCase(s)) b[k] = 1;
            else if (!"FALSE".equalsIgnoreCase(s)) {
                throw BadInputException.of(file, field, "not a numeric array (an enum or string value '" + s + "')");
            }
        }
        return view(b.length, k -> b[k]);
    }

    private static NumberArray view(int n, java.util.function.IntToDoubleFunction f) {
        return new NumberArray() {
            @Override int length() { return n; }
            @Override double get(int k) { return f.applyAsDouble(k); }
        };
    }
}
