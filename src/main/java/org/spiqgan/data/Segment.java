package org.spiqgan.data;

/**
 * A half-open range of bins {@code [start, end)} of a raster: one trial, stimulus repeat, or a
 * contiguous block of a split. Windows never cross the end of a segment.
 */
public record Segment(int start, int end) {
    public Segment {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad segment [" + start + ", " + end + ")");
    }

    public int length() { return end - start; }

    @Override
    public String toString() { return "[" + start + ", " + end + ")"; }
}
