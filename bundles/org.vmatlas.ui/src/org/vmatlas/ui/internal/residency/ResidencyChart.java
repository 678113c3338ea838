package org.vmatlas.ui.internal.residency;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.RangeType;
import org.jfree.data.xy.DefaultXYDataset;
import org.vmatlas.render.chart.ByteFormat;
import org.vmatlas.sources.residency.Figures;

/**
 * The JFreeChart side of the Residency part: the process's RSS, PSS, dirty and swap over the seconds since
 * its first sample, reduced to at most {@link #MAX_POINTS} points a line. Knows nothing of SWT.
 */
final class ResidencyChart {

    static final int MAX_POINTS = 2000;
    /** RSS dark blue, PSS light blue, dirty orange, swap red: distinct from the map's protection colours. */
    private static final int[] COLOURS = { 0x1F4E79, 0x6BAED6, 0xE6550D, 0xCB181D };
    private final DefaultXYDataset lines = new DefaultXYDataset();
    private final JFreeChart chart;

    ResidencyChart() {
        NumberAxis seconds = new NumberAxis(Messages.axisSeconds);
        seconds.setAutoRangeIncludesZero(true);
        seconds.setAutoRangeMinimumSize(10);
        seconds.setRangeType(RangeType.POSITIVE);
        NumberAxis bytes = new NumberAxis(Messages.axisBytes);
        bytes.setNumberFormatOverride(new ByteFormat());
        bytes.setAutoRangeMinimumSize(1 << 20);
        bytes.setRangeType(RangeType.POSITIVE);
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setDefaultShapesVisible(false);
        for (int k = 0; k < COLOURS.length; k++) {
            renderer.setSeriesPaint(k, new Color(COLOURS[k]));
            renderer.setSeriesStroke(k, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(lines, seconds, bytes, renderer);
        plot.setBackgroundPaint(new Color(0xFBFBF8));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        chart = new JFreeChart(Messages.chartTitle, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        update(List.of());
    }

    JFreeChart chart() {
        return chart;
    }

    /** Replaces the lines with {@code totals} (oldest first); an empty list leaves empty lines. */
    void update(List<Figures> totals) {
        int n = totals.size();
        int step = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        int points = n == 0 ? 0 : (n - 1) / step + 1;
        double[][][] series = new double[4][2][points];
        long t0 = n == 0 ? 0 : totals.getFirst().timeNanos();
        for (int p = 0; p < points; p++) {
            // the last point is always the latest sample, so the lines end where the process is now
            Figures f = totals.get(p == points - 1 ? n - 1 : p * step);
            double x = (f.timeNanos() - t0) / 1e9;
            long[] values = { f.rss(), f.pss(), f.dirty(), f.swap() };
            for (int k = 0; k < 4; k++) {
                series[k][0][p] = x;
                series[k][1][p] = values[k];
            }
        }
        String[] names = { Messages.rss, Messages.pss, Messages.dirty, Messages.swap };
        for (int k = 0; k < 4; k++) {
            lines.addSeries(names[k], series[k]);
        }
    }

    /** For tests: the points of line {@code k} (0 RSS, 1 PSS, 2 dirty, 3 swap). */
    int points(int k) {
        return lines.getItemCount(k);
    }

    double lastValue(int k) {
        int n = lines.getItemCount(k);
        return n == 0 ? Double.NaN : lines.getYValue(k, n - 1);
    }
}
