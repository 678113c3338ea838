package org.vmatlas.sources.internal.strace;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.sources.strace.Syscall;
import org.vmatlas.sources.strace.TracedCall;
import org.vmatlas.syscall.Errno;

/**
 * The process calls strace shows with {@code -e trace=clone,clone3,fork,vfork,execve}: which child a
 * {@code clone} made and whether it shares the address space, and which command an {@code execve} ran.
 * Only what the region model needs is read; the rest of the arguments are passed over.
 */
final class ProcessCalls {

    private ProcessCalls() {
    }

    /** {@code b[from, to)} is the text between the parentheses. */
    static TracedCall parse(Syscall s, byte[] b, int from, int to, long line, int pid, long time, long result,
            Errno errno, boolean unknown) {
        int flags = switch (s) {
            case CLONE -> (hasWord(b, from, to, "CLONE_VM") ? TracedCall.SHARES_VM : 0)
                    | (hasWord(b, from, to, "CLONE_THREAD") ? TracedCall.THREAD : 0);
            case VFORK -> TracedCall.SHARES_VM;
            default -> 0;
        };
        String command = s == Syscall.EXECVE ? command(b, from, to) : null;
        // clone3 names the new thread's stack: its lowest address and its size
        long stack = s == Syscall.CLONE ? field(b, from, to, "stack=") : 0;
        long stackSize = s == Syscall.CLONE ? field(b, from, to, "stack_size=") : 0;
        return new TracedCall(line, pid, time, s, stack, stackSize, 0, flags, -1, 0, 0, 0, null, command, result, errno,
                unknown);
    }

    /** The number after {@code name} (a whole word, so {@code stack=} is not {@code child_stack=}), or 0. */
    private static long field(byte[] b, int from, int to, String name) {
        for (int i = from; i + name.length() <= to; i++) {
            if (LineParser.startsWith(b, i, to, name) && (i == from || !nameByte(b[i - 1]))) {
                int start = i + name.length();
                int end = start;
                while (end < to && b[end] != ',' && b[end] != '}' && b[end] != ' ') {
                    end++;
                }
                long value = Numbers.parse(b, start, end);
                return value == Numbers.BAD ? 0 : value;
            }
        }
        return 0;
    }

    /** Whether {@code word} stands alone among flag names ({@code CLONE_VM}, not {@code CLONE_VMX}). */
    private static boolean hasWord(byte[] b, int from, int to, String word) {
        for (int i = from; i + word.length() <= to; i++) {
            if (LineParser.startsWith(b, i, to, word) && (i == from || !nameByte(b[i - 1]))
                    && (i + word.length() == to || !nameByte(b[i + word.length()]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean nameByte(byte c) {
        return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /**
     * {@code "/usr/bin/ls", ["ls", "-l"], ...}: the argument vector joined by spaces (strace shortens long
     * strings with {@code ...}), or the path when there is no vector.
     */
    private static String command(byte[] b, int from, int to) {
        String path = Strings.unquote(b, from, to);
        int open = from;
        while (open < to && b[open] != '[') {
            open++;
        }
        List<String> words = new ArrayList<>();
        for (int i = open + 1; i < to && b[i] != ']'; i++) {
            if (b[i] == '"') {
                String word = Strings.unquote(b, i, to);
                if (word == null) {
                    break;
                }
                words.add(word);
                i++;
                while (i < to && !(b[i] == '"' && b[i - 1] != '\\')) {
                    i++;
                }
            }
        }
        return words.isEmpty() ? path : String.join(" ", words);
    }
}
