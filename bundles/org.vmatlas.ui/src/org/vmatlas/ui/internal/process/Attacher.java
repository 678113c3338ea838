package org.vmatlas.ui.internal.process;

import java.time.Duration;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;
import org.vmatlas.sources.proc.ProcessInfo;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.Messages;

/**
 * The process picker's one live attachment and its life: attach (one probe read first, so a process that
 * cannot be read opens no session), the end a process reports, detach. The reading and stopping happen
 * off the UI thread; what the user must know comes back as a sentence through {@link Reporter}.
 */
final class Attacher {

    /** Where the attacher's sentences go (the part's message line), and whether anyone still listens. */
    interface Reporter {
        void say(String text, boolean bad);

        boolean gone();
    }

    /** What an attach found: the attachment, or why there is none. */
    private record Attached(LiveAttachment attachment, String failure) {
    }

    private final RegionModelService models;
    private final Display display;
    private final Reporter reporter;
    private LiveAttachment attachment;

    Attacher(RegionModelService models, Display display, Reporter reporter) {
        this.models = models;
        this.display = display;
        this.reporter = reporter;
    }

    LiveAttachment attachment() {
        return attachment;
    }

    void attach(ProcessInfo process, Duration every) {
        LiveAttachment previous = attachment;
        attachment = null;
        reporter.say(NLS.bind(Messages.processes_attaching, process.pid()), false);
        BackgroundWork.run(NLS.bind(Messages.processes_jobAttach, process.pid()), display, monitor -> {
            if (previous != null) {
                previous.stop();
            }
            ProcResult<MapsSnapshot> probe = new ProcReader().maps(process.pid());
            if (!probe.isRead()) {
                return new Attached(null, probe.failure().message());
            }
            Session session = models.openObservedSession(NLS.bind(Messages.processes_sessionName, process.pid(),
                    process.command()), process.pid());
            models.setCurrent(session);
            return new Attached(new LiveAttachment(process, session, every, this::ended).start(), null);
        }, result -> attached(result, every), text -> reporter.say(NLS.bind(Messages.processes_cannotAttach, text), true));
    }

    private void attached(Attached result, Duration every) {
        if (reporter.gone()) {
            if (result.attachment() != null) {
                stopInBackground(result.attachment());
            }
            return;
        }
        if (result.attachment() == null) {
            reporter.say(NLS.bind(Messages.processes_cannotAttach, result.failure()), true);
            return;
        }
        attachment = result.attachment();
        if (attachment.running()) {
            reporter.say(NLS.bind(Messages.processes_attached, new Object[] { attachment.pid(), every.toMillis(),
                attachment.session().name() }), false);
        }
    }

    /** Called on the poller's thread when the process exited or stopped being readable. */
    private void ended(ProcFailure failure) {
        BackgroundWork.back(display, () -> {
            LiveAttachment gone = attachment;
            if (reporter.gone() || gone == null || gone.pid() != failure.pid()) {
                return;
            }
            attachment = null;
            Session session = gone.session();
            reporter.say(NLS.bind(Messages.processes_ended, new Object[] { failure.message(), session.name(),
                session.timeline().size() }), true);
        });
    }

    void detach() {
        LiveAttachment stopping = attachment;
        if (stopping == null) {
            return;
        }
        attachment = null;
        BackgroundWork.run(Messages.processes_detach, display, monitor -> {
            stopping.stop();
            return stopping.session();
        }, session -> reporter.say(NLS.bind(Messages.processes_detached, new Object[] { stopping.pid(), session.name(),
            session.timeline().size() }), false), text -> reporter.say(text, true));
    }

    /** Stops an attachment whose part is gone, without holding anything up. */
    void stopQuietly() {
        if (attachment != null) {
            stopInBackground(attachment);
            attachment = null;
        }
    }

    private static void stopInBackground(LiveAttachment running) {
        Thread stopper = new Thread(running::stop, "vmatlas detach " + running.pid());
        stopper.setDaemon(true);
        stopper.start();
    }
}
