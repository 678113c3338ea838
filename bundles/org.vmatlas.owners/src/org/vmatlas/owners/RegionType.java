package org.vmatlas.owners;

/**
 * What a region of a real address space is for, as a person reading a memory map asks it (the Windows
 * VMMap's "type" column, for Linux). A type is derived from the region and what can be read about its
 * process; it is never stored as a truth of the model.
 */
public enum RegionType {
    /** Pages of an ELF file loaded as a program or library: its text, rodata, relro, data or bss. */
    IMAGE("Image"),
    /** A file mapped for its contents (data files, fonts, locale archives, jars). */
    MAPPED_FILE("Mapped file"),
    /** An allocator's memory: {@code [heap]}, malloc arenas, a JVM's or Go's heap. */
    HEAP("Heap"),
    /** The main thread's {@code [stack]} or a thread's stack. */
    STACK("Stack"),
    /** An inaccessible page or range that stops a stack or buffer from running into its neighbour. */
    GUARD("Guard"),
    /** Pages meant to be shared between processes: {@code /dev/shm}, memfd objects, SysV segments. */
    SHARED_MEMORY("Shared memory"),
    /** Anonymous executable memory: code a JIT or an interpreter wrote. */
    CODE("Code"),
    /** Pages the kernel maps into every process: {@code [vdso]}, {@code [vvar]}, {@code [vsyscall]}. */
    KERNEL("Kernel"),
    /** Anonymous {@code PROT_NONE} address space claimed for later use. */
    RESERVED("Reserved"),
    /** Any other anonymous private memory a program reads and writes. */
    PRIVATE_DATA("Private data");

    private final String displayName;

    RegionType(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown in tables, legends and exports ("Mapped file"). */
    public String displayName() {
        return displayName;
    }
}
