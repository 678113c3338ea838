package org.vmatlas.owners;

/**
 * An address told as owner and offset, which stays comparable across runs that address randomisation
 * places differently: {@code libc.so.6+0x2a3f0 (malloc+0x40)}, {@code stack of thread 4711+0x1f30},
 * {@code Java heap+0x1000}.
 *
 * @param address      the address asked for
 * @param regionIndex  index of the region holding it in the classification, or -1 when it is free
 * @param owner        the owner of that region, or {@code null} when the address is free
 * @param ownerOffset  offset from the owner's base: the file offset for a mapped file or image (so that
 *                     {@code nm} and {@code objdump} agree), else from the start of the owner's first region
 * @param symbol       the nearest symbol at or below the address, or {@code null}
 * @param symbolOffset offset of the address from {@code symbol}'s value
 */
public record Location(long address, int regionIndex, Owner owner, long ownerOffset, String symbol,
        long symbolOffset) {

    /** An address no region holds. */
    public static Location free(long address) {
        return new Location(address, -1, null, 0, null, 0);
    }

    public boolean isFree() {
        return owner == null;
    }

    /** {@code libc.so.6+0x2a3f0 (malloc+0x40)}, or {@code 0x7f00... (free)}. */
    @Override
    public String toString() {
        if (owner == null) {
            return "0x" + Long.toHexString(address) + " (free)";
        }
        String base = (owner.name().isEmpty() ? owner.type().displayName() : owner.name()) + "+0x"
                + Long.toHexString(ownerOffset);
        if (symbol == null) {
            return base;
        }
        return base + " (" + symbol + (symbolOffset == 0 ? "" : "+0x" + Long.toHexString(symbolOffset)) + ")";
    }
}
