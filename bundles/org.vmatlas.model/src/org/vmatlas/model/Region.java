package org.vmatlas.model;

import org.vmatlas.syscall.Prot;

/**
 * One region of an address space: a range with the attributes the kernel keeps for it plus the model's
 * annotations (state, label). Two neighbours that differ only in state or label are one VMA to the kernel.
 *
 * @param start         first byte, page aligned
 * @param end           one past the last byte, above {@code start}
 * @param prot          current protection ({@link Prot} bits)
 * @param maxProt       maximum protection (NetBSD {@code PROT_MPROTECT}); {@link Prot#RWX} where there is none
 * @param shared        {@code MAP_SHARED} rather than private
 * @param backing       the object the pages belong to, offset at {@code start}
 * @param state         the Go runtime state of the range
 * @param stateInferred {@code true} when the state was guessed from protection and advice, not set by a Go operation
 * @param label         who made it ("go heap arena", "jit code"), or {@code null}
 */
public record Region(long start, long end, int prot, int maxProt, boolean shared, Backing backing, RegionState state,
        boolean stateInferred, String label) {

    public Region {
        if (end <= start) {
            throw new IllegalArgumentException("region end 0x" + Long.toHexString(end) + " must be above start 0x"
                    + Long.toHexString(start));
        }
        if (backing == null || state == null) {
            throw new IllegalArgumentException("region 0x" + Long.toHexString(start) + " needs a backing and a state");
        }
    }

    public long length() {
        return end - start;
    }

    public boolean contains(long address) {
        return address >= start && address < end;
    }

    public boolean writable() {
        return (prot & Prot.WRITE) != 0;
    }

    public boolean executable() {
        return (prot & Prot.EXEC) != 0;
    }

    /** {@code true} when both regions map some of the same pages of one object (duplicates, aliases). */
    public boolean sharesPagesWith(Region other) {
        if (!backing.sameObject(other.backing)) {
            return false;
        }
        long a = backing.offset();
        long b = other.backing.offset();
        return a < b + other.length() && b < a + length();
    }

    @Override
    public String toString() {
        return String.format("%x-%x %s%c %s %s%s", start, end, Prot.letters(prot), shared ? 's' : 'p',
                backing.kind() == Backing.Kind.ANONYMOUS ? "anon" : backing.name(), state,
                stateInferred ? "?" : "") + (label != null ? " \"" + label + "\"" : "");
    }
}
