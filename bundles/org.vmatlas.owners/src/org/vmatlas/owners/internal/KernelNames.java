package org.vmatlas.owners.internal;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.RegionType;
import org.vmatlas.syscall.Prot;

/**
 * The first reading of a region: what its name in {@code /proc/PID/maps}, its backing and its protection say,
 * before images, stacks and runtimes are looked at. The names are the kernel's own: {@code [heap]},
 * {@code [stack]}, {@code [vdso]}, {@code [vvar]}, {@code [vvar_vclock]}, {@code [vsyscall]},
 * {@code [anon:NAME]} ({@code prctl(PR_SET_VMA_ANON_NAME)}), {@code [anon_shmem:NAME]},
 * {@code /memfd:NAME (deleted)}, {@code /SYSV0000002a (deleted)} (a SysV segment, its key in hex),
 * {@code /dev/zero (deleted)} (shared anonymous memory), {@code /dev/shm/NAME}.
 */
final class KernelNames {

    static final String DELETED = " (deleted)";

    private KernelNames() {
    }

    static Owner firstReading(Region r) {
        Backing b = r.backing();
        String name = b.name();
        if (name.startsWith("[")) {
            return bracketed(r, name);
        }
        if (b.kind() == Backing.Kind.MEMFD || name.startsWith("/memfd:")) {
            return Owner.of(RegionType.SHARED_MEMORY, withoutDeleted(name).substring(1));
        }
        if (name.startsWith("/SYSV")) {
            return Owner.of(RegionType.SHARED_MEMORY, "SysV segment key 0x" + withoutDeleted(name).substring(5)
                    + " id " + b.inode());
        }
        if (name.startsWith("/dev/zero") && r.shared()) {
            return Owner.of(RegionType.SHARED_MEMORY, "shared anonymous");
        }
        if (name.startsWith("/dev/shm/")) {
            return Owner.of(RegionType.SHARED_MEMORY, withoutDeleted(name));
        }
        if (!name.isEmpty() || b.kind() == Backing.Kind.FILE) {
            return Owner.of(RegionType.MAPPED_FILE, fileName(name));
        }
        if (r.shared()) {
            return Owner.of(RegionType.SHARED_MEMORY, "shared anonymous");
        }
        return anonymous(r, "");
    }

    private static Owner bracketed(Region r, String name) {
        switch (name) {
            case "[heap]":
                return Owner.of(RegionType.HEAP, "[heap]");
            case "[stack]":
                return Owner.of(RegionType.STACK, "[stack]");
            case "[vdso]", "[vvar]", "[vvar_vclock]", "[vsyscall]", "[uprobes]", "[sigpage]", "[vectors]":
                return Owner.of(RegionType.KERNEL, name);
            default:
                break;
        }
        if (name.startsWith("[anon_shmem:")) {
            return Owner.of(RegionType.SHARED_MEMORY, name);
        }
        if (name.startsWith("[anon:")) {
            return anonymous(r, name);
        }
        return r.shared() ? Owner.of(RegionType.SHARED_MEMORY, name) : anonymous(r, name);
    }

    /** Anonymous private memory by its protection: inaccessible reserved, executable code, else data. */
    static Owner anonymous(Region r, String name) {
        if (r.prot() == Prot.NONE) {
            return Owner.of(RegionType.RESERVED, name);
        }
        if (r.executable()) {
            return Owner.of(RegionType.CODE, name);
        }
        return Owner.of(RegionType.PRIVATE_DATA, name);
    }

    static String withoutDeleted(String name) {
        return name.endsWith(DELETED) ? name.substring(0, name.length() - DELETED.length()) : name;
    }

    /** {@code libc.so.6} of {@code /usr/lib/x86_64-linux-gnu/libc.so.6 (deleted)}. */
    static String fileName(String path) {
        String p = withoutDeleted(path);
        int slash = p.lastIndexOf('/');
        return slash >= 0 && slash < p.length() - 1 ? p.substring(slash + 1) : p;
    }

    static boolean isAnonymousPrivate(Region r) {
        return !r.shared() && r.backing().kind() == Backing.Kind.ANONYMOUS
                && (r.backing().name().isEmpty() || r.backing().name().startsWith("[anon:"));
    }
}
