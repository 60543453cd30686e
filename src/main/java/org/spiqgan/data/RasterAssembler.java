package org.spiqgan.data;

import org.spiqgan.BadInputException;

/**
 * Turns the cells of a rows x cols numeric matrix into a raster, checking each value: spikes are
 * non-negative integers; NaN, negative and fractional values are errors; values above 1 are counts,
 * accepted only with {@code binarize} (and then kept as counts beside the binary raster).
 */
final class RasterAssembler {
    private final Object file;
    private final String field;
    private final boolean binsAreRows;
    private final boolean binarize;
    private final SpikeRaster.Builder builder;
    private long nonBinary;
    private double largest;

    RasterAssembler(Object file, String field, long rows, long cols, ReadOptions opts) {
        this.file = file;
        this.field = field;
        if (rows <= 0 || cols <= 0) {
            throw BadInputException.of(file, field, "empty array (" + rows + " x " + cols + "); a recording needs neurons and bins");
        }
        this.binsAreRows = opts.layout().binsAreRows(rows, cols);
        long bins = binsAreRows ? rows : cols;
        long neurons = binsAreRows ? cols : rows;
        if (bins > Integer.MAX_VALUE - 64) throw BadInputException.of(file, field, "too many time bins: " + bins);
        if (neurons > 1_000_000) {
            throw BadInputException.of(file, field, neurons + " neurons is more than supported (1000000); check field layout");
        }
        this.binarize = opts.binarize();
        try {
            this.builder = SpikeRaster.builder((int) neurons, (int) bins).binMs(opts.binMsOr(ReadOptions.DEFAULT_BIN_MS));
        } catch (OutOfMemoryError e) {
            throw BadInputException.of(file, field, "a raster of " + neurons + " x " + bins + " does not fit in memory");
        }
    }

    void accept(long row, long col, double v) {
        if (v == 0) return;
        if (Double.isNaN(v)) throw bad(row, col, "NaN");
        if (v < 0) throw bad(row, col, "negative value " + fmt(v));
        if (v != Math.rint(v)) throw bad(row, col, "value " + fmt(v) + " is not a spike count (0, 1, 2, ...)");
        put(row, col, v);
    }

    void acceptLong(long row, long col, long v) {
        if (v == 0) return;
        if (v < 0) throw bad(row, col, "negative value " + v);
        put(row, col, v);
    }

    private void put(long row, long col, double v) {
        if (v > 1) {
            nonBinary++;
            if (v > largest) largest = v;
        }
        int count = v > 255 ? 255 : (int) v;
        if (binsAreRows) builder.set((int) col, (int) row, count); else builder.set((int) row, (int) col, count);
    }

    SpikeRaster finish() {
        if (nonBinary > 0 && !binarize) {
            throw BadInputException.of(file, field, nonBinary + " values are not 0/1 (largest " + fmt(largest)
                    + "); set field binarize to count a bin with any spikes as 1");
        }
        return builder.build();
    }

    private BadInputException bad(long row, long col, String what) {
        return BadInputException.of(file, field, what + " at row " + row + ", column " + col + " (0-based)");
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
