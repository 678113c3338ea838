package org.vmatlas.syscall.internal.linux;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;

/**
 * Linux's numbers for the OS-neutral bits, from {@code <asm-generic/mman-common.h>}: x86_64 and aarch64
 * use the generic values for every flag here. Translation is one table look-up, so the hot calls pay
 * nothing for the neutral API.
 */
final class LinuxAbi {
    static final int MAP_SHARED = 0x01;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_FIXED = 0x10;
    static final int MAP_ANONYMOUS = 0x20;
    static final int MAP_NORESERVE = 0x4000;
    static final int MAP_POPULATE = 0x8000;
    static final int MAP_FIXED_NOREPLACE = 0x100000;

    static final int MREMAP_MAYMOVE = 1;
    static final int MREMAP_FIXED = 2;
    static final int MREMAP_DONTUNMAP = 4;

    static final int MFD_CLOEXEC = 1;
    static final int SC_PAGESIZE = 30;

    /** Neutral bits Linux has no value for; a call carrying them answers {@code EINVAL} as Linux would. */
    static final int UNKNOWN = -1;

    private static final int MAP_BITS = 7;
    private static final int[] MAP_TABLE = mapTable();

    private LinuxAbi() {
    }

    private static int[] mapTable() {
        int[] neutral = { MapFlags.SHARED, MapFlags.PRIVATE, MapFlags.ANONYMOUS, MapFlags.FIXED,
                MapFlags.FIXED_NOREPLACE, MapFlags.NORESERVE, MapFlags.POPULATE };
        int[] linux = { MAP_SHARED, MAP_PRIVATE, MAP_ANONYMOUS, MAP_FIXED, MAP_FIXED_NOREPLACE,
                MAP_NORESERVE, MAP_POPULATE };
        int[] table = new int[1 << MAP_BITS];
        for (int combination = 0; combination < table.length; combination++) {
            for (int i = 0; i < neutral.length; i++) {
                if ((combination & neutral[i]) != 0) {
                    table[combination] |= linux[i];
                }
            }
        }
        return table;
    }

    static int mapFlags(int neutral) {
        return (neutral & ~((1 << MAP_BITS) - 1)) != 0 ? UNKNOWN : MAP_TABLE[neutral];
    }

    /** {@link RemapFlags#REMAPDUP} is NetBSD's: Linux duplicates with {@code old_size == 0} instead. */
    static int remapFlags(int neutral) {
        if ((neutral & ~(RemapFlags.MAYMOVE | RemapFlags.FIXED | RemapFlags.DONTUNMAP)) != 0) {
            return UNKNOWN;
        }
        return ((neutral & RemapFlags.MAYMOVE) != 0 ? MREMAP_MAYMOVE : 0)
                | ((neutral & RemapFlags.FIXED) != 0 ? MREMAP_FIXED : 0)
                | ((neutral & RemapFlags.DONTUNMAP) != 0 ? MREMAP_DONTUNMAP : 0);
    }

    /** Linux has no maximum protection: {@code PROT_MPROTECT} bits are unknown to it. */
    static boolean validProt(int prot) {
        return (prot & ~Prot.RWX) == 0;
    }

    static int advice(Advice advice) {
        return switch (advice) {
            case NORMAL -> 0;
            case RANDOM -> 1;
            case SEQUENTIAL -> 2;
            case WILLNEED -> 3;
            case DONTNEED -> 4;
            case FREE -> 8;
            case HUGEPAGE -> 14;
            case NOHUGEPAGE -> 15;
        };
    }
}
