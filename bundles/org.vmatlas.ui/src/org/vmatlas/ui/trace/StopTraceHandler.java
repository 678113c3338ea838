package org.vmatlas.ui.trace;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;

/** Run > Stop tracing: detaches from an attached process (it runs on) or ends a launched program. */
public class StopTraceHandler {

    @CanExecute
    public boolean canExecute() {
        return Tracing.current() != null;
    }

    @Execute
    public void execute() {
        Tracing.stop();
    }
}
