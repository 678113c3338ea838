package org.vmatlas.sources.internal.strace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.vmatlas.sources.strace.Syscall;
import org.vmatlas.sources.strace.TracedCall;

/**
 * Byte-level parser of strace log lines: {@code [pid N] } or {@code N  } prefix, optional {@code -t},
 * {@code -tt}, {@code -ttt} or {@code -r} time stamp, then a call, an {@code <unfinished ...>} half, a
 * {@code <... resumed>} half (joined with its first half by pid), a signal or an exit. Keeps each
 * process's descriptor table from {@code openat} results to name mapped files. Not thread-safe.
 */
public final class LineParser {

    private static final byte[] UNFINISHED = bytes(" <unfinished ...>");
    private static final byte[] RESUMED = bytes(" resumed>");

    private final int defaultPid;
    private final Map<Integer, byte[]> pending = new HashMap<>();
    private final Map<Integer, Long> pendingTime = new HashMap<>();
    private final Map<Integer, Long> pendingLine = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> descriptors = new HashMap<>();
    private final Map<Long, String[]> abandoned = new java.util.TreeMap<>();
    private final CallParser calls = new CallParser();
    private String error;

    /** @param defaultPid the pid for lines without a prefix ({@code -ff} file suffix), 0 if unknown */
    public LineParser(int defaultPid) {
        this.defaultPid = defaultPid;
    }

    /** Why the last {@link #parse} returned {@code null}; {@code null} when the line was simply not ours. */
    public String error() {
        return error;
    }

    /** Parses {@code b[from, to)} (no newline). {@code null}: nothing to record, or an error (see {@link #error()}). */
    public TracedCall parse(byte[] b, int from, int to, long line) {
        error = null;
        int p = from;
        while (p < to && b[p] == ' ') {
            p++;
        }
        int pid = defaultPid;
        if (p + 5 < to && b[p] == '[' && b[p + 1] == 'p' && b[p + 2] == 'i' && b[p + 3] == 'd' && b[p + 4] == ' ') {
            p += 5;
            while (p < to && b[p] == ' ') {
                p++;
            }
            int start = p;
            while (p < to && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == start || p >= to || b[p] != ']') {
                return fail("bad [pid N] prefix");
            }
            pid = (int) Numbers.parse(b, start, p);
            p++;
        } else {
            int start = p;
            while (p < to && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p > start && p < to && b[p] == ' ' && p - start <= 9) {
                pid = (int) Numbers.parse(b, start, p);
            } else {
                p = start;
            }
        }
        while (p < to && b[p] == ' ') {
            p++;
        }
        long time = -1;
        if (p < to && b[p] >= '0' && b[p] <= '9') {
            int start = p;
            while (p < to && b[p] != ' ') {
                p++;
            }
            time = Times.micros(b, start, p);
            if (time < 0) {
                return fail("bad time stamp");
            }
            while (p < to && b[p] == ' ') {
                p++;
            }
        }
        if (p >= to) {
            return fail("nothing after the prefix (truncated line)");
        }
        byte c = b[p];
        if (c == '-' && startsWith(b, p, to, "--- ")) {
            return event(Syscall.SIGNAL, b, p + 4, to, " ---", line, pid, time);
        }
        if (c == '+' && startsWith(b, p, to, "+++ ")) {
            abandon(pid, "pid " + pid + " exited on line " + line);
            return event(Syscall.EXIT, b, p + 4, to, " +++", line, pid, time);
        }
        if (c == '<' && startsWith(b, p, to, "<... ")) {
            return resumed(b, p + 5, to, line, pid, time);
        }
        if (endsWith(b, p, to, UNFINISHED)) {
            abandon(pid, "pid " + pid + " started another call on line " + line);
            pending.put(pid, Arrays.copyOfRange(b, p, to - UNFINISHED.length));
            pendingTime.put(pid, time);
            pendingLine.put(pid, line);
            return null;
        }
        return call(b, p, to, line, pid, time);
    }

    /** Forgets the call {@code pid} left unfinished, if any, recording it as one that never resumed. */
    private void abandon(int pid, String why) {
        byte[] text = pending.remove(pid);
        pendingTime.remove(pid);
        Long at = pendingLine.remove(pid);
        if (text != null && at != null) {
            abandoned.put(at, new String[] {new String(text, StandardCharsets.UTF_8),
                "the call never resumed: " + why});
        }
    }

    /**
     * Calls left {@code <unfinished ...>} and never resumed before their process exited or started another
     * call: line number → {text of the first half, reason}, in line order.
     */
    public Map<Long, String[]> abandoned() {
        return abandoned;
    }

    /** Calls left {@code <unfinished ...>} at the end of the log: line number → the text of their first half. */
    public Map<Long, String> unresumed() {
        Map<Long, String> out = new java.util.TreeMap<>();
        pending.forEach((pid, text) -> out.put(pendingLine.get(pid), new String(text, StandardCharsets.UTF_8)));
        return out;
    }

    private TracedCall resumed(byte[] b, int p, int to, long line, int pid, long time) {
        int mark = indexOf(b, p, to, RESUMED);
        if (mark < 0) {
            return fail("'<...' without 'resumed>'");
        }
        byte[] first = pending.remove(pid);
        Long started = pendingTime.remove(pid);
        pendingLine.remove(pid);
        if (first == null) {
            return fail("'<... resumed>' without its '<unfinished ...>' line for pid " + pid);
        }
        int rest = mark + RESUMED.length;
        byte[] joined = Arrays.copyOf(first, first.length + (to - rest));
        System.arraycopy(b, rest, joined, first.length, to - rest);
        return call(joined, 0, joined.length, line, pid, started != null && started >= 0 ? started : time);
    }

    private TracedCall call(byte[] b, int p, int to, long line, int pid, long time) {
        TracedCall call = calls.parse(b, p, to, line, pid, time, this::descriptorsOf);
        error = calls.error();
        return call;
    }

    /** The descriptor table of a process, made on first use (only open and file mmap lines need it). */
    private Map<Integer, String> descriptorsOf(int pid) {
        return descriptors.computeIfAbsent(pid, k -> new HashMap<>());
    }

    private TracedCall event(Syscall kind, byte[] b, int from, int to, String closing, long line, int pid, long time) {
        int end = endsWith(b, from, to, bytes(closing)) ? to - closing.length() : to;
        String text = new String(b, from, end - from, StandardCharsets.UTF_8);
        return new TracedCall(line, pid, time, kind, 0, 0, 0, 0, -1, 0, 0, 0, null, text, 0, null, false);
    }

    private TracedCall fail(String reason) {
        error = reason;
        return null;
    }

    static boolean startsWith(byte[] b, int p, int to, String prefix) {
        if (to - p < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[p + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] b, int from, int to, byte[] suffix) {
        return to - from >= suffix.length && Arrays.equals(b, to - suffix.length, to, suffix, 0, suffix.length);
    }

    private static int indexOf(byte[] b, int from, int to, byte[] what) {
        outer:
        for (int i = from; i + what.length <= to; i++) {
            for (int k = 0; k < what.length; k++) {
                if (b[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
