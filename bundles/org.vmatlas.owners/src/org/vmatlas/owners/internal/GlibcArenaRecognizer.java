package org.vmatlas.owners.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.RecognitionContext;
import org.vmatlas.owners.Recognizer;
import org.vmatlas.owners.RegionType;
import org.vmatlas.syscall.Prot;

/**
 * glibc malloc's per-thread arenas: each is a heap of {@code HEAP_MAX_SIZE} (64 MiB on 64-bit systems)
 * reserved at an address aligned to its size, so that a chunk finds its heap by masking its address. The part
 * in use is read-write, the rest {@code PROT_NONE} until the arena grows: a 64 MiB-aligned anonymous pair.
 * The main arena is {@code [heap]}, which the kernel names itself.
 */
@Component(service = Recognizer.class)
public final class GlibcArenaRecognizer implements Recognizer {

    static final long HEAP_MAX_SIZE = 64L << 20;
    static final String NAME = "malloc arena";

    @Override
    public String name() {
        return "glibc malloc";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void recognize(RecognitionContext context) {
        List<Region> regions = context.regions();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            if ((r.start() & (HEAP_MAX_SIZE - 1)) != 0 || !claimable(context, i) || r.prot() != (Prot.READ | Prot.WRITE)
                    || r.length() > HEAP_MAX_SIZE) {
                continue;
            }
            long end = r.start() + HEAP_MAX_SIZE;
            if (r.end() == end) {
                context.claim(i, Owner.of(RegionType.HEAP, NAME));
                continue;
            }
            if (i + 1 < regions.size()) {
                Region rest = regions.get(i + 1);
                if (rest.start() == r.end() && rest.end() == end && rest.prot() == Prot.NONE && claimable(context, i + 1)) {
                    context.claim(i, Owner.of(RegionType.HEAP, NAME));
                    context.claim(i + 1, new Owner(RegionType.HEAP, NAME, "reserve", 0));
                    i++;
                }
            }
        }
    }

    /** Only plain anonymous memory nobody has named yet. */
    private static boolean claimable(RecognitionContext context, int index) {
        Owner o = context.owner(index);
        return (o.type() == RegionType.PRIVATE_DATA || o.type() == RegionType.RESERVED) && o.name().isEmpty()
                && KernelNames.isAnonymousPrivate(context.regions().get(index));
    }
}
