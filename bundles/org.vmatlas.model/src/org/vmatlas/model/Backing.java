package org.vmatlas.model;

/**
 * What a region's pages belong to. Two regions share pages when they have the same object (device and
 * inode, non-zero inode) and overlapping offset ranges: that rule finds duplicates in the model and in
 * {@code /proc/PID/maps} alike, so duplicates are derived, never declared.
 *
 * @param kind   anonymous, a file, or a {@code memfd_create} object
 * @param name   path or pseudo-path ({@code "/memfd:jit"}, {@code "/dev/zero"}); for anonymous memory the
 *               kernel's name when {@code /proc/PID/maps} gives one ({@code "[heap]"}, {@code "[stack]"},
 *               {@code "[vdso]"}, {@code "[anon:NAME]"}), else empty
 * @param device device of the object, 0 when there is none
 * @param inode  inode (or simulated object id) of the object; 0 for private anonymous memory that is shared
 *               with nothing
 * @param offset offset into the object of the region's first byte; 0 for anonymous memory
 */
public record Backing(Kind kind, String name, long device, long inode, long offset) {

    /** The kinds of backing object. */
    public enum Kind {
        ANONYMOUS, FILE, MEMFD
    }

    private static final Backing ANONYMOUS_BACKING = new Backing(Kind.ANONYMOUS, "", 0, 0, 0);

    public Backing {
        if (kind == null) {
            throw new IllegalArgumentException("backing kind must not be null");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("backing offset must not be negative: " + offset);
        }
        if (name == null) {
            name = "";
        }
    }

    public static Backing anonymous() {
        return ANONYMOUS_BACKING;
    }

    /** {@code true} when both name one object whose pages they could share. */
    public boolean sameObject(Backing other) {
        return inode != 0 && other != null && device == other.device && inode == other.inode;
    }

    /** The device as {@code /proc/PID/maps} prints it, {@code major:minor} in hex ({@code "fe:00"}). */
    public String deviceText() {
        long major = ((device >>> 8) & 0xfff) | ((device >>> 32) & 0xfffff000L);
        long minor = (device & 0xff) | ((device >>> 12) & 0xffffff00L);
        return String.format("%02x:%02x", major, minor);
    }

    /** The same object at another offset. */
    public Backing at(long newOffset) {
        return new Backing(kind, name, device, inode, newOffset);
    }
}
