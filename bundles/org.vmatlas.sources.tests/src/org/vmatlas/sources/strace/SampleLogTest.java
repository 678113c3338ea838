package org.vmatlas.sources.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ProgressMonitor;

/** The demo log shipped in the bundle (strace of a python3 that reserves, grows by mremap and advises) loads cleanly. */
class SampleLogTest {

    @Test
    void theShippedSampleParsesAndReplays() throws Exception {
        String text;
        try (InputStream in = StraceParser.class.getResourceAsStream("samples/python-mmap.strace")) {
            assertNotNull(in, "samples/python-mmap.strace is in the bundle");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StraceLog log = StraceParser.parse(text, "python-mmap.strace");
        assertTrue(log.problems().isEmpty(), log.problems().toString());
        List<TracedCall> calls = log.calls();
        TracedCall reserve = calls.stream().filter(c -> c.syscall() == Syscall.MMAP && c.prot() == 0 && c.length() == 16 << 20)
                .findFirst().orElseThrow();
        TracedCall mremap = calls.stream().filter(c -> c.syscall() == Syscall.MREMAP).findFirst().orElseThrow();
        assertTrue(calls.stream().anyMatch(c -> c.syscall() == Syscall.EXIT));

        Session session = new RegionModelServiceImpl().openReplaySession("sample", Personality.LINUX);
        ReplayReport report = new StraceReplay(session, Set.of(), "strace:sample").replay(
                calls.stream().filter(c -> c.line() <= mremap.line()).toList(), ProgressMonitor.NONE);
        assertEquals(0, report.failed());
        Region reserved = session.space().regionAt(reserve.result());
        assertNotNull(reserved, "the PROT_NONE reservation is replayed where the kernel put it");
        assertEquals(RegionState.RESERVED, reserved.state(), "PROT_NONE anonymous is inferred as Reserved");
        Region grown = session.space().regionAt(mremap.result());
        assertNotNull(grown);
        assertEquals(mremap.result() + mremap.newLength(), grown.end(), "the mremap moved and grew the mapping");
        assertEquals(null, session.space().regionAt(mremap.address()), "the old place is free after the move");
    }
}
