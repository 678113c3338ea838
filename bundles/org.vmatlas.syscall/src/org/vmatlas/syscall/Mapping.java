package org.vmatlas.syscall;

/**
 * One mapping as a kernel reports it, in the shape of a {@code /proc/PID/maps} line: what is true,
 * not what anyone intended. The region model compares itself with these.
 *
 * @param start   first byte, page aligned
 * @param end     one past the last byte, page aligned, greater than {@code start}
 * @param prot    current protection ({@link Prot} bits)
 * @param maxProt maximum protection (NetBSD {@code PROT_MPROTECT}); {@link Prot#RWX} where the system has none
 * @param shared  {@code MAP_SHARED} rather than private
 * @param offset  offset into the backing object, in bytes
 * @param device  device of the backing object (0 when anonymous)
 * @param inode   inode of the backing object (0 when anonymous)
 * @param path    path or pseudo-path ({@code [heap]}, {@code /memfd:jit (deleted)}), empty when anonymous
 */
public record Mapping(long start, long end, int prot, int maxProt, boolean shared, long offset, long device,
        long inode, String path) {

    public Mapping {
        if (end <= start) {
            throw new IllegalArgumentException("mapping end 0x" + Long.toHexString(end)
                    + " must be above start 0x" + Long.toHexString(start));
        }
        if (path == null) {
            path = "";
        }
    }

    public long length() {
        return end - start;
    }

    public boolean anonymous() {
        return inode == 0 && (path.isEmpty() || path.startsWith("["));
    }

    @Override
    public String toString() {
        return String.format("%x-%x %s%c %08x %s", start, end, Prot.letters(prot), shared ? 's' : 'p', offset, path);
    }
}
