package org.vmatlas.owners.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.Recognizer;
import org.vmatlas.owners.Residency;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.syscall.Kernel;

/**
 * The classification in passes, each over the whole address space: the kernel's names and protections, ELF
 * images and their parts, thread stacks of a live process, guard pages, then the runtimes' recognizers, then
 * residency. Pure and thread-safe but for the shared cache of ELF headers.
 */
public final class ClassifierCore {

    private final ImageCatalog catalog = new ImageCatalog();
    private final Path procRoot;

    public ClassifierCore() {
        this(Path.of("/proc"));
    }

    /** A classifier that reads a {@code /proc}-shaped directory for threads and smaps (tests). */
    public ClassifierCore(Path procRoot) {
        this.procRoot = procRoot;
    }

    /**
     * Classifies {@code regions} (address order, unsigned).
     *
     * @param pid         the live process, or empty
     * @param recognizers the runtimes' recognizers, run in their order
     * @param residency   measure residency: smaps for a process, else {@code mincore} through {@code sandbox}
     * @param sandbox     the sandbox's kernel for {@code mincore}, or {@code null}
     */
    public Classification classify(List<Region> regions, OptionalLong pid, List<Recognizer> recognizers,
            boolean residency, Kernel sandbox) {
        regions = List.copyOf(regions); // a snapshot's list builds its regions on each get
        int n = regions.size();
        long[] starts = new long[n];
        long[] ends = new long[n];
        Owner[] owners = new Owner[n];
        for (int i = 0; i < n; i++) {
            Region r = regions.get(i);
            starts[i] = r.start();
            ends[i] = r.end();
            owners[i] = KernelNames.firstReading(r);
        }
        long p = pid.orElse(0);
        long[] bias = new long[n];
        org.vmatlas.owners.internal.elf.ElfFile[] elves = new org.vmatlas.owners.internal.elf.ElfFile[n];
        new ImageParts(catalog).apply(regions, owners, bias, elves, p);
        if (p > 0) {
            ThreadStacks.apply(regions, owners, ThreadStacks.stackPointers(procRoot, p), p,
                    a -> ClassificationImpl.indexAt(starts, ends, a));
        }
        Guards.apply(regions, owners);
        if (!recognizers.isEmpty()) {
            Context context = new Context(regions, pid, owners, starts, ends);
            for (Recognizer recognizer : recognizers) {
                try {
                    recognizer.recognize(context);
                } catch (RuntimeException e) {
                    // one runtime's misreading must not cost the others' owners: its claims so far stand
                }
            }
        }
        Residency[] measured = null;
        long time = 0;
        if (residency && p > 0) {
            measured = ResidencyReader.fromSmaps(new ProcReader(procRoot), p, starts, ends);
            time = System.nanoTime();
        } else if (residency && sandbox != null) {
            measured = ResidencyReader.fromMincore(sandbox, regions);
            time = System.nanoTime();
        }
        return new ClassificationImpl(regions, starts, ends, pid, owners, bias, elves, measured, time);
    }
}
