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
import org.vmatlas.owners.RegionType;
import org.vmatlas.render.chart.ByteFormat;
import org.vmatlas.render.chart.ResidencyByType;
import org.vmatlas.render.map.Colouring;
import org.vmatlas.sources.residency.Figures;

/**
 * The JFreeChart side of the Residency part: the process's RSS, PSS, dirty and swap over the seconds since
 * its first sample, or its RSS by region type, reduced to at most {@link #MAX_POINTS} points a line. Knows
 * nothing of SWT.
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
        clear();
        chart.setTitle(Messages.chartTitle);
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
            renderer().setSeriesPaint(k, new Color(COLOURS[k]));
            lines.addSeries(names[k], series[k]);
        }
    }

    /**
     * Replaces the lines with the resident bytes of each type met, one line a type in the map's type colour,
     * along the same seconds as the totals ({@code t0Nanos}, the first sample's time), at most
     * {@link #MAX_POINTS} points a line.
     */
    void updateByType(ResidencyByType byType, long t0Nanos) {
        clear();
        chart.setTitle(Messages.chartTitleByType);
        int n = byType.size();
        int step = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        int points = n == 0 ? 0 : (n - 1) / step + 1;
        List<RegionType> types = byType.typesSeen();
        for (int k = 0; k < types.size(); k++) {
            RegionType type = types.get(k);
            double[][] xy = new double[2][points];
            for (int p = 0; p < points; p++) {
                int i = p == points - 1 ? n - 1 : p * step;
                xy[0][p] = Math.max(0, (byType.timeNanos(i) - t0Nanos) / 1e9);
                xy[1][p] = byType.rss(type, i);
            }
            renderer().setSeriesPaint(k, new Color(Colouring.typeRgb(type)));
            renderer().setSeriesStroke(k, new BasicStroke(2f));
            lines.addSeries(type.displayName(), xy);
        }
    }

    private void clear() {
        while (lines.getSeriesCount() > 0) {
            lines.removeSeries(lines.getSeriesKey(0));
        }
    }

    private XYStepRenderer renderer() {
        return (XYStepRenderer) chart.getXYPlot().getRenderer();
    }

    /** For tests: the names of the lines drawn. */
    List<String> lineNames() {
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < lines.getSeriesCount(); k++) {
            names.add(String.valueOf(lines.getSeriesKey(k)));
        }
        return names;
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
