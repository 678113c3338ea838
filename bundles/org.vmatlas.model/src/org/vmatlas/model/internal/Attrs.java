package org.vmatlas.model.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import org.vmatlas.model.RegionState;
import org.vmatlas.syscall.Prot;

/**
 * The process-wide table of interned {@link Attr}s. Ids never change and are never reused, so snapshots,
 * timelines and cores may share them across threads. Hot transformations (a new protection) are memoised
 * per id so that an {@code mprotect} costs no hashing.
 */
public final class Attrs {

    private static final ConcurrentHashMap<Attr, Integer> IDS = new ConcurrentHashMap<>();
    private static volatile Attr[] byId = new Attr[256];
    private static volatile int[] kernelIds = new int[256];
    /** (attr id * 8 + prot) → 1 + id of the attribute after a raw {@code mprotect}; 0 = not yet known. */
    private static volatile int[] protMemo = new int[256 * 8];
    private static int count;

    private Attrs() {
    }

    public static int intern(Attr attr) {
        Integer id = IDS.get(attr);
        return id != null ? id : add(attr);
    }

    private static synchronized int add(Attr attr) {
        Integer id = IDS.get(attr);
        if (id != null) {
            return id;
        }
        int next = count;
        if (next == byId.length) {
            byId = Arrays.copyOf(byId, next * 2);
            kernelIds = Arrays.copyOf(kernelIds, next * 2);
            protMemo = Arrays.copyOf(protMemo, next * 16);
        }
        byId[next] = attr;
        count = next + 1;
        Attr kernel = attr.kernelPart();
        kernelIds[next] = kernel.equals(attr) ? next : intern(kernel);
        IDS.put(attr, next);
        return next;
    }

    /** How many attributes were interned so far (they are never dropped). */
    public static synchronized int size() {
        return count;
    }

    public static Attr get(int id) {
        return byId[id];
    }

    /** The id of the kernel's part of {@code id}: equal kernel ids merge into one VMA. */
    public static int kernelId(int id) {
        return kernelIds[id];
    }

    /**
     * The attribute after a raw {@code mprotect(prot)}: the new protection, and for anonymous memory the
     * state inferred again (PROT_NONE → Reserved, accessible → Ready), for files Unknown.
     */
    public static int reprotected(int id, int prot) {
        int[] memo = protMemo;
        int slot = id * 8 + (prot & Prot.RWX);
        int known = memo[slot];
        if (known != 0) {
            return known - 1;
        }
        Attr old = get(id);
        int result = intern(old.withProt(prot).withState(inferState(old, prot), true)
                .withVmFlags(accountAfter(old, prot)));
        protMemo[slot] = result + 1;
        return result;
    }

    /**
     * Linux's {@code mprotect_fixup}: a private mapping that becomes writable is charged ({@code VM_ACCOUNT})
     * unless it is shared or {@code MAP_NORESERVE}; an untouched anonymous one that stops being writable is
     * uncharged again (the model never faults pages in, so it counts every anonymous mapping as untouched).
     */
    static int accountAfter(Attr old, int prot) {
        int flags = old.vmFlags();
        boolean writable = (prot & Prot.WRITE) != 0;
        if (writable) {
            if ((old.prot() & Prot.WRITE) == 0 && (flags & (Attr.ACCOUNT | Attr.NORESERVE)) == 0 && !old.shared()) {
                flags |= Attr.ACCOUNT;
            }
        } else if ((flags & Attr.ACCOUNT) != 0 && old.anonymous()) {
            flags &= ~Attr.ACCOUNT;
        }
        return flags;
    }

    /** The state a raw call leaves: PROT_NONE anonymous → Reserved, accessible anonymous → Ready, else Unknown. */
    public static RegionState inferState(Attr attr, int prot) {
        if (!attr.anonymous()) {
            return RegionState.UNKNOWN;
        }
        return prot == Prot.NONE ? RegionState.RESERVED : RegionState.READY;
    }
}
