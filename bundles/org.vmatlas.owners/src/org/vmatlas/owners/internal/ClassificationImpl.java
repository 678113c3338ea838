package org.vmatlas.owners.internal;

import java.util.List;
import java.util.OptionalLong;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Location;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.Residency;
import org.vmatlas.owners.RegionType;
import org.vmatlas.owners.internal.elf.ElfFile;
import org.vmatlas.owners.internal.elf.ElfSymbols;

/** The immutable {@link Classification}: parallel arrays over the regions, addresses compared unsigned. */
final class ClassificationImpl implements Classification {

    private final List<Region> regions;
    private final long[] starts;
    private final long[] ends;
    private final OptionalLong pid;
    private final Owner[] owners;
    private final long[] bias;
    private final ElfFile[] elves;
    private final Residency[] residency;
    private final long residencyTime;

    ClassificationImpl(List<Region> regions, long[] starts, long[] ends, OptionalLong pid, Owner[] owners,
            long[] bias, ElfFile[] elves, Residency[] residency, long residencyTime) {
        this.regions = regions;
        this.starts = starts;
        this.ends = ends;
        this.pid = pid;
        this.owners = owners;
        this.bias = bias;
        this.elves = elves;
        this.residency = residency;
        this.residencyTime = residencyTime;
    }

    @Override
    public List<Region> regions() {
        return regions;
    }

    @Override
    public int size() {
        return owners.length;
    }

    @Override
    public OptionalLong pid() {
        return pid;
    }

    @Override
    public Owner owner(int index) {
        return owners[index];
    }

    @Override
    public boolean hasResidency() {
        return residency != null;
    }

    @Override
    public Residency residency(int index) {
        if (index < 0 || index >= owners.length) {
            throw new IndexOutOfBoundsException("region " + index + " of " + owners.length);
        }
        return residency == null || residency[index] == null ? Residency.UNKNOWN : residency[index];
    }

    @Override
    public long residencyTimeNanos() {
        return residencyTime;
    }

    @Override
    public int indexAt(long address) {
        return indexAt(starts, ends, address);
    }

    static int indexAt(long[] starts, long[] ends, long address) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(ends[mid], address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < starts.length && Long.compareUnsigned(starts[lo], address) <= 0 ? lo : -1;
    }

    @Override
    public Location locate(long address) {
        int i = indexAt(address);
        if (i < 0) {
            return Location.free(address);
        }
        Owner owner = owners[i];
        Region r = regions.get(i);
        if (elves[i] != null) {
            long vaddr = address - bias[i];
            ElfSymbols symbols = symbolsOf(elves[i]);
            int s = symbols.indexOf(vaddr);
            return s < 0 ? new Location(address, i, owner, vaddr, null, 0)
                    : new Location(address, i, owner, vaddr, symbols.name(s), vaddr - symbols.value(s));
        }
        if (owner.type() == RegionType.MAPPED_FILE || owner.type() == RegionType.IMAGE
                || r.backing().kind() != Backing.Kind.ANONYMOUS) {
            return new Location(address, i, owner, r.backing().offset() + (address - r.start()), null, 0);
        }
        int first = i;
        while (first > 0 && ends[first - 1] == starts[first] && owners[first - 1].equals(owner)) {
            first--;
        }
        return new Location(address, i, owner, address - starts[first], null, 0);
    }

    private static ElfSymbols symbolsOf(ElfFile elf) {
        try {
            return elf.symbols();
        } catch (Exception e) {
            return ElfSymbols.NONE;
        }
    }
}
