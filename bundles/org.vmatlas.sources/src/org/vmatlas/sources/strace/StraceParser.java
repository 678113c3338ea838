package org.vmatlas.sources.strace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.internal.strace.CallColumns;
import org.vmatlas.sources.internal.strace.LineParser;
import org.vmatlas.syscall.text.Bytes;

/**
 * Reads strace logs of memory calls: {@code strace -f -tt -e trace=memory -o FILE} and its variants
 * (no {@code -f}, no time, {@code [pid N]} prefixes, {@code -ff} one file per process). Malformed or
 * truncated lines become {@link ParseProblem}s with their line numbers and are skipped; the rest
 * still loads. Works on bytes in large chunks (no {@code String} per line) so that a million-line log
 * loads in about a second. Progress is reported in bytes read; cancelling returns what was read.
 */
public final class StraceParser {

    private static final int CHUNK = 4 << 20;
    private static final int REPORT_EVERY = 1 << 16;
    /** Problems kept per file; the rest are counted in one last problem, so a binary file cannot fill the heap. */
    static final int MAX_PROBLEMS = 1000;
    private static final Pattern PID_SUFFIX = Pattern.compile(".*\\.(\\d+)$");

    private StraceParser() {
    }

    /** Parses one log; for an {@code -ff} file ({@code FILE.1234}) lines without a prefix belong to pid 1234. */
    public static StraceLog parse(Path file, ProgressMonitor monitor) throws IOException {
        Matcher m = PID_SUFFIX.matcher(file.getFileName().toString());
        int pid = m.matches() && m.group(1).length() <= 9 ? Integer.parseInt(m.group(1)) : 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            monitor.begin("Reading " + file.getFileName(), channel.size());
            Reader reader = new Reader(file.toString(), pid, monitor);
            byte[] chunk = new byte[CHUNK];
            int kept = 0;
            long done = 0;
            while (!reader.canceled) {
                int n = channel.read(ByteBuffer.wrap(chunk, kept, chunk.length - kept));
                if (n < 0) {
                    break;
                }
                done += n;
                int end = kept + n;
                int consumed = reader.lines(chunk, end, false, done);
                kept = end - consumed;
                System.arraycopy(chunk, consumed, chunk, 0, kept);
                if (kept == chunk.length) {
                    chunk = java.util.Arrays.copyOf(chunk, chunk.length * 2); // a line longer than a chunk
                }
            }
            if (!reader.canceled) {
                reader.lines(chunk, kept, true, done);
            }
            monitor.done();
            return reader.log();
        }
    }

    /** Parses the files of {@code strace -ff -o FILE} and merges them by time stamp (stable, so order holds without). */
    public static StraceLog parse(List<Path> files, ProgressMonitor monitor) throws IOException {
        List<TracedCall> calls = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        long lines = 0;
        boolean canceled = false;
        for (Path file : files) {
            StraceLog one = parse(file, monitor);
            calls.addAll(one.calls());
            problems.addAll(one.problems());
            lines += one.lines();
            if (one.canceled() || monitor.isCanceled()) {
                canceled = true;
                break;
            }
        }
        if (files.size() > 1 && calls.stream().allMatch(c -> c.timeMicros() >= 0)) {
            calls.sort(Comparator.comparingLong(TracedCall::timeMicros));
        }
        return new StraceLog(calls, problems, lines, canceled);
    }

    /** Parses log text held in memory (tests, pasted logs). */
    public static StraceLog parse(String text, String name) {
        return parse(text.getBytes(StandardCharsets.UTF_8), name);
    }

    /** Parses log bytes held in memory, as they are (a log need not be valid UTF-8). */
    public static StraceLog parse(byte[] b, String name) {
        Reader reader = new Reader(name, 0, ProgressMonitor.NONE);
        reader.lines(b, b.length, true, b.length);
        return reader.log();
    }

    /** Walks lines, keeps calls and problems; one per file. */
    private static final class Reader {
        final String name;
        final LineParser parser;
        final ProgressMonitor monitor;
        final CallColumns calls = new CallColumns();
        final List<ParseProblem> problems = new ArrayList<>();
        long line;
        long dropped;
        /** Lines read as strace output, memory calls or not. */
        long understood;
        boolean canceled;

        Reader(String name, int pid, ProgressMonitor monitor) {
            this.name = name;
            this.parser = new LineParser(pid);
            this.monitor = monitor;
        }

        /** Parses the whole lines of {@code b[0, end)} (and a last unterminated one when {@code last}); returns bytes consumed. */
        int lines(byte[] b, int end, boolean last, long doneBytes) {
            int p = 0;
            while (p < end) {
                int eol = Bytes.lineEnd(b, p, end);
                if (eol == end && !last) {
                    break;
                }
                line++;
                if (eol > p) {
                    TracedCall call = parser.parse(b, p, eol, line);
                    if (call != null) {
                        calls.add(call);
                        understood++;
                    } else if (parser.error() != null || !ascii(b, p, eol)) {
                        problem(b, p, eol);
                    } else {
                        understood++;
                    }
                }
                p = eol + 1;
                if ((line & (REPORT_EVERY - 1)) == 0) {
                    monitor.worked(doneBytes);
                    if (monitor.isCanceled()) {
                        canceled = true;
                        return Math.min(p, end);
                    }
                }
            }
            return Math.min(p, end);
        }

        private void problem(byte[] b, int from, int to) {
            if (problems.size() >= MAX_PROBLEMS) {
                dropped++;
                return;
            }
            String reason = parser.error() == null || binary(b, from, to) ? "binary data" : parser.error();
            problems.add(new ParseProblem(name, line, new String(b, from, Math.min(to - from, 400),
                    StandardCharsets.UTF_8), reason));
        }

        /**
         * strace escapes every byte outside printable ASCII, so a line it passed over (a call vmatlas does not
         * read) holds nothing else; one that does is not strace output.
         */
        private static boolean ascii(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] < 0x20 && b[i] != '\t' && b[i] != '\r' || b[i] == 0x7f) {
                    return false;
                }
            }
            return true;
        }

        /** A line holding a NUL or other control bytes than tab and carriage return is not text. */
        private static boolean binary(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                int c = b[i] & 0xff;
                if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7f) {
                    return true;
                }
            }
            return false;
        }

        StraceLog log() {
            if (dropped > 0) {
                problems.add(new ParseProblem(name, line, "", dropped + " more lines could not be read"));
            }
            if (!parser.abandoned().isEmpty()) {
                parser.abandoned().forEach((at, what) -> problems.add(new ParseProblem(name, at, what[0], what[1])));
                problems.sort(java.util.Comparator.comparingLong(ParseProblem::line));
            }
            if (!canceled) {
                parser.unresumed().forEach((at, text) -> problems.add(new ParseProblem(name, at, text,
                        "the call never resumed (the log ends inside it)")));
            }
            if (understood == 0 && !canceled) {
                ParseProblem first = problems.isEmpty() ? null : problems.getFirst();
                problems.addFirst(new ParseProblem(name, 1, first == null ? "" : first.text(), StraceLog.NO_STRACE_LINES + " ("
                        + (first == null ? "the file is empty" : "line " + first.line() + ": " + first.reason()) + ")"));
            }
            return new StraceLog(calls, problems, line, canceled);
        }
    }
}
