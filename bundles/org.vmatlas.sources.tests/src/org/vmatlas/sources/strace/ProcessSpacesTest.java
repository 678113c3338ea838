package org.vmatlas.sources.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ProgressMonitor;

/** Each address space of a multi-process log in a session of its own: threads share, fork copies, execve starts afresh. */
class ProcessSpacesTest {

    private final RegionModelServiceImpl models = new RegionModelServiceImpl();

    private ProcessSpaces replay(String log) {
        return ProcessSpaces.replay(StraceParser.parse(log, "t.log"),
                name -> models.openReplaySession(name, Personality.LINUX), "strace", ProgressMonitor.NONE);
    }

    @Test
    void threadsShareForksCopyExecsStartAfresh() {
        ProcessSpaces spaces = replay("""
                100 execve("/usr/bin/app", ["app", "-x"], 0x7ffd /* 3 vars */) = 0
                100 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000
                100 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD, stack=0x7f0000100000, stack_size=0x100000}, 88) = 101
                101 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000200000
                102 munmap(0x7f0000000000, 8192) = 0
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00) = 102
                100 vfork( <unfinished ...>
                103 execve("/bin/true", ["true"], 0x7ffd /* 3 vars */ <unfinished ...>
                100 <... vfork resumed>) = 103
                103 <... execve resumed>) = 0
                103 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f1000000000
                103 +++ exited with 0 +++
                """);
        List<TracedProcess> tree = spaces.processes();
        assertEquals(3, tree.size(), tree.toString());
        TracedProcess app = tree.get(0);
        TracedProcess child = tree.get(1);
        TracedProcess tru = tree.get(2);
        assertEquals(100, app.pid());
        assertEquals("app -x", app.command());
        assertEquals(102, child.pid());
        assertEquals(100, child.parent());
        assertEquals(103, tru.pid());
        assertEquals("true", tru.command());
        assertEquals(true, tru.exited());

        Session parent = app.session();
        assertNotNull(parent.space().regionAt(0x7f0000000000L), "the child's munmap did not touch the parent");
        assertNotNull(parent.space().regionAt(0x7f0000200000L), "the thread's mapping is its process's");
        assertNull(parent.space().regionAt(0x7f1000000000L));
        Session forked = child.session();
        assertNotSame(parent, forked);
        assertNull(forked.space().regionAt(0x7f0000000000L), "the child unmapped its copy");
        assertNotNull(forked.space().regionAt(0x7f0000200000L), "the child started as a copy of the parent");
        assertNotNull(tru.session().space().regionAt(0x7f1000000000L));
        assertEquals(1, tru.session().space().size(), "execve started a fresh address space");
    }

    @Test
    void withoutProcessCallsABrkNullStartsAProgramAndOtherIdsAreThreads() {
        ProcessSpaces spaces = replay("""
                200 brk(NULL) = 0x555555559000
                200 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f2000000000
                201 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f2000100000
                202 brk(NULL) = 0x555555600000
                202 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f3000000000
                """);
        List<TracedProcess> tree = spaces.processes();
        assertEquals(2, tree.size(), tree.toString());
        assertSame(tree.get(0).session(), spaces.sessionOf(201), "201 is a thread of the first process");
        assertNotNull(tree.get(0).session().space().regionAt(0x7f2000100000L));
        assertNull(tree.get(0).session().space().regionAt(0x7f3000000000L));
        assertNotNull(tree.get(1).session().space().regionAt(0x7f3000000000L));
    }
}
