package org.vmatlas.owners.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Fixtures;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.PageProbe;
import org.vmatlas.owners.PageStates;
import org.vmatlas.owners.RegionType;
import org.vmatlas.owners.Residency;
import org.vmatlas.owners.Services;

/**
 * A process made for the test ({@code layout.c}: two threads, a memfd, a SysV segment, a file mapping, a
 * guard page, a 1 GiB reservation, JIT-style code) is read from {@code /proc}, classified by the service, and
 * every region it printed is checked for type, owner and thread.
 */
class RealProcessTest {

    @Test
    void everyRegionTheProgramMadeIsNamed(@TempDir Path dir) throws Exception {
        try (LayoutProcess p = LayoutProcess.start(dir)) {
            assumeTrue(Files.isReadable(Path.of("/proc", Long.toString(p.pid), "task", Long.toString(p.pid), "syscall"))
                    && !Files.readString(Path.of("/proc", Long.toString(p.pid), "task", Long.toString(p.threads.getFirst()),
                            "syscall")).isBlank(), "ptrace not permitted: /proc/PID/task/TID/syscall is withheld");
            Classification c = Services.classifier().classify(Fixtures.live(p.pid), true);
            check(c, p, "memfd", RegionType.SHARED_MEMORY, "memfd:vmatlas-layout");
            if (p.addresses.containsKey("sysv")) {
                assertTrue(owner(c, p, "sysv").name().startsWith("SysV segment"), owner(c, p, "sysv").toString());
                assertEquals(RegionType.SHARED_MEMORY, owner(c, p, "sysv").type());
            }
            check(c, p, "file", RegionType.MAPPED_FILE, p.file.getFileName().toString());
            check(c, p, "guard", RegionType.GUARD, "guard page");
            check(c, p, "data", RegionType.PRIVATE_DATA, "");
            check(c, p, "reserved", RegionType.RESERVED, "");
            assertEquals(1L << 30, c.regions().get(c.indexAt(p.addresses.get("reserved"))).length());
            check(c, p, "code", RegionType.CODE, "");
            if (p.addresses.containsKey("named")) {
                check(c, p, "named", RegionType.PRIVATE_DATA, "[anon:vmatlas-named]");
            }
            for (int tid : p.threads) {
                int stack = -1;
                for (int i = 0; i < c.size(); i++) {
                    if (c.owner(i).type() == RegionType.STACK && c.owner(i).threadId() == tid) {
                        assertEquals(-1, stack, "one stack for thread " + tid);
                        stack = i;
                    }
                }
                assertTrue(stack > 0, "thread " + tid + " has a stack");
                assertEquals("stack of thread " + tid, c.owner(stack).name());
                assertEquals(Owner.stackGuard(tid), c.owner(stack - 1), "the guard below thread " + tid + "'s stack");
            }
            int main = -1;
            for (int i = 0; i < c.size(); i++) {
                Region r = c.regions().get(i);
                if (r.backing().name().equals("[stack]")) {
                    main = i;
                }
                if (r.backing().name().endsWith("/libc.so.6") && r.executable()) {
                    assertEquals(Owner.image("libc.so.6", "text"), c.owner(i));
                }
                if (r.backing().name().equals("[vdso]")) {
                    assertEquals(RegionType.KERNEL, c.type(i));
                }
            }
            assertEquals(Owner.stack((int) p.pid), c.owner(main), "the main thread's stack");
            assertEquals("layout", c.owner(0).name(), "the program is the first region");
            assertEquals(RegionType.IMAGE, c.type(0));
            Residency data = c.residency(c.indexAt(p.addresses.get("data")));
            assertTrue(c.hasResidency());
            assertTrue(data.rss() >= 4096 && data.privateDirty() >= 4096, "the page written is resident and dirty: " + data);
            assertEquals(0, c.residency(c.indexAt(p.addresses.get("reserved"))).rss(), "a reservation holds no pages");
            PageStates pages = Services.service(PageProbe.class).pages(Fixtures.live(p.pid), p.addresses.get("guard"),
                    p.addresses.get("guard") + 3 * 4096);
            assertTrue(pages.isKnown(), pages.reason());
            assertEquals(3, pages.pages());
            assertEquals(0, pages.flags()[0] & PageStates.PRESENT, "the guard page holds nothing");
            assertTrue(pages.has(1, (byte) (PageStates.PRESENT | PageStates.EXCLUSIVE)), "the page written is ours");
            assertEquals(0, pages.flags()[2] & PageStates.PRESENT, "the page never touched is not there");
        }
    }

    private static Owner owner(Classification c, LayoutProcess p, String what) {
        int i = c.indexAt(p.addresses.get(what));
        assertTrue(i >= 0, what + " at 0x" + Long.toHexString(p.addresses.get(what)) + " is mapped");
        return c.owner(i);
    }

    private static void check(Classification c, LayoutProcess p, String what, RegionType type, String name) {
        Owner o = owner(c, p, what);
        assertEquals(type, o.type(), what + ": " + o);
        assertEquals(name, o.name(), what + ": " + o);
    }
}
