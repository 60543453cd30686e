package org.spiqgan.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spiqgan.stats.Comparison;
import org.spiqgan.stats.Evaluation;
import org.spiqgan.stats.Evaluation.Side;

/**
 * The comparison table: one row per statistic, the noise floor (training split vs test split), then for
 * each generated set its error against the test split and the ratio error / noise floor.
 */
public final class EvaluationTable {
    private EvaluationTable() {}

    public static final String MEMORIZED = "memorized (fraction)";

    /** Header and rows as cells (for the text table and the HTML table). */
    public static List<String[]> cells(Evaluation e) {
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>();
        head.add("statistic");
        head.add("noise floor");
        for (Side m : e.models()) {
            head.add(m.name());
            head.add("ratio");
        }
        rows.add(head.toArray(new String[0]));
        for (Comparison.Error err : Comparison.Error.values()) {
            double floor = e.train().errors().get(err);
            List<String> row = new ArrayList<>();
            row.add(err.label);
            row.add(sci(floor));
            for (Side m : e.models()) {
                double v = m.errors().get(err);
                row.add(sci(v));
                row.add(ratio(v, floor));
            }
            rows.add(row.toArray(new String[0]));
        }
        List<String> mem = new ArrayList<>();
        mem.add(MEMORIZED);
        double floor = e.test().memorized();
        mem.add(fraction(floor));
        for (Side m : e.models()) {
            mem.add(fraction(m.memorized()));
            mem.add(ratio(m.memorized(), floor));
        }
        rows.add(mem.toArray(new String[0]));
        return rows;
    }

    /** A fixed-width text table for the terminal. */
    public static String text(Evaluation e) {
        List<String[]> rows = cells(e);
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) for (int c = 0; c < cols; c++) width[c] = Math.max(width[c], r[c].length());
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            for (int c = 0; c < cols; c++) {
                if (c > 0) sb.append("  ");
                sb.append(c == 0 ? pad(r[c], width[c], false) : pad(r[c], width[c], true));
            }
            sb.append(System.lineSeparator());
            if (k == 0) {
                int total = (cols - 1) * 2;
                for (int w : width) total += w;
                sb.append("-".repeat(total)).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    static String sci(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2e", v);
    }

    static String fraction(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String ratio(double v, double floor) {
        if (Double.isNaN(v) || Double.isNaN(floor)) return "n/a";
        if (floor == 0) return v == 0 ? "1" : "inf";
        double r = v / floor;
        return r >= 100 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.2f", r);
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }
}
