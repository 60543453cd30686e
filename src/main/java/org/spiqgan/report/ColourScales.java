package org.spiqgan.report;

import java.awt.Color;

/**
 * Colour scales for heat maps, shared by the report and the reproduction's figures so that every heat map of
 * the project reads the same way.
 */
public final class ColourScales {
    private ColourScales() {}

    /** Viridis, from dark to light: monotone lightness, so a sequential map reads the same in grey. */
    public static Color[] sequential() {
        return new Color[] {
            new Color(0x44, 0x01, 0x54), new Color(0x3B, 0x52, 0x8B), new Color(0x21, 0x90, 0x8D),
            new Color(0x5D, 0xC9, 0x63), new Color(0xFD, 0xE7, 0x25),
        };
    }

    /**
     * Light yellow to orange (ColorBrewer YlOrBr without its darkest step): monotone lightness, light enough that
     * values printed in black on the cells stay readable everywhere.
     */
    public static Color[] sequentialLight() {
        return new Color[] {
            new Color(0xFF, 0xFF, 0xD4), new Color(0xFE, 0xD9, 0x8E), new Color(0xFE, 0x99, 0x29), new Color(0xD9, 0x5F, 0x0E),
        };
    }

    /**
     * Blue - white - red (ColorBrewer RdBu, reversed) for signed differences drawn on a range symmetric about
     * zero: white is "no difference", blue negative, red positive, and the two ends differ in hue for
     * colour-blind readers too. The ends are mid-dark, so values printed in black stay readable.
     */
    public static Color[] diverging() {
        return new Color[] {
            new Color(0x43, 0x93, 0xC3), new Color(0x92, 0xC5, 0xDE), new Color(0xF7, 0xF7, 0xF7),
            new Color(0xF4, 0xA5, 0x82), new Color(0xD6, 0x60, 0x4D),
        };
    }
}
