package org.vmatlas.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Run > Attach to process (Ctrl+Shift+A): brings the process picker forward. */
public class AttachProcessHandler {

    static final String PROCESS_PART = "org.vmatlas.ui.part.processes";

    @Execute
    public void execute(EPartService parts) {
        parts.showPart(PROCESS_PART, PartState.ACTIVATE);
    }
}
