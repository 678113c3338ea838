package org.vmatlas.model.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * File descriptors of a session or simulated kernel and the objects behind them ({@code memfd_create}
 * files), so that mappings of one object carry one identity and duplicates can be derived.
 */
public final class ObjectTable {

    /** An object pages can belong to; {@code inode} is a simulated identity unique in its table. */
    public record MemObject(long inode, String name, long size) {
    }

    /** Identities of files known only by name (from a trace), apart from the simulated inodes. */
    private static final long NAMED_FILES = 2_000_000L;

    private final Map<Integer, MemObject> byFd = new HashMap<>();
    private final Map<String, MemObject> byName = new HashMap<>();
    private int nextFd = 3;
    private long nextInode;
    private final boolean lenient;

    /** @param lenient treat unknown descriptors as objects of their own (a preview twin of a native session) */
    public ObjectTable(boolean lenient, long firstInode) {
        this.lenient = lenient;
        this.nextInode = firstInode;
    }

    public ObjectTable copy(boolean asLenient) {
        ObjectTable copy = new ObjectTable(asLenient, nextInode);
        copy.byFd.putAll(byFd);
        copy.byName.putAll(byName);
        copy.nextFd = nextFd;
        return copy;
    }

    public MemObject get(int fd) {
        MemObject object = byFd.get(fd);
        if (object == null && lenient && fd >= 0) {
            object = new MemObject(1_000_000L + fd, "fd " + fd, Long.MAX_VALUE / 2);
        }
        return object;
    }

    /**
     * The object an {@code mmap} of {@code fd} maps: the one the table knows; for a descriptor it never saw
     * (a file opened in a traced process), the file {@code name} names when the caller knows it, so that two
     * libraries opened on the same descriptor number stay two objects and one file mapped twice stays one;
     * else an object of that descriptor's own.
     */
    public MemObject objectOf(int fd, String name) {
        MemObject object = get(fd);
        if (object != null) {
            return object;
        }
        if (name != null && !name.isBlank()) {
            return byName.computeIfAbsent(name, file -> new MemObject(NAMED_FILES + byName.size(), file, 0));
        }
        return new MemObject(1_000_000L + fd, "fd " + fd, 0);
    }

    public int nextFd() {
        return nextFd;
    }

    /** Registers a new object under {@code fd} (the kernel's answer) and returns it. */
    public MemObject create(int fd, String name) {
        MemObject object = new MemObject(nextInode++, "/memfd:" + name + " (deleted)", 0);
        byFd.put(fd, object);
        nextFd = Math.max(nextFd, fd + 1);
        return object;
    }

    public void resize(int fd, long size) {
        MemObject old = byFd.get(fd);
        if (old != null) {
            byFd.put(fd, new MemObject(old.inode(), old.name(), size));
        }
    }

    public boolean close(int fd) {
        return byFd.remove(fd) != null;
    }

    /** A fresh identity for an object that has no descriptor (shared anonymous memory, a remap duplicate). */
    public long newInode() {
        return nextInode++;
    }
}
