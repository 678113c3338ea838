package org.vmatlas.owners.internal;

import java.util.List;

import org.vmatlas.model.Region;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.RegionType;

/**
 * Tells guard pages from reservations among inaccessible anonymous regions: a few pages (at most
 * {@link #MAX_GUARD} bytes) right below accessible anonymous memory are there to stop a stack or a buffer
 * from running into what lies below; anything larger is address space claimed for later.
 */
final class Guards {

    /** Glibc's default thread guard is one page; JVMs put up to a few pages of red and yellow zones. */
    static final long MAX_GUARD = 64 * 1024;

    private Guards() {
    }

    static void apply(List<Region> regions, Owner[] owners) {
        for (int i = 0; i + 1 < owners.length; i++) {
            if (owners[i].type() != RegionType.RESERVED || !owners[i].name().isEmpty()) {
                continue;
            }
            Region r = regions.get(i);
            Region above = regions.get(i + 1);
            if (r.length() <= MAX_GUARD && above.start() == r.end() && KernelNames.isAnonymousPrivate(above)
                    && above.prot() != 0 && (owners[i + 1].type() == RegionType.PRIVATE_DATA
                            || owners[i + 1].type() == RegionType.STACK)) {
                owners[i] = owners[i + 1].hasThread() ? Owner.stackGuard(owners[i + 1].threadId())
                        : Owner.of(RegionType.GUARD, "guard page");
            }
        }
    }
}
