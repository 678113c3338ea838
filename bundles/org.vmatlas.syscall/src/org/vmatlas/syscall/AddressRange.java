package org.vmatlas.syscall;

/**
 * A range of addresses {@code [start, end)}: what the sandbox owns, holds in reserve or lost.
 *
 * @param start first address
 * @param end   one past the last address, above {@code start}
 */
public record AddressRange(long start, long end) {

    public AddressRange {
        if (end <= start) {
            throw new IllegalArgumentException("range end 0x" + Long.toHexString(end) + " must be above start 0x"
                    + Long.toHexString(start));
        }
    }

    public long length() {
        return end - start;
    }

    public boolean contains(long address) {
        return address >= start && address < end;
    }

    @Override
    public String toString() {
        return "[0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end) + ")";
    }
}
