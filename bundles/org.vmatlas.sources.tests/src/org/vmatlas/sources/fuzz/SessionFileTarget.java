package org.vmatlas.sources.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

import org.vmatlas.model.Session;
import org.vmatlas.model.SessionFileException;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.internal.proc.MapsParser;
import org.vmatlas.sources.scenario.Lessons;
import org.vmatlas.sources.scenario.ScenarioRunner;
import org.vmatlas.sources.strace.StraceParser;
import org.vmatlas.sources.strace.StraceReplay;
import org.vmatlas.syscall.Mapping;

/**
 * Session files damaged every way: flipped bytes, truncation, garbage, and, for half of the inputs, a valid
 * CRC recomputed over the damaged content, so that the damage reaches the parser and the replay instead of
 * being caught by the checksum. Loading must either succeed or throw {@link SessionFileException} with a
 * line, and a failed load must leave no session behind.
 */
public final class SessionFileTarget {

    private final Path dir;
    private final RegionModelServiceImpl service = new RegionModelServiceImpl();
    private long files;

    public SessionFileTarget(Path dir) {
        this.dir = dir;
    }

    /** Saved sessions from real inputs: a replayed strace log with a /proc snapshot, a lesson run with Go calls. */
    public List<byte[]> seeds() throws IOException {
        RegionModelServiceImpl maker = new RegionModelServiceImpl();
        Session replayed = maker.openReplaySession("ls replayed", Personality.LINUX);
        new StraceReplay(replayed, Set.of(), "strace:ls").replay(StraceParser.parse(Targets.seed("ls.strace"),
                "ls.strace").calls(), ProgressMonitor.NONE);
        byte[] maps = Targets.seed("self.maps");
        List<Mapping> mappings = new ArrayList<>();
        new MapsParser().parse(maps, maps.length, "self.maps", mappings, new ArrayList<ParseProblem>());
        replayed.applySnapshot(mappings.stream().filter(m -> m.start() >= 0).toList(), "/proc/self/maps");
        Session lesson = maker.openSession("lesson", Personality.AIX.newKernel());
        new ScenarioRunner(Lessons.load("go-aix-sysmap.vms"), lesson).runAll(ProgressMonitor.NONE);
        List<byte[]> out = new ArrayList<>();
        for (Session s : List.of(replayed, lesson)) {
            Path file = dir.resolve("seed-" + out.size() + ".vmatlas");
            maker.save(s, file);
            out.add(Files.readAllBytes(file));
        }
        return out;
    }

    public void run(byte[] input) throws IOException {
        byte[] bytes = (input.length & 1) == 0 ? withValidCrc(input) : input;
        Path file = dir.resolve("fuzz-" + (files++ % 4) + ".vmatlas");
        Files.write(file, bytes);
        int before = service.sessions().size();
        try {
            Session loaded = service.load(file);
            loaded.space().regions();
            service.close(loaded);
        } catch (SessionFileException e) {
            if (e.line() < 1 || e.getMessage() == null) {
                throw new AssertionError("a session file error names no line: " + e.getMessage(), e);
            }
            Targets.printable(e.getMessage());
            if (service.sessions().size() != before) {
                throw new AssertionError("a failed load left a session behind: " + e.getMessage(), e);
            }
        }
    }

    /** The damaged content with its 'end' line rewritten to match: the checksum no longer sees the damage. */
    static byte[] withValidCrc(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        int end = text.lastIndexOf("\nend ");
        String body = end >= 0 ? text.substring(0, end + 1) : text.endsWith("\n") || text.isEmpty() ? text : text + "\n";
        long events = body.lines().filter(l -> l.startsWith("e ") || l.startsWith("s ")).count();
        byte[] head = body.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(head);
        byte[] trailer = ("end " + events + " " + Long.toHexString(crc.getValue()) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(head, head.length + trailer.length);
        System.arraycopy(trailer, 0, out, head.length, trailer.length);
        return out;
    }
}
