package org.vmatlas.owners;

/**
 * Who a region belongs to: its type, the owner's name and, where known, which part of the owner it holds
 * and which thread it serves.
 *
 * @param type     what the region is for
 * @param name     the owner ("libc.so.6", "Java heap", "stack of thread 4711", "[anon:dalvik]"); empty when
 *                 nothing more than the type is known
 * @param part     the part of the owner the region holds ("text", "rodata", "relro", "data", "bss",
 *                 "code cache"), or {@code null}
 * @param threadId the thread whose stack (or guard) this is, or 0 when the region serves no one thread
 */
public record Owner(RegionType type, String name, String part, int threadId) {

    public Owner {
        if (type == null) {
            throw new IllegalArgumentException("an owner needs a region type");
        }
        if (threadId < 0) {
            throw new IllegalArgumentException("a thread id is positive, not " + threadId);
        }
        name = name == null ? "" : name;
        part = part == null || part.isEmpty() ? null : part;
    }

    /** An owner known only by its type and name. */
    public static Owner of(RegionType type, String name) {
        return new Owner(type, name, null, 0);
    }

    /** The {@code part} ("text", "bss") of an ELF image named {@code name} ("libc.so.6"). */
    public static Owner image(String name, String part) {
        return new Owner(RegionType.IMAGE, name, part, 0);
    }

    /** The stack of thread {@code threadId}: {@code "stack of thread 4711"}. */
    public static Owner stack(int threadId) {
        return new Owner(RegionType.STACK, "stack of thread " + threadId, null, threadId);
    }

    /** The guard page below the stack of thread {@code threadId}. */
    public static Owner stackGuard(int threadId) {
        return new Owner(RegionType.GUARD, "stack guard of thread " + threadId, null, threadId);
    }

    /** The same owner with another part. */
    public Owner withPart(String newPart) {
        return new Owner(type, name, newPart, threadId);
    }

    public boolean hasPart() {
        return part != null;
    }

    public boolean hasThread() {
        return threadId != 0;
    }

    /** One line for tables, hover text and exports: {@code "libc.so.6 text"}, else the type's name. */
    public String label() {
        if (name.isEmpty()) {
            return part == null ? type.displayName() : type.displayName() + " " + part;
        }
        return part == null ? name : name + " " + part;
    }
}
