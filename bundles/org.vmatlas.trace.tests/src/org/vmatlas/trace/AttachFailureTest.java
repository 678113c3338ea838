package org.vmatlas.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.trace.internal.AttachRefusals;

/** An attach that cannot be made says why in one sentence, and opens nothing. */
class AttachFailureTest {

    private final RegionModelServiceImpl models = new RegionModelServiceImpl();

    @Test
    void aVanishedProcessOrVmatlasItselfIsRefused() throws Exception {
        Process gone = new ProcessBuilder("/bin/true").start();
        gone.waitFor();
        TraceException e = assertThrows(TraceException.class, () -> LiveTrace.attach(gone.pid(), models, TraceOptions.DEFAULT));
        assertEquals("there is no process " + gone.pid() + " to trace (it has exited, or never ran)", e.getMessage());
        long self = ProcessHandle.current().pid();
        e = assertThrows(TraceException.class, () -> LiveTrace.attach(self, models, TraceOptions.DEFAULT));
        assertEquals("vmatlas cannot trace itself (process " + self + ")", e.getMessage());
        assertEquals(0, models.sessions().size(), "nothing was opened");
    }

    @Test
    void aProcessAnotherTracerHoldsIsRefused() throws Exception {
        Programs.assumePtrace();
        Process sleeper = new ProcessBuilder("/bin/sleep", "30").start();
        Process other = new ProcessBuilder("/usr/bin/strace", "-o", "/dev/null", "-p", Long.toString(sleeper.pid()))
                .redirectErrorStream(true).start();
        try {
            Path status = Path.of("/proc", Long.toString(sleeper.pid()), "status");
            for (int i = 0; i < 100 && !Files.readString(status).contains("TracerPid:\t" + other.pid()); i++) {
                Thread.sleep(50);
            }
            TraceException e = assertThrows(TraceException.class,
                    () -> LiveTrace.attach(sleeper.pid(), models, TraceOptions.DEFAULT));
            assertEquals("process " + sleeper.pid() + " is already traced by process " + other.pid()
                    + " (ptrace not permitted: a process has one tracer at a time)", e.getMessage());
            assertTrue(sleeper.isAlive());
        } finally {
            other.destroy();
            other.waitFor(10, TimeUnit.SECONDS);
            sleeper.destroyForcibly();
        }
    }

    @Test
    void initIsRefusedBeforeStraceIsAsked() {
        TraceException e = assertThrows(TraceException.class, () -> LiveTrace.attach(1, models, TraceOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith("process 1 ("), e.getMessage());
        assertTrue(e.getMessage().contains(") is init, which every other process descends from"), e.getMessage());
        assertEquals(0, models.sessions().size(), "nothing was opened");
    }

    @Test
    void anotherUsersProcessIsNamedWithItsOwnerAndWhatToDo() throws Exception {
        Process sleeper = new ProcessBuilder("/bin/sleep", "30").start();
        try {
            String owner = Files.getOwner(Path.of("/proc", Long.toString(sleeper.pid()))).getName();
            String stranger = owner.equals("nobody") ? "root" : "nobody";
            assertEquals("process " + sleeper.pid() + " (sleep) belongs to user " + owner + ", not to " + stranger
                    + ": only its own user or root may trace it (ptrace not permitted; run vmatlas as " + owner
                    + " to trace it)", AttachRefusals.unreadable(sleeper.pid(), stranger));
            assertTrue(AttachRefusals.unreadable(sleeper.pid(), owner).contains("keeps its memory from its own user too"),
                    "its own user could not read it: the process hides itself");
        } finally {
            sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        assertEquals("there is no process " + sleeper.pid() + " to trace (it has exited)",
                AttachRefusals.unreadable(sleeper.pid(), "nobody"));
    }
}
