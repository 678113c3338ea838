package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Call;
import org.vmatlas.model.Session;
import org.vmatlas.model.SessionFileException;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;

class SessionFilesTest {

    @TempDir
    Path dir;

    Session recorded(RegionModelServiceImpl service) {
        Session s = service.openSession("round trip: ünïcode & spaces", Personality.NETBSD.newKernel());
        for (Call c : TimelineTest.randomCalls(500, 5)) {
            s.apply(c, "scenario 1");
        }
        s.apply(new Call.SysReserve(0x900000000L, 1 << 20, "go heap arena"));
        s.apply(new Call.Mmap(0, 4096, Prot.NONE | Prot.mprotectMax(Prot.RWX), 6, -1, 0, null));
        return s;
    }

    @Test
    void roundTripRebuildsTheSameTimeline() throws Exception {
        RegionModelServiceImpl service = new RegionModelServiceImpl();
        Session s = recorded(service);
        Path file = dir.resolve("a.vmatlas");
        service.save(s, file);
        Session loaded = service.load(file);
        assertEquals(s.name() + " (2)", loaded.name(), "the original is still open");
        assertEquals(Personality.NETBSD, loaded.personality());
        assertEquals(s.timeline().size(), loaded.timeline().size());
        for (int i : new int[] {0, 100, 499, s.timeline().size() - 1}) {
            assertEquals(s.timeline().event(i), loaded.timeline().event(i), "event " + i);
        }
        assertEquals(s.space().regions(), loaded.space().regions());
        assertEquals(2, service.sessions().size());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void observedSnapshotsRoundTrip() throws Exception {
        RegionModelServiceImpl service = new RegionModelServiceImpl();
        Session s = service.openObservedSession("proc 42");
        s.applySnapshot(List.of(new Mapping(0x10000, 0x12000, Prot.RW, Prot.RWX, false, 0, 0, 0, "[heap]")), "poll");
        s.applySnapshot(List.of(new Mapping(0x10000, 0x11000, Prot.READ, Prot.RWX, false, 0, 0, 0, "[heap]")), "poll");
        Path file = dir.resolve("p.vmatlas");
        service.save(s, file);
        Session loaded = service.load(file);
        assertEquals(s.space().regions(), loaded.space().regions());
        assertEquals(s.timeline().spaceAfter(0).regions(), loaded.timeline().spaceAfter(0).regions());
    }

    @Test
    void damagedFilesNameTheLineAndOpenNothing() throws Exception {
        RegionModelServiceImpl service = new RegionModelServiceImpl();
        Session s = recorded(service);
        Path good = dir.resolve("good.vmatlas");
        service.save(s, good);
        List<String> lines = Files.readAllLines(good);
        int before = service.sessions().size();

        Path truncated = dir.resolve("truncated.vmatlas");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        SessionFileException cut = assertThrows(SessionFileException.class, () -> service.load(truncated));
        assertTrue(cut.getMessage().contains("truncated.vmatlas") && cut.line() > 0, cut.getMessage());

        Path garbled = dir.resolve("garbled.vmatlas");
        List<String> bad = new java.util.ArrayList<>(lines);
        bad.set(10, bad.get(10).replace("mmap", "mmop").replace("munmap", "mumnap").replace("mprotect", "mprotekt")
                .replace("madvise", "madvize").replace("mremap", "mremop").replace("sysUsed", "sysUsd"));
        Files.writeString(garbled, String.join("\n", bad) + "\n");
        SessionFileException garble = assertThrows(SessionFileException.class, () -> service.load(garbled));
        assertEquals(11, garble.line(), garble.getMessage());
        assertTrue(garble.getMessage().contains("line 11"), garble.getMessage());

        Path flipped = dir.resolve("flipped.vmatlas");
        List<String> changed = new java.util.ArrayList<>(lines);
        changed.set(20, changed.get(20).replaceFirst("e (\\d)", "e 9$1"));
        Files.writeString(flipped, String.join("\n", changed) + "\n");
        SessionFileException crc = assertThrows(SessionFileException.class, () -> service.load(flipped));
        assertTrue(crc.getMessage().contains("damaged"), crc.getMessage());

        Path header = dir.resolve("header.vmatlas");
        Files.write(header, "vmatlas-session 9\n".getBytes(StandardCharsets.UTF_8));
        SessionFileException version = assertThrows(SessionFileException.class, () -> service.load(header));
        assertEquals(1, version.line());
        assertEquals(before, service.sessions().size(), "nothing opened half-way");
    }
}
