package org.vmatlas.owners;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.MapsText;

/** Observed sessions made from {@code maps} text, as the process picker makes them from {@code /proc}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static List<Mapping> parse(byte[] text) {
        List<Mapping> out = new ArrayList<>();
        new MapsText(new MapsText.Lines() {
            @Override
            public void mapping(Mapping mapping) {
                out.add(mapping);
            }

            @Override
            public void bad(long number, String line, String reason) {
                throw new AssertionError("maps line " + number + " '" + line + "': " + reason);
            }
        }).parseAll(text, text.length);
        return out;
    }

    /** A session named {@code pid N} (or {@code fixture} for none) holding one reading of {@code maps}. */
    public static Session observed(String maps, long pid) {
        Session session = SimulatedSessions.service().openObservedSession(pid > 0 ? "pid " + pid : "fixture");
        session.applySnapshot(parse(maps.getBytes(StandardCharsets.UTF_8)), "fixture");
        return session;
    }

    /** A session holding the kernel's reading of {@code /proc/PID/maps} now. */
    public static Session live(long pid) throws java.io.IOException {
        byte[] maps = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "maps"));
        Session session = SimulatedSessions.service().openObservedSession("pid " + pid);
        session.applySnapshot(parse(maps), "/proc/" + pid + "/maps");
        return session;
    }
}
