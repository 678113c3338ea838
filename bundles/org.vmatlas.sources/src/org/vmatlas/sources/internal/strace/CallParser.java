package org.vmatlas.sources.internal.strace;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntFunction;

import org.vmatlas.sources.strace.Syscall;
import org.vmatlas.sources.strace.TracedCall;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;

/**
 * Parses {@code name(arg, arg, ...) = result} into a {@link TracedCall}. The result is found from the
 * end (the last {@code " = "}), so a path in the arguments may hold anything; arguments are split at
 * top-level commas. Calls of the memory class vmatlas does not model ({@code mlock}, {@code msync},
 * {@code mincore}...) are passed over without a problem.
 */
final class CallParser {

    private static final long PAGE = 4096;

    private final Args args = new Args();
    private String error;

    String error() {
        return error;
    }

    TracedCall parse(byte[] b, int p, int to, long line, int pid, long time, IntFunction<Map<Integer, String>> tables) {
        error = null;
        int open = p;
        while (open < to && b[open] != '(' && b[open] != ' ') {
            open++;
        }
        if (open >= to || b[open] != '(' || open == p) {
            return fail("not a call: no 'name(' at the start");
        }
        Syscall syscall = name(b, p, open);
        int eq = lastResult(b, open, to);
        if (eq < 0) {
            return syscall == null ? null : fail("no ' = result' (truncated line)");
        }
        if (syscall == null) {
            return null;
        }
        int close = eq;
        while (close > open && b[close - 1] == ' ') {
            close--;
        }
        if (close <= open || b[close - 1] != ')') {
            return fail("no ')' before ' = '");
        }
        if (syscall.ordinal() > Syscall.EXIT.ordinal()) {
            return result(b, eq, to) ? ProcessCalls.parse(syscall, b, open + 1, close - 1, line, pid, time, result,
                    errno, unknown) : null;
        }
        boolean simple = syscall != Syscall.OPEN && syscall != Syscall.OPENAT;
        int count = simple ? args.splitPlain(b, open + 1, close - 1) : args.split(b, open + 1, close - 1);
        if (count < 0) {
            return fail("too many arguments");
        }
        if (!result(b, eq, to)) {
            return null;
        }
        return build(syscall, b, count, line, pid, time, result, errno, unknown, tables);
    }

    private long result;
    private Errno errno;
    private boolean unknown;

    /**
     * Reads the answer after {@code " = "}: a number ({@code 3</path>} with {@code -y}), {@code -1 ENAME (text)},
     * or {@code ?} when the process ended inside the call; {@code false} (and an error) when it is none.
     */
    private boolean result(byte[] b, int eq, int to) {
        int r = eq + 3;
        while (r < to && b[r] == ' ') {
            r++;
        }
        int rEnd = r;
        while (rEnd < to && b[rEnd] != ' ' && b[rEnd] != '<') {
            rEnd++;
        }
        unknown = rEnd - r == 1 && b[r] == '?';
        result = unknown ? 0 : Numbers.parse(b, r, rEnd);
        if (!unknown && result == Numbers.BAD) {
            fail("the result is not a number");
            return false;
        }
        errno = null;
        boolean negative = !unknown && b[r] == '-';
        if (negative && rEnd < to) {
            int n = rEnd + 1;
            int nEnd = n;
            while (nEnd < to && b[nEnd] != ' ') {
                nEnd++;
            }
            String name = new String(b, n, nEnd - n, StandardCharsets.US_ASCII);
            errno = Errno.named(name);
            if (errno == null) {
                errno = new Errno((int) -result, name, name);
            }
        } else if (negative) {
            errno = Errno.of((int) -result);
        }
        return true;
    }

