package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.MapsText;
import org.vmatlas.syscall.Prot;

/**
 * Mappings above the user address space ({@code [vsyscall]} at {@code 0xffffffffff600000}, negative as a signed
 * long) are kept beside the ordered regions, shown at every moment of an observed session, and saved.
 */
class KernelRegionsTest {

    private static final long VSYSCALL = 0xffffffffff600000L;

    private static Mapping vsyscall() {
        return new Mapping(VSYSCALL, VSYSCALL + 4096, Prot.READ | Prot.EXEC, Prot.RWX, false, 0, 0, 0, "[vsyscall]");
    }

    private static List<Mapping> reading() {
        return List.of(new Mapping(0x400000, 0x401000, Prot.READ, Prot.RWX, false, 0, 0xfe00, 77, "/bin/x"),
                new Mapping(0x7ffd0000000L, 0x7ffd0021000L, Prot.RW, Prot.RWX, false, 0, 0, 0, "[stack]"), vsyscall());
    }

    @Test
    void vsyscallIsKeptBesideTheUserSpace() {
        Session session = new RegionModelServiceImpl().openObservedSession("pid 1");
        session.applySnapshot(reading(), "test");
        assertEquals(2, session.space().size(), "the user space holds the two user mappings");
        List<Region> kernel = session.space().kernelRegions();
        assertEquals(1, kernel.size());
        assertEquals(VSYSCALL, kernel.getFirst().start());
        assertEquals("[vsyscall]", kernel.getFirst().backing().name());
        assertEquals(Prot.READ | Prot.EXEC, kernel.getFirst().prot());
        assertEquals(kernel, session.timeline().spaceAfter(0).kernelRegions(), "shown at every moment");
    }

    @Test
    void theKernelsOwnReadingKeepsIt() throws Exception {
        byte[] maps = Files.readAllBytes(Path.of("/proc/self/maps"));
        List<Mapping> mappings = new ArrayList<>();
        new MapsText(new MapsText.Lines() {
            @Override
            public void mapping(Mapping mapping) {
                mappings.add(mapping);
            }

            @Override
            public void bad(long number, String text, String reason) {
                throw new AssertionError("line " + number + ": " + reason);
            }
        }).parseAll(maps, maps.length);
        long above = mappings.stream().filter(m -> m.start() < 0).count();
        Session session = new RegionModelServiceImpl().openObservedSession("self");
        session.applySnapshot(mappings, "/proc/self/maps");
        assertEquals(mappings.size() - above, session.space().size());
        assertEquals(above, session.space().kernelRegions().size(), "every mapping above the user space is kept");
    }

    @Test
    void sessionFilesKeepIt(@TempDir Path dir) throws Exception {
        RegionModelServiceImpl service = new RegionModelServiceImpl();
        Session session = service.openObservedSession("pid 2");
        session.applySnapshot(reading(), "test");
        Path file = dir.resolve("s.vms");
        service.save(session, file);
        Session loaded = service.load(file);
        assertEquals(session.space().kernelRegions(), loaded.space().kernelRegions());
        assertEquals(session.space().regions(), loaded.space().regions());
    }
}
