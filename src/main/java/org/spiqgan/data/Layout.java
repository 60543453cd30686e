package org.spiqgan.data;

/** How a 2-D matrix in a file maps to neurons and bins. */
public enum Layout {
    /** Rows are time bins, columns are neurons (the retina recording, MATLAB's B x N view). */
    BINS_BY_NEURONS("bins-by-neurons"),
    /** Rows are neurons, columns are time bins. */
    NEURONS_BY_BINS("neurons-by-bins"),
    /** The longer dimension is time: recordings have far more bins than neurons. */
    AUTO("auto");

    private final String label;

    Layout(String label) { this.label = label; }

    public String label() { return label; }

    public static Layout parse(String s) {
        for (Layout l : values()) if (l.label.equalsIgnoreCase(s) || l.name().equalsIgnoreCase(s)) return l;
        throw new IllegalArgumentException("layout must be bins-by-neurons, neurons-by-bins or auto, not '" + s + "'");
    }

    /** True when a rows x cols matrix has bins as rows under this layout. */
    public boolean binsAreRows(long rows, long cols) {
        return switch (this) {
            case BINS_BY_NEURONS -> true;
            case NEURONS_BY_BINS -> false;
            case AUTO -> rows >= cols;
        };
    }

    @Override
    public String toString() { return label; }
}
