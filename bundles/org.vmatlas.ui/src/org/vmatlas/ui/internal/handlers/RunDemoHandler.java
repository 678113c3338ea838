package org.vmatlas.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.ui.internal.DemoJob;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.prefs.VmatlasPreferences;

/** Run > Run the demo (F5): a new native sandbox session plays the demo's calls. */
public class RunDemoHandler {

    @Execute
    public void execute(RegionModelService models, WorkbenchMoment moment) {
        moment.live();
        DemoJob job = new DemoJob(models, VmatlasPreferences.demoPaceMillis());
        job.setUser(true);
        job.schedule();
    }
}
