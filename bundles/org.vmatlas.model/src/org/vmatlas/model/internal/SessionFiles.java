package org.vmatlas.model.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.model.SessionFileException;
import org.vmatlas.model.Timeline;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Mapping;

/**
 * Session files, version 1: UTF-8 text, one record a line, tokens separated by one space, numbers decimal,
 * text {@code -} (none) or {@code '} plus percent-encoding.
 * <pre>
 * vmatlas-session 1
 * name 'my+session
 * personality LINUX
 * e TIME SOURCE CALL... = RESULT        a call and its answer (CallCodec tokens)
 * s TIME SOURCE COUNT                   a /proc snapshot, followed by COUNT lines:
 * m START END PROT MAXPROT SHARED(0|1) OFFSET DEVICE INODE PATH   (START, END signed: [vsyscall] is negative)
 * end EVENTS CRC32                      events written, CRC-32 (hex) of every byte before this line
 * </pre>
 * Loading replays the calls through the personality's rules with the recorded answers, so the regions,
 * diffs and conflicts are rebuilt, not trusted. The whole file is parsed and checked before a session is
 * made: a damaged or truncated file opens nothing.
 */
public final class SessionFiles {

    static final String HEADER = "vmatlas-session 1";

    private SessionFiles() {
    }

    public static void write(Session session, Path file) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("name ").append(CallCodec.text(session.name())).append('\n');
        out.append("personality ").append(session.personality().name()).append('\n');
        Timeline timeline = session.timeline();
        int count = timeline.size();
        for (int i = 0; i < count; i++) {
            Event e = timeline.event(i);
            if (e.call() != null) {
                out.append("e ").append(e.timeNanos()).append(' ').append(CallCodec.text(e.source())).append(' ')
                        .append(CallCodec.encode(e.call())).append(" = ").append(CallCodec.encode(e.result()))
                        .append('\n');
            } else {
                List<Mapping> maps = withKernelRegions(timeline.spaceAfter(i));
                out.append("s ").append(e.timeNanos()).append(' ').append(CallCodec.text(e.source())).append(' ')
                        .append(maps.size()).append('\n');
                for (Mapping m : maps) {
                    out.append("m ").append(m.start()).append(' ').append(m.end()).append(' ').append(m.prot())
                            .append(' ').append(m.maxProt()).append(' ').append(m.shared() ? 1 : 0).append(' ')
                            .append(m.offset()).append(' ').append(m.device()).append(' ').append(m.inode())
                            .append(' ').append(CallCodec.text(m.path())).append('\n');
                }
            }
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] trailer = ("end " + count + " " + Long.toHexString(crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temp, concat(body, trailer));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The kernel's view and, after it, the regions above the user space, so that a file keeps them too. */
    private static List<Mapping> withKernelRegions(AddressSpace space) {
        List<Mapping> maps = space.kernelView();
        if (space.kernelRegions().isEmpty()) {
            return maps;
        }
        List<Mapping> all = new ArrayList<>(maps);
        for (Region r : space.kernelRegions()) {
            all.add(new Mapping(r.start(), r.end(), r.prot(), r.maxProt(), r.shared(), r.backing().offset(),
                    r.backing().device(), r.backing().inode(), r.backing().name()));
        }
        return all;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A parsed record, replayed into a session once the whole file is known to be good. */
    private interface Entry {
        void replay(SessionImpl session);
    }

    /** Reads {@code file}; {@code opener} makes the session from (name, personality) only if all is well. */
    public static Session read(Path file, Function<String[], SessionImpl> opener)
            throws IOException, SessionFileException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        String where = file.getFileName().toString();
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw failure(where + " line 1: expected '" + HEADER + "', found '"
                    + (lines.length == 0 ? "" : shorten(lines[0])) + "'", 1);
        }
        String name = null;
        Personality personality = null;
        List<Entry> entries = new ArrayList<>();
        int[] at = new int[lines.length + 1];
        for (int i = 0; i < lines.length; i++) {
            at[i + 1] = at[i] + lines[i].getBytes(StandardCharsets.UTF_8).length + 1;
        }
        int events = 0;
        List<Integer> entryLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            int offset = at[i];
            if (i == lines.length - 1 && line.isEmpty()) {
                throw failure(where + ": truncated after line " + i + " (byte " + offset
                        + "): no 'end' line", i);
            }
            try {
                String[] t = line.split(" ");
                if (i == 0) {
                    // header checked above
                } else if (t[0].equals("name") && t.length == 2) {
                    name = CallCodec.untext(t[1]);
                } else if (t[0].equals("personality") && t.length == 2) {
                    personality = Personality.valueOf(t[1]);
                } else if (t[0].equals("e")) {
                    entries.add(parseEvent(t));
                    entryLines.add(lineNo);
                    events++;
                } else if (t[0].equals("s")) {
                    int count = (int) CallCodec.num(t[3]);
                    List<Mapping> maps = new ArrayList<>();
                    for (int k = 0; k < count; k++) {
                        i++;
                        if (i >= lines.length - 1) {
                            throw new IllegalArgumentException("snapshot of " + count + " mappings ends after " + k);
                        }
                        maps.add(parseMapping(lines[i].split(" ")));
                    }
                    long time = CallCodec.num(t[1]);
                    String source = CallCodec.untext(t[2]);
                    entries.add(s -> s.applySnapshot(maps, source, time));
                    entryLines.add(lineNo);
                    events++;
                } else if (t[0].equals("end") && t.length == 3) {
                    checkEnd(t, events, bytes, offset, where, lineNo);
                    if (i != lines.length - 2 || !lines[lines.length - 1].isEmpty()) {
                        throw new IllegalArgumentException("text after the 'end' line");
                    }
                    if (name == null || personality == null) {
                        throw new IllegalArgumentException("the file names no session or no personality");
                    }
                    SessionImpl session = opener.apply(new String[] {name, personality.name()});
                    for (int k = 0; k < entries.size(); k++) {
                        try {
                            entries.get(k).replay(session);
                        } catch (RuntimeException e) {
                            // the content passed the checksum but the model cannot replay it: a damaged file
                            int bad = entryLines.get(k);
                            throw failure(where + " line " + bad + " (byte " + at[bad - 1] + "): cannot be replayed: "
                                    + e.getMessage(), bad);
                        }
                    }
                    return session;
                } else {
                    throw new IllegalArgumentException("unknown record '" + shorten(t[0]) + "'");
                }
            } catch (RuntimeException e) {
                // a damaged field: a number out of range, a missing token, text that does not decode
                throw failure(where + " line " + (i + 1) + " (byte " + at[i] + "): "
                        + (e instanceof IndexOutOfBoundsException ? "missing fields" : e instanceof IllegalArgumentException
                                ? e.getMessage() : "damaged (" + e + ")"), i + 1);
            }
        }
        throw failure(where + ": truncated, no 'end' line", lines.length);
    }

    private static void checkEnd(String[] t, int events, byte[] bytes, int offset, String where, int lineNo)
            throws SessionFileException {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, offset);
        if (CallCodec.num(t[1]) != events || !Long.toHexString(crc.getValue()).equals(t[2])) {
            throw failure(where + " line " + lineNo + ": damaged: the end line says " + t[1]
                    + " events, crc " + t[2] + "; found " + events + ", crc " + Long.toHexString(crc.getValue()), lineNo);
        }
    }

    private static Entry parseEvent(String[] t) {
        int eq = -1;
        for (int k = 3; k < t.length; k++) {
            if (t[k].equals("=")) {
                eq = k;
            }
        }
        if (eq < 0) {
            throw new IllegalArgumentException("event without '= RESULT'");
        }
        long time = CallCodec.num(t[1]);
        String source = CallCodec.untext(t[2]);
        var call = CallCodec.decode(java.util.Arrays.copyOf(t, eq), 3);
        var result = CallCodec.decodeResult(t, eq + 1);
        return s -> s.record(call, result, time, source);
    }

    private static Mapping parseMapping(String[] t) {
        if (t.length != 10 || !t[0].equals("m")) {
            throw new IllegalArgumentException("expected a mapping line 'm START END PROT MAXPROT SHARED OFFSET "
                    + "DEVICE INODE PATH'");
        }
        String path = CallCodec.untext(t[9]);
        return new Mapping(CallCodec.num(t[1]), CallCodec.num(t[2]), (int) CallCodec.num(t[3]),
                (int) CallCodec.num(t[4]), t[5].equals("1"), CallCodec.num(t[6]), CallCodec.num(t[7]),
                CallCodec.num(t[8]), path);
    }

    /** The exception for {@code message}, its unprintable characters escaped: a message never echoes raw bytes. */
    private static SessionFileException failure(String message, int line) {
        StringBuilder out = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < message.length()
                            && Character.isLowSurrogate(message.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(message.charAt(i - 1)))) {
                out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return new SessionFileException(out.toString(), line);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
