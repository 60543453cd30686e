package org.spiqgan.report;

import org.knowm.xchart.internal.chartpart.Chart;

/** One chart of the report: its file stem, the section it belongs to and a caption for the page. */
public final class Figure {
    private final String id;
    private final String section;
    private final String caption;
    private final Chart<?, ?> chart;

    Figure(String id, String section, String caption, Chart<?, ?> chart) {
        this.id = id;
        this.section = section;
        this.caption = caption;
        this.chart = chart;
    }

    /** File stem, e.g. {@code 01-firing-probability}: the figure is written as .png and .svg. */
    public String id() { return id; }
    public String section() { return section; }
    public String caption() { return caption; }
    public Chart<?, ?> chart() { return chart; }
}
