package org.vmatlas.ui.internal.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Session;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.map.MapCanvas;
import org.vmatlas.ui.internal.scenario.OutcomeTable;

/** One side of the comparison: a header, the map of the session at the end, and the steps' outcomes. */
final class CompareSide {

    private final Label header;
    private final MapCanvas map;
    private final OutcomeTable outcomes;

    CompareSide(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        box.setLayout(new GridLayout(1, false));
        header = new Label(box, SWT.NONE);
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SashForm split = new SashForm(box, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        map = new MapCanvas(split);
        outcomes = new OutcomeTable(split);
        split.setWeights(1, 1);
    }

    void show(Session session, List<StepOutcome> steps, Set<Integer> differing) {
        AddressSpace space = session.space();
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < session.timeline().size(); i++) {
            conflicts.addAll(session.timeline().event(i).conflicts());
        }
        map.show(space.regions(), conflicts, List.of(), space.duplicateGroups());
        header.setText(NLS.bind(Messages.compare_side, new Object[] { session.name(), space.size(),
            RegionText.size(space.mappedBytes()) }));
        outcomes.show(steps, differing);
        header.getParent().layout();
    }

    MapCanvas map() {
        return map;
    }

    OutcomeTable outcomes() {
        return outcomes;
    }

    String headerText() {
        return header.getText();
    }
}
