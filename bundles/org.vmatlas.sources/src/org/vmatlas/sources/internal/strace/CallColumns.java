package org.vmatlas.sources.internal.strace;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

import org.vmatlas.sources.strace.Syscall;
import org.vmatlas.sources.strace.TracedCall;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;

/**
 * The calls of a log stored by column, in primitive arrays: a million calls as a million small objects
 * kept alive made the collector copy them again and again (pauses of hundreds of milliseconds, most of the
 * parse time); as a few large arrays they cost it nothing. Read as a {@code List<TracedCall>} whose
 * elements are made on access. Append-only; not thread-safe while appending.
 */
public final class CallColumns extends AbstractList<TracedCall> implements RandomAccess {

    private static final Syscall[] SYSCALLS = Syscall.values();
    private static final Advice[] ADVICE = Advice.values();

    private int size;
    private long[] line = new long[1024];
    private int[] pid = new int[1024];
    private long[] time = new long[1024];
    private byte[] syscall = new byte[1024];
    private long[] address = new long[1024];
    private long[] length = new long[1024];
    private int[] prot = new int[1024];
    private int[] flags = new int[1024];
    private int[] fd = new int[1024];
    private long[] offset = new long[1024];
    private long[] newLength = new long[1024];
    private long[] newAddress = new long[1024];
    private byte[] advice = new byte[1024];
    private String[] path = new String[1024];
    private long[] result = new long[1024];
    private Errno[] errno = new Errno[1024];
    private boolean[] unknown = new boolean[1024];

    @Override
    public boolean add(TracedCall c) {
        if (size == line.length) {
            grow(size * 2);
        }
        int i = size++;
        line[i] = c.line();
        pid[i] = c.pid();
        time[i] = c.timeMicros();
        syscall[i] = (byte) c.syscall().ordinal();
        address[i] = c.address();
        length[i] = c.length();
        prot[i] = c.prot();
        flags[i] = c.flags();
        fd[i] = c.fd();
        offset[i] = c.offset();
        newLength[i] = c.newLength();
        newAddress[i] = c.newAddress();
        advice[i] = (byte) (c.advice() == null ? 0 : c.advice().ordinal() + 1);
        path[i] = c.path();
        result[i] = c.result();
        errno[i] = c.errno();
        unknown[i] = c.unknownResult();
        return true;
    }

    @Override
    public TracedCall get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("call " + i + " of " + size);
        }
        return new TracedCall(line[i], pid[i], time[i], SYSCALLS[syscall[i]], address[i], length[i], prot[i], flags[i],
                fd[i], offset[i], newLength[i], newAddress[i], advice[i] == 0 ? null : ADVICE[advice[i] - 1], path[i],
                result[i], errno[i], unknown[i]);
    }

    /** The pid of call {@code i} without making the call. */
    public int pid(int i) {
        return pid[i];
    }

    @Override
    public int size() {
        return size;
    }

    private void grow(int capacity) {
        line = Arrays.copyOf(line, capacity);
        pid = Arrays.copyOf(pid, capacity);
        time = Arrays.copyOf(time, capacity);
        syscall = Arrays.copyOf(syscall, capacity);
        address = Arrays.copyOf(address, capacity);
        length = Arrays.copyOf(length, capacity);
        prot = Arrays.copyOf(prot, capacity);
        flags = Arrays.copyOf(flags, capacity);
        fd = Arrays.copyOf(fd, capacity);
        offset = Arrays.copyOf(offset, capacity);
        newLength = Arrays.copyOf(newLength, capacity);
        newAddress = Arrays.copyOf(newAddress, capacity);
        advice = Arrays.copyOf(advice, capacity);
        path = Arrays.copyOf(path, capacity);
        result = Arrays.copyOf(result, capacity);
        errno = Arrays.copyOf(errno, capacity);
        unknown = Arrays.copyOf(unknown, capacity);
    }
}
