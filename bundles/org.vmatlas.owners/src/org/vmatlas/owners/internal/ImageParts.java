package org.vmatlas.owners.internal;

import java.util.List;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.RegionType;
import org.vmatlas.owners.internal.elf.ElfFile;
import org.vmatlas.syscall.Prot;

/**
 * Tells images from mapped files and names each image mapping's part. A loader maps a program or library as
 * consecutive mappings of one file: its segments ({@code PT_LOAD}: text executable, rodata read-only, data
 * writable), the part of the data made read-only after relocation ({@code PT_GNU_RELRO}: relro), padding
 * between segments ({@code ---p}), and the zero-filled {@code .bss} as anonymous memory right after the data.
 * With the file's program headers each part is exact; without them (a file that is gone or elsewhere) a file
 * with an executable mapping is an image and its parts follow the protections.
 */
final class ImageParts {

    private final ImageCatalog catalog;

    ImageParts(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Reads images among {@code owners} (first readings) in place; {@code bias} and {@code elves} receive, per
     * region of an image whose program headers were read, the load bias (address of virtual address 0) and the file.
     */
    void apply(List<Region> regions, Owner[] owners, long[] bias, ElfFile[] elves, long pid) {
        int n = regions.size();
        int i = 0;
        while (i < n) {
            Region first = regions.get(i);
            if (owners[i].type() != RegionType.MAPPED_FILE || first.backing().kind() != Backing.Kind.FILE) {
                i++;
                continue;
            }
            int j = i + 1;
            boolean executable = first.executable();
            while (j < n && regions.get(j).backing().sameObject(first.backing())
                    && regions.get(j).start() == regions.get(j - 1).end()) {
                executable |= regions.get(j).executable();
                j++;
            }
            ElfFile elf = catalog.elf(first.backing().name(), first.backing().device(), first.backing().inode(),
                    pid > 0 ? "/proc/" + pid + "/map_files/" + Long.toHexString(first.start()) + "-"
                            + Long.toHexString(first.end()) : null);
            if (elf != null && !elf.loads().isEmpty() && (elf.type() == 2 || elf.type() == 3)) {
                exact(regions, owners, bias, elves, i, j, elf);
            } else if (executable) {
                byProtection(regions, owners, i, j);
            }
            i = j;
        }
    }

    private static void exact(List<Region> regions, Owner[] owners, long[] bias, ElfFile[] elves, int from, int to,
            ElfFile elf) {
        String name = owners[from].name();
        long base = 0;
        boolean based = false;
        for (int k = from; k < to; k++) {
            Region r = regions.get(k);
            ElfFile.Segment s = elf.loadAtOffset(r.backing().offset());
            if (s == null) {
                owners[k] = Owner.image(name, r.prot() == Prot.NONE ? "padding" : "headers");
                continue;
            }
            long vaddr = s.vaddr() + (r.backing().offset() - s.offset());
            if (!based) {
                base = r.start() - vaddr;
                based = true;
            }
            owners[k] = Owner.image(name, partOf(r, s, vaddr, elf));
        }
        if (!based) {
            return;
        }
        for (int k = from; k < to; k++) {
            bias[k] = base;
            elves[k] = elf;
        }
        // .bss: zero-filled pages after the last segment's file bytes, as anonymous memory right after it
        ElfFile.Segment last = elf.loads().getLast();
        long bssEnd = base + last.vaddr() + last.memsz();
        int k = to;
        if (k < regions.size() && regions.get(k).start() == regions.get(k - 1).end()
                && KernelNames.isAnonymousPrivate(regions.get(k)) && regions.get(k).writable()
                && regions.get(k).start() < bssEnd && owners[k].type() == RegionType.PRIVATE_DATA) {
            owners[k] = Owner.image(name, "bss");
            bias[k] = base;
            elves[k] = elf;
        }
    }

    private static String partOf(Region r, ElfFile.Segment s, long vaddr, ElfFile elf) {
        if (r.prot() == Prot.NONE) {
            return "padding";
        }
        ElfFile.Segment relro = elf.relro();
        if (relro != null && !r.writable() && vaddr >= relro.vaddr() && vaddr < relro.vaddr() + relro.memsz()) {
            return "relro";
        }
        if (s.executable()) {
            return "text";
        }
        return s.writable() ? "data" : "rodata";
    }

    private static void byProtection(List<Region> regions, Owner[] owners, int from, int to) {
        String name = owners[from].name();
        for (int k = from; k < to; k++) {
            Region r = regions.get(k);
            boolean beforeData = k + 1 < to && regions.get(k + 1).writable();
            String part = r.prot() == Prot.NONE ? "padding" : r.executable() ? "text" : r.writable() ? "data"
                    : beforeData ? "relro" : "rodata";
            owners[k] = Owner.image(name, part);
        }
        int k = to;
        if (k < regions.size() && regions.get(k).start() == regions.get(k - 1).end()
                && regions.get(k - 1).writable() && KernelNames.isAnonymousPrivate(regions.get(k))
                && regions.get(k).writable() && owners[k].type() == RegionType.PRIVATE_DATA) {
            owners[k] = Owner.image(name, "bss");
        }
    }
}
