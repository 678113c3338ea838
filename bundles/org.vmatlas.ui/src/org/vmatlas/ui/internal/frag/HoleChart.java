package org.vmatlas.ui.internal.frag;

import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.vmatlas.render.frag.HoleStats;
import org.vmatlas.render.map.MapColors;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.ui.internal.Messages;

/** The JFreeChart side of the fragmentation view: one bar per log2 size bucket, from the smallest hole to the largest. */
final class HoleChart {

    private static final String SERIES = "holes";
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final JFreeChart chart;

    HoleChart() {
        CategoryAxis sizes = new CategoryAxis(Messages.frag_axisSize);
        sizes.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis counts = new NumberAxis(Messages.frag_axisCount);
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(MapColors.ofProt(org.vmatlas.syscall.Prot.READ)));
        CategoryPlot plot = new CategoryPlot(data, sizes, counts, bars);
        plot.setBackgroundPaint(new Color(0xFBFBF8));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        chart = new JFreeChart(Messages.frag_chartTitle, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
    }

    /** Replaces the bars; empty buckets between the smallest and the largest hole are shown as zero. */
    void update(HoleStats stats) {
        data.clear();
        for (int k = Math.max(0, stats.firstBucket()); k >= 0 && k <= stats.lastBucket(); k++) {
            data.addValue(stats.count(k), SERIES, RegionText.size(1L << k));
        }
    }

    int bars() {
        return data.getColumnCount();
    }

    JFreeChart chart() {
        return chart;
    }
}
