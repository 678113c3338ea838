package org.vmatlas.model;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;

/**
 * One thing a source asks a session to do: a raw memory call, or a Go runtime transition that the session
 * turns into the raw call its personality needs (seed 000: {@code sysMap} is {@code mmap MAP_FIXED} on Linux,
 * {@code mprotect} on AIX). Records validate nothing the kernel should judge: an unaligned address is the
 * kernel's {@code EINVAL} to give, not an exception.
 */
public sealed interface Call {

    /** One line in C syntax, as the event log shows it. */
    String describe();

    /** {@code mmap(address, length, prot, flags, fd, offset)}; {@code label} names who maps it (may be null). */
    record Mmap(long address, long length, int prot, int flags, int fd, long offset, String label) implements Call {
        public String describe() {
            return "mmap(" + hex(address) + ", " + length + ", " + protText(prot) + ", " + MapFlags.describe(flags)
                    + ", " + fd + ", " + offset + ")";
        }
    }

    record Munmap(long address, long length) implements Call {
        public String describe() {
            return "munmap(" + hex(address) + ", " + length + ")";
        }
    }

    record Mprotect(long address, long length, int prot) implements Call {
        public String describe() {
            return "mprotect(" + hex(address) + ", " + length + ", " + protText(prot) + ")";
        }
    }

    record Mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress) implements Call {
        public String describe() {
            return "mremap(" + hex(oldAddress) + ", " + oldSize + ", " + newSize + ", " + RemapFlags.describe(flags)
                    + ", " + hex(newAddress) + ")";
        }
    }

    record Madvise(long address, long length, Advice advice) implements Call {
        public Madvise {
            if (advice == null) {
                throw new IllegalArgumentException("madvise at " + hex(address) + " needs an advice");
            }
        }

        public String describe() {
            return "madvise(" + hex(address) + ", " + length + ", " + advice.cName() + ")";
        }
    }

    /** {@code memfd_create(name)}: an anonymous file whose pages can be mapped twice (W^X duplicates on Linux). */
    record MemfdCreate(String name) implements Call {
        public MemfdCreate {
            if (name == null) {
                throw new IllegalArgumentException("memfd_create needs a name");
            }
        }

        public String describe() {
            return "memfd_create(\"" + name + "\", MFD_CLOEXEC)";
        }
    }

    record Ftruncate(int fd, long length) implements Call {
        public String describe() {
            return "ftruncate(" + fd + ", " + length + ")";
        }
    }

    record Close(int fd) implements Call {
        public String describe() {
            return "close(" + fd + ")";
        }
    }

    /** Go {@code sysReserve}: None → Reserved, a {@code PROT_NONE} anonymous mapping at or near {@code hint}. */
    record SysReserve(long hint, long length, String label) implements Call {
        public String describe() {
            return "sysReserve(" + hex(hint) + ", " + length + ")";
        }
    }

    /** Go {@code sysMap}: Reserved → Prepared (Linux, NetBSD: {@code mmap MAP_FIXED} read-write; AIX: {@code mprotect}). */
    record SysMap(long address, long length) implements Call {
        public String describe() {
            return "sysMap(" + hex(address) + ", " + length + ")";
        }
    }

    /** Go {@code sysUsed}: Prepared → Ready; no kernel call on these systems, only the accounting changes. */
    record SysUsed(long address, long length) implements Call {
        public String describe() {
            return "sysUsed(" + hex(address) + ", " + length + ")";
        }
    }

    /** Go {@code sysUnused}: Ready → Prepared, {@code madvise(MADV_DONTNEED)} gives the pages back. */
    record SysUnused(long address, long length) implements Call {
        public String describe() {
            return "sysUnused(" + hex(address) + ", " + length + ")";
        }
    }

    /** Go {@code sysFree}: any state → None, {@code munmap}. */
    record SysFree(long address, long length) implements Call {
        public String describe() {
            return "sysFree(" + hex(address) + ", " + length + ")";
        }
    }

    /** Go {@code sysFault}: any state → Reserved, {@code mmap MAP_FIXED PROT_NONE} so every access faults. */
    record SysFault(long address, long length) implements Call {
        public String describe() {
            return "sysFault(" + hex(address) + ", " + length + ")";
        }
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    static String protText(int prot) {
        int plain = Prot.plain(prot);
        StringBuilder text = new StringBuilder();
        if (plain == Prot.NONE) {
            text.append("PROT_NONE");
        }
        if ((plain & Prot.READ) != 0) text.append("PROT_READ|");
        if ((plain & Prot.WRITE) != 0) text.append("PROT_WRITE|");
        if ((plain & Prot.EXEC) != 0) text.append("PROT_EXEC|");
        if (text.charAt(text.length() - 1) == '|') {
            text.setLength(text.length() - 1);
        }
        int max = Prot.requestedMax(prot);
        if (max > 0) {
            text.append("|PROT_MPROTECT(").append(Prot.letters(max)).append(')');
        }
        return text.toString();
    }
}