    private TracedCall build(Syscall s, byte[] b, int n, long line, int pid, long time, long result, Errno errno,
            boolean unknown, IntFunction<Map<Integer, String>> tables) {
        long a0 = n > 0 ? arg(b, 0) : 0;
        switch (s) {
            case MMAP, MMAP2 -> {
                if (n != 6) return fail("mmap needs 6 arguments, not " + n);
                int prot = Symbols.decode(Symbols.PROT, b, args.from[2], args.to[2]);
                int flags = Symbols.decode(Symbols.MAP, b, args.from[3], args.to[3]);
                int bracket = indexOf(b, args.from[4], args.to[4], (byte) '<');
                long fd = bracket < 0 ? arg(b, 4) : Numbers.parse(b, args.from[4], bracket);
                long offset = arg(b, 5);
                if (prot < 0 || flags < 0 || a0 == Numbers.BAD || arg(b, 1) == Numbers.BAD || fd == Numbers.BAD
                        || offset == Numbers.BAD) {
                    return fail("bad mmap argument");
                }
                String path = bracket >= 0 && b[args.to[4] - 1] == '>'
                        ? new String(b, bracket + 1, args.to[4] - 1 - bracket - 1, StandardCharsets.UTF_8)
                        : fd >= 0 ? tables.apply(pid).get((int) fd) : null;
                return new TracedCall(line, pid, time, s, a0, arg(b, 1), prot, flags, (int) fd,
                        s == Syscall.MMAP2 ? offset * PAGE : offset, 0, 0, null, path, result, errno, unknown);
            }
            case MUNMAP, MPROTECT, PKEY_MPROTECT, MADVISE -> {
                int need = s == Syscall.MUNMAP ? 2 : s == Syscall.PKEY_MPROTECT ? 4 : 3;
                if (n != need) return fail(s.name().toLowerCase() + " needs " + need + " arguments, not " + n);
                long length = arg(b, 1);
                if (a0 == Numbers.BAD || length == Numbers.BAD) return fail("bad address or length");
                int prot = 0;
                Advice advice = null;
                if (s == Syscall.MPROTECT || s == Syscall.PKEY_MPROTECT) {
                    prot = Symbols.decode(Symbols.PROT, b, args.from[2], args.to[2]);
                    if (prot < 0) return fail("bad protection");
                } else if (s == Syscall.MADVISE) {
                    advice = Symbols.advice(b, args.from[2], args.to[2]);
                }
                return new TracedCall(line, pid, time, s, a0, length, prot, 0, -1, 0, 0, 0, advice, null, result, errno,
                        unknown);
            }
            case MREMAP -> {
                if (n < 4) return fail("mremap needs 4 or 5 arguments, not " + n);
                int flags = Symbols.decode(Symbols.REMAP, b, args.from[3], args.to[3]);
                long newAddress = n > 4 ? arg(b, 4) : 0;
                if (flags < 0 || a0 == Numbers.BAD || arg(b, 1) == Numbers.BAD || arg(b, 2) == Numbers.BAD
                        || newAddress == Numbers.BAD) {
                    return fail("bad mremap argument");
                }
                return new TracedCall(line, pid, time, s, a0, arg(b, 1), 0, flags, -1, 0, arg(b, 2), newAddress, null,
                        null, result, errno, unknown);
            }
            case BRK -> {
                if (n != 1 || a0 == Numbers.BAD) return fail("brk needs one address");
                return new TracedCall(line, pid, time, s, a0, 0, 0, 0, -1, 0, 0, 0, null, null, result, errno, unknown);
            }
            default -> {
                // open(path, ...) or openat(dirfd, path, ...): remember which file the descriptor names
                int at = s == Syscall.OPEN ? 0 : 1;
                if (n <= at) return fail("no path argument");
                String path = Strings.unquote(b, args.from[at], args.to[at]);
                if (path == null) return fail("the path is not a quoted string");
                if (errno == null && !unknown && result >= 0) {
                    tables.apply(pid).put((int) result, path);
                }
                return new TracedCall(line, pid, time, s, 0, 0, 0, 0, (int) result, 0, 0, 0, null, path, result,
                        errno, unknown);
            }
        }
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private long arg(byte[] b, int i) {
        return args.number(b, i);
    }

    /** The position of the last {@code " = "} after the opening parenthesis, or {@code -1}. */
    private static int lastResult(byte[] b, int open, int to) {
        for (int i = to - 3; i > open; i--) {
            if (b[i + 1] == '=' && b[i] == ' ' && b[i + 2] == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static Syscall name(byte[] b, int from, int to) {
        int n = to - from;
        return switch (n) {
            case 3 -> LineParser.startsWith(b, from, to, "brk") ? Syscall.BRK : null;
            case 4 -> LineParser.startsWith(b, from, to, "mmap") ? Syscall.MMAP
                    : LineParser.startsWith(b, from, to, "open") ? Syscall.OPEN
                    : LineParser.startsWith(b, from, to, "fork") ? Syscall.FORK : null;
            case 5 -> LineParser.startsWith(b, from, to, "mmap2") ? Syscall.MMAP2
                    : LineParser.startsWith(b, from, to, "clone") ? Syscall.CLONE
                    : LineParser.startsWith(b, from, to, "vfork") ? Syscall.VFORK : null;
            case 6 -> LineParser.startsWith(b, from, to, "munmap") ? Syscall.MUNMAP
                    : LineParser.startsWith(b, from, to, "mremap") ? Syscall.MREMAP
                    : LineParser.startsWith(b, from, to, "openat") ? Syscall.OPENAT
                    : LineParser.startsWith(b, from, to, "clone3") ? Syscall.CLONE
                    : LineParser.startsWith(b, from, to, "execve") ? Syscall.EXECVE : null;
            case 7 -> LineParser.startsWith(b, from, to, "madvise") ? Syscall.MADVISE : null;
            case 8 -> LineParser.startsWith(b, from, to, "mprotect") ? Syscall.MPROTECT : null;
            case 13 -> LineParser.startsWith(b, from, to, "pkey_mprotect") ? Syscall.PKEY_MPROTECT : null;
            default -> null;
        };
    }

    private TracedCall fail(String reason) {
        error = reason;
        return null;
    }
}
