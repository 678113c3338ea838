package org.vmatlas.owners.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.RecognitionContext;
import org.vmatlas.owners.Recognizer;
import org.vmatlas.owners.RegionType;

/**
 * The Go runtime's heap on 64-bit systems: arenas of 64 MiB asked for at hints from {@code 0x00c000000000}
 * upwards ({@code golang/go src/runtime/malloc.go}, {@code mallocinit}), reserved {@code PROT_NONE} and made
 * read-write as they are used. A process whose anonymous memory starts exactly at the first hint is taken for
 * a Go program; its anonymous regions from there up to the next hint ({@code 0x01c000000000}) are its heap.
 */
@Component(service = Recognizer.class)
public final class GoHeapRecognizer implements Recognizer {

    static final long FIRST_HINT = 0x00c0_0000_0000L;
    static final long NEXT_HINT = 0x01c0_0000_0000L;

    @Override
    public String name() {
        return "Go";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void recognize(RecognitionContext context) {
        int first = context.indexAt(FIRST_HINT);
        List<Region> regions = context.regions();
        if (first < 0 || regions.get(first).start() != FIRST_HINT) {
            return;
        }
        for (int i = first; i < regions.size() && regions.get(i).start() < NEXT_HINT; i++) {
            Region r = regions.get(i);
            Owner o = context.owner(i);
            if (KernelNames.isAnonymousPrivate(r) && o.name().isEmpty()
                    && (o.type() == RegionType.PRIVATE_DATA || o.type() == RegionType.RESERVED)) {
                context.claim(i, new Owner(RegionType.HEAP, "Go heap", r.prot() == 0 ? "reserve" : null, 0));
            }
        }
    }
}
