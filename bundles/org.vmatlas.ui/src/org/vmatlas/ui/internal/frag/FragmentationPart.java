package org.vmatlas.ui.internal.frag;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.jfree.chart.swt.ChartComposite;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.render.frag.HoleStats;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.ui.internal.HoverTips;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.UiRefresher;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * How fragmented the address space is at the workbench's moment: the largest hole, the holes by size, and
 * the kernel's map count against {@code vm.max_map_count} (red above 90 %, where mmap starts to fail).
 */
public class FragmentationPart {

    static final int WARNING_PERCENT = 90;

    @Inject
    private RegionModelService models;

    @Inject
    private WorkbenchMoment moment;

    private final HoleChart chart = new HoleChart();
    private Label largest;
    private ChartComposite chartComposite;
    private ProgressBar mapCount;
    private Label mapCountText;
    private UiRefresher refresher;
    private final ModelListener listener = change -> refresher.request();
    private final Runnable momentListener = this::refresh;

    public FragmentationPart() {
    }

    /** For tests outside the workbench. */
    FragmentationPart(RegionModelService models, WorkbenchMoment moment) {
        this.models = models;
        this.moment = moment;
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        largest = new Label(parent, SWT.WRAP);
        largest.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        chartComposite = new ChartComposite(parent, SWT.NONE, chart.chart(), true);
        HoverTips.install(chartComposite);
        chartComposite.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        mapCount = new ProgressBar(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        mapCount.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        mapCountText = new Label(parent, SWT.NONE);
        mapCountText.setLayoutData(new GridData(220, SWT.DEFAULT));
        refresher = new UiRefresher(parent.getDisplay(), this::refresh);
        models.addListener(listener);
        moment.addListener(momentListener);
        refresh();
    }

    void refresh() {
        if (largest.isDisposed()) {
            return;
        }
        Session session = models.current();
        if (session == null) {
            largest.setText(Messages.frag_noSession);
            return;
        }
        AddressSpace space = moment.space(session);
        HoleStats stats = HoleStats.forSession(space, session.arena());
        HoleStats.Hole hole = stats.largest();
        largest.setText(hole == null
                ? NLS.bind(Messages.frag_noHoles, Long.toHexString(stats.from()), Long.toHexString(stats.to()))
                : NLS.bind(Messages.frag_largest, new Object[] { RegionText.size(hole.length()),
                    Long.toHexString(hole.start()), stats.holeCount(), RegionText.size(stats.freeBytes()),
                    Long.toHexString(stats.from()), Long.toHexString(stats.to()) }));
        chart.update(stats);
        showMapCount(space.kernelMapCount(), session.mapCountLimit());
        largest.getParent().layout();
    }

    private void showMapCount(int count, int limit) {
        int percent = percent(count, limit);
        mapCount.setMaximum(Math.max(1, limit));
        mapCount.setSelection(Math.min(count, limit));
        boolean warn = warns(count, limit);
        mapCount.setState(warn ? SWT.ERROR : SWT.NORMAL); // red where the platform has it (not GTK)
        mapCountText.setText(NLS.bind(Messages.frag_mapCount, new Object[] { count, limit, percent }));
        mapCountText.setForeground(warn ? mapCountText.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
    }

    /** Above {@value #WARNING_PERCENT} % of the limit, exactly (no rounding). */
    static boolean warns(int count, int limit) {
        return 100L * count > (long) WARNING_PERCENT * limit;
    }

    /** Whole percent of the limit in use, rounded down. */
    static int percent(int count, int limit) {
        return limit <= 0 ? 100 : (int) (100L * count / limit);
    }

    /** For tests. */
    String largestText() {
        return largest.getText();
    }

    String mapCountText() {
        return mapCountText.getText();
    }

    boolean mapCountRed() {
        return mapCountText.getForeground().equals(mapCountText.getDisplay().getSystemColor(SWT.COLOR_RED));
    }

    ProgressBar mapCountBar() {
        return mapCount;
    }

    HoleChart holeChart() {
        return chart;
    }

    @PreDestroy
    public void dispose() {
        models.removeListener(listener);
        moment.removeListener(momentListener);
    }
}
