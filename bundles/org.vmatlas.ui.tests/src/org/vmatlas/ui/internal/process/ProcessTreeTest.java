package org.vmatlas.ui.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.strace.ProcessSpaces;
import org.vmatlas.sources.strace.StraceParser;
import org.vmatlas.sources.strace.TracedProcess;
import org.vmatlas.ui.internal.WorkbenchMoment;

/** The process tree: parent above children with pid, program and events; choosing a process shows its session. */
class ProcessTreeTest {

    private static final String LOG = """
            100 execve("/bin/sh", ["sh", "-c", "ls; cat"], 0x7ffd /* 3 vars */) = 0
            100 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000
            100 vfork( <unfinished ...>
            101 execve("/bin/ls", ["ls"], 0x7ffd /* 3 vars */ <unfinished ...>
            100 <... vfork resumed>) = 101
            101 <... execve resumed>) = 0
            101 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f1000000000
            101 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00) = 102
            102 munmap(0x7f1000000000, 4096) = 0
            101 +++ exited with 0 +++
            100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00) = 103
            103 execve("/bin/cat", ["cat"], 0x7ffd /* 3 vars */) = 0
            103 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f3000000000
            """;

    private final RegionModelService models = SimulatedSessions.service();
    private final WorkbenchMoment moment = new WorkbenchMoment();
    private Shell shell;
    private ProcessSpaces spaces;

    @BeforeEach
    void open() {
        models.sessions().forEach(models::close);
        ProcessFamilies.clear();
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        spaces = ProcessSpaces.replay(StraceParser.parse(LOG, "t.log"),
                name -> models.openReplaySession(name, Personality.LINUX), "strace", ProgressMonitor.NONE);
    }

    @AfterEach
    void close() {
        shell.dispose();
        ProcessFamilies.clear();
        models.sessions().forEach(models::close);
    }

    private TracedProcess process(int pid) {
        return spaces.processes().stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
    }

    @Test
    void childrenHangBelowTheirParentWithPidProgramAndEvents() {
        ProcessFamilies.add("strace t.log", spaces::processes);
        ProcessTree tree = new ProcessTree(shell, models, moment, () -> { });
        TreeItem[] families = tree.control().getItems();
        assertEquals(1, families.length);
        assertEquals("strace t.log: 4 processes", families[0].getText(0));
        TreeItem sh = families[0].getItem(0);
        assertEquals(1, families[0].getItemCount(), "one root: the shell");
        assertEquals("100  sh -c ls; cat", sh.getText(0));
        assertEquals(List.of("101  ls, exited", "103  cat"), List.of(sh.getItem(0).getText(0), sh.getItem(1).getText(0)));
        TreeItem forkOfLs = sh.getItem(0).getItem(0);
        assertEquals("102  ls", forkOfLs.getText(0), "a fork runs its parent's program");
        assertEquals(Integer.toString(process(103).session().timeline().size()), sh.getItem(1).getText(1));
        assertTrue(sh.getItem(0).getExpanded(), "the whole tree is open");
        assertNull(families[0].getData(), "a family's row is no process");
    }

    @Test
    void selectingAProcessShowsItsSessionAndEnterClosesTheWindow() {
        Session unrelated = models.openSession("operations", Personality.LINUX.newKernel());
        models.setCurrent(unrelated);
        moment.seek(1);
        ProcessFamilies.add("strace t.log", spaces::processes);
        AtomicInteger chosen = new AtomicInteger();
        ProcessTree tree = new ProcessTree(shell, models, moment, chosen::incrementAndGet);
        TreeItem cat = tree.control().getItem(0).getItem(0).getItem(1);
        select(tree, cat, SWT.Selection);
        assertSame(process(103).session(), models.current(), "selecting cat shows its address space");
        assertTrue(moment.isLive());
        assertEquals(0, chosen.get(), "an arrow key only shows");
        TreeItem ls = tree.control().getItem(0).getItem(0).getItem(0);
        select(tree, ls, SWT.DefaultSelection);
        assertSame(process(101).session(), models.current());
        assertEquals(1, chosen.get(), "Enter chooses");
        select(tree, tree.control().getItem(0), SWT.DefaultSelection);
        assertEquals(1, chosen.get(), "the family's row chooses nothing");
        assertSame(process(101).session(), models.current());
    }

    @Test
    void theButtonOpensTheTreeAtTheCurrentProcessAndEscClosesIt() {
        Button button = ProcessTreePopup.button(shell, models, moment);
        shell.setSize(300, 100);
        shell.open();
        assertFalse(ProcessTreePopup.hasFamilies(models), "nothing traced or replayed yet");
        ProcessFamilies.add("strace t.log", spaces::processes);
        assertTrue(ProcessTreePopup.hasFamilies(models));
        models.setCurrent(process(103).session());
        ProcessTree tree = ProcessTreePopup.show(button, models, moment);
        assertEquals("103  cat", tree.control().getSelection()[0].getText(0), "the keyboard starts at the process shown");
        Event escape = new Event();
        escape.detail = SWT.TRAVERSE_ESCAPE;
        escape.doit = true;
        tree.control().notifyListeners(SWT.Traverse, escape);
        assertTrue(tree.control().isDisposed(), "Esc closes the window");
    }

    @Test
    void aFamilyWhoseSessionsAreAllClosedIsNoLongerOffered() {
        ProcessFamilies.add("strace t.log", spaces::processes);
        spaces.sessions().forEach(models::close);
        assertFalse(ProcessTreePopup.hasFamilies(models));
        ProcessTree tree = new ProcessTree(shell, models, moment, () -> { });
        assertEquals(0, tree.control().getItemCount());
    }

    private static void select(ProcessTree tree, TreeItem item, int type) {
        tree.control().setSelection(item);
        Event event = new Event();
        event.item = item;
        tree.control().notifyListeners(type, event);
    }
}
