package org.vmatlas.ui.internal.chart;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Scale;
import org.jfree.chart.swt.ChartComposite;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.render.chart.TimelineSeries;
import org.vmatlas.ui.internal.HoverTips;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.UiRefresher;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * The timeline: bytes by protection over events, failures as red dots, and a scrubber that moves
 * the whole workbench to a moment. "Live" returns to following the latest event.
 */
public class TimelineChartPart {

    @Inject
    private RegionModelService models;

    @Inject
    private WorkbenchMoment moment;

    private final TimelineSeries series = new TimelineSeries();
    private static final int CHART_DELAY_MILLIS = 500;
    private Composite chartArea;
    private TimelineChart.Breakdown chosenBreakdown = TimelineChart.Breakdown.PROTECTION;
    private TimelineChart chart;
    private ChartComposite chartComposite;
    private Scale scrubber;
    private Button live;
    private Button byEvents;
    private UiRefresher refresher;
    private final ModelListener listener = change -> refresher.request();
    private final Runnable momentListener = this::showMoment;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(5, false));
        chartArea = new Composite(parent, SWT.NONE);
        chartArea.setLayout(new FillLayout());
        chartArea.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        // JFreeChart's first use loads AWT and its fonts (about half a second): build it a moment after the
        // window is up, so the map and the demo come first. An asyncExec would still run before the window.
        parent.getDisplay().timerExec(CHART_DELAY_MILLIS, this::buildChart);
        scrubber = new Scale(parent, SWT.HORIZONTAL);
        scrubber.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        scrubber.setToolTipText(Messages.chart_scrubberTip);
        scrubber.addListener(SWT.Selection, event -> moment.seek(scrubber.getSelection() - 1));
        live = new Button(parent, SWT.TOGGLE);
        live.setText(Messages.chart_live);
        live.setSelection(true);
        live.setToolTipText(Messages.chart_liveTip);
        live.addListener(SWT.Selection, event -> {
            if (live.getSelection()) {
                moment.live();
            } else {
                moment.seek(scrubber.getSelection() - 1);
            }
        });
        Button changes = new Button(parent, SWT.PUSH);
        changes.setText(Messages.chart_changes);
        changes.setToolTipText(Messages.chart_changesTip);
        changes.addListener(SWT.Selection, event -> showChanges(parent.getShell()));
        Combo breakdown = new Combo(parent, SWT.READ_ONLY);
        breakdown.setItems(Messages.chart_byProtection, Messages.chart_byState);
        breakdown.select(0);
        breakdown.setToolTipText(Messages.chart_breakdownTip);
        breakdown.addListener(SWT.Selection, event -> {
            chosenBreakdown = breakdown.getSelectionIndex() == 0 ? TimelineChart.Breakdown.PROTECTION
                    : TimelineChart.Breakdown.STATE;
            refresh();
        });
        byEvents = new Button(parent, SWT.TOGGLE);
        byEvents.setText(Messages.chart_byEvents);
        byEvents.setToolTipText(Messages.chart_byEventsTip);
        byEvents.addListener(SWT.Selection, event -> refresh());
        refresher = new UiRefresher(parent.getDisplay(), this::refresh);
        models.addListener(listener);
        moment.addListener(momentListener);
    }

    private void buildChart() {
        if (chartArea.isDisposed()) {
            return;
        }
        chart = new TimelineChart();
        chartComposite = new ChartComposite(chartArea, SWT.NONE, chart.chart(), true);
        HoverTips.install(chartComposite);
        chartArea.layout();
        refresh();
    }

    private void refresh() {
        if (chartComposite == null || chartComposite.isDisposed()) {
            return;
        }
        Session session = models.current();
        if (session == null) {
            return;
        }
        series.update(session.timeline());
        chart.setBreakdown(chosenBreakdown);
        chart.setByEvents(byEvents.getSelection());
        chart.update(series, Math.max(100, chartComposite.getSize().x));
        scrubber.setMaximum(Math.max(1, series.size()));
        showMoment();
    }

    private void showMoment() {
        Session session = models.current();
        if (session == null || scrubber.isDisposed()) {
            return;
        }
        int index = moment.effectiveIndex(session);
        if (chart != null) {
            chart.showMoment(index);
        }
        scrubber.setSelection(index + 1);
        live.setSelection(moment.isLive());
    }

    private void showChanges(org.eclipse.swt.widgets.Shell shell) {
        Session session = models.current();
        if (session != null) {
            int now = moment.effectiveIndex(session);
            new ChangesDialog(shell, session.timeline(), Math.max(-1, now - 1), now).open();
        }
    }

    /** The toggle between seconds and events along the axis, for tests. */
    Button byEventsButton() {
        return byEvents;
    }

    /** The scrubber, for tests. */
    Scale scrubber() {
        return scrubber;
    }

    /** The chart once built (after the window is up), or {@code null}. */
    TimelineChart builtChart() {
        return chart;
    }

    public TimelineSeries series() {
        return series;
    }

    public TimelineChart timelineChart() {
        return chart;
    }

    @PreDestroy
    public void dispose() {
        models.removeListener(listener);
        moment.removeListener(momentListener);
    }
}
