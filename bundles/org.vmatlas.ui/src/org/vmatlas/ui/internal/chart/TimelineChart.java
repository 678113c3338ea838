package org.vmatlas.ui.internal.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.RangeType;
import org.jfree.data.xy.DefaultXYDataset;
import org.vmatlas.model.RegionState;
import org.vmatlas.render.chart.ByteFormat;
import org.vmatlas.render.chart.TimelineSeries;
import org.vmatlas.render.map.MapColors;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.Messages;

/**
 * The JFreeChart side of the timeline: one line per protection over event indexes, red dots for
 * failed or conflicting calls, and a marker for the workbench's moment. Fed with decimated arrays
 * from {@link TimelineSeries}; knows nothing of SWT.
 */
public final class TimelineChart {

    private static final int MAX_FAILURE_DOTS = 4000;
    /** Reserved grey as hatching, prepared washed green, ready green, unknown blue, as on the map. */
    private static final int[] STATE_COLOURS = { 0x8C8C88, 0xA8D5A2, 0x54A24B, 0x4C78A8 };
    private final DefaultXYDataset lines = new DefaultXYDataset();
    private final DefaultXYDataset failures = new DefaultXYDataset();
    private final ValueMarker moment = new ValueMarker(0);
    private final JFreeChart chart;
    private final XYPlot plot;

    public TimelineChart() {
        NumberAxis events = new NumberAxis(Messages.chart_axisSeconds);
        events.setAutoRangeIncludesZero(true);
        events.setAutoRangeMinimumSize(1);
        events.setRangeType(RangeType.POSITIVE);
        NumberAxis bytes = new NumberAxis(Messages.chart_axisBytes);
        bytes.setNumberFormatOverride(new ByteFormat());
        bytes.setAutoRangeMinimumSize(1 << 20);
        bytes.setRangeType(RangeType.POSITIVE);
        // Bytes change at events, not between them: steps, not slopes.
        XYLineAndShapeRenderer lineRenderer = new XYStepRenderer();
        lineRenderer.setDefaultShapesVisible(false);
        for (int k = 0; k < TimelineSeries.PROTS.length; k++) {
            lineRenderer.setSeriesPaint(k, awt(MapColors.ofProt(TimelineSeries.PROTS[k])));
            lineRenderer.setSeriesStroke(k, new BasicStroke(2f));
        }
        plot = new XYPlot(lines, events, bytes, lineRenderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(awt(0xFBFBF8));
        plot.setDomainGridlinePaint(awt(0xDDDDDD));
        plot.setRangeGridlinePaint(awt(0xDDDDDD));
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, awt(MapColors.CONFLICT));
        dots.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        plot.setDataset(1, failures);
        plot.setRenderer(1, dots);
        moment.setPaint(awt(0x202020));
        moment.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        plot.addDomainMarker(moment);
        chart = new JFreeChart(Messages.chart_title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
    }

    /** What the lines count: bytes by protection, or by the Go runtime's state. */
    public enum Breakdown { PROTECTION, STATE }

    private Breakdown breakdown = Breakdown.PROTECTION;
    private boolean byEvents;
    private TimelineSeries shownSeries;
    private int momentIndex = -1;

    /** Events along the axis by number ({@code true}) or by time in seconds; untimed events go by number. */
    public void setByEvents(boolean on) {
        byEvents = on;
    }

    /** {@code true} when the axis counts events, {@code false} when it shows seconds. */
    public boolean axisInEvents() {
        return byEvents || shownSeries == null || !shownSeries.timed();
    }

    private void configureAxis() {
        NumberAxis axis = (NumberAxis) plot.getDomainAxis();
        if (axisInEvents()) {
            axis.setLabel(Messages.chart_axisEvents);
            // Events are counted: whole ticks only, and a sensible frame before the first one arrives.
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setAutoRangeMinimumSize(10);
        } else {
            axis.setLabel(Messages.chart_axisSeconds);
            axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
            axis.setAutoRangeMinimumSize(0.001);
        }
    }

    /** Replaces the data with the series reduced to {@code columns} pixel columns. */
    public void update(TimelineSeries series, int columns) {
        shownSeries = series;
        configureAxis();
        boolean inSeconds = !axisInEvents();
        while (lines.getSeriesCount() > 0) {
            lines.removeSeries(lines.getSeriesKey(0));
        }
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer(0);
        if (breakdown == Breakdown.PROTECTION) {
            for (int k = 0; k < TimelineSeries.PROTS.length; k++) {
                renderer.setSeriesPaint(k, awt(MapColors.ofProt(TimelineSeries.PROTS[k])));
                lines.addSeries(Prot.letters(TimelineSeries.PROTS[k]), series.decimated(k, Math.max(1, columns), inSeconds));
            }
        } else {
            for (int i = 0; i < TimelineSeries.STATES.length; i++) {
                RegionState state = TimelineSeries.STATES[i];
                renderer.setSeriesPaint(i, awt(STATE_COLOURS[i]));
                lines.addSeries(state.name().toLowerCase(java.util.Locale.ROOT),
                        series.decimated(TimelineSeries.stateSlot(state), Math.max(1, columns), inSeconds));
            }
        }
        chart.setTitle(breakdown == Breakdown.PROTECTION ? Messages.chart_title : Messages.chart_titleState);
        int shown = Math.min(series.failureCount(), MAX_FAILURE_DOTS);
        double[][] dots = new double[2][shown];
        for (int i = 0; i < shown; i++) {
            int index = series.failure(series.failureCount() - shown + i);
            dots[0][i] = series.x(index, inSeconds);
            dots[1][i] = series.totalBytes(index);
        }
        failures.addSeries(Messages.chart_failures, dots);
        showMoment(momentIndex);
    }

    public void setBreakdown(Breakdown breakdown) {
        this.breakdown = breakdown;
    }

    public Breakdown breakdown() {
        return breakdown;
    }

    public void showMoment(int eventIndex) {
        momentIndex = eventIndex;
        boolean known = shownSeries != null && eventIndex >= 0 && eventIndex < shownSeries.size();
        moment.setValue(known ? shownSeries.x(eventIndex, !axisInEvents()) : eventIndex);
    }

    public JFreeChart chart() {
        return chart;
    }

    public XYPlot plot() {
        return plot;
    }

    static Color awt(int rgb) {
        return new Color(rgb);
    }
}
