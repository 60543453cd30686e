package org.spiqgan.data;

import java.util.List;

/**
 * A named part of a recording: the segments (or contiguous time blocks) it owns, in order.
 *
 * @param name     train, fit, validation, test or all
 * @param segments bin ranges of the raster
 */
public record Split(String name, List<Segment> segments) {
    public Split {
        segments = List.copyOf(segments);
    }

    public long bins() {
        long n = 0;
        for (Segment s : segments) n += s.length();
        return n;
    }

    public boolean isEmpty() { return segments.isEmpty(); }

    @Override
    public String toString() { return name + " (" + segments.size() + " segments, " + bins() + " bins)"; }
}
