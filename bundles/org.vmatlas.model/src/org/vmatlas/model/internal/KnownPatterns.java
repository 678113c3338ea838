package org.vmatlas.model.internal;

import org.vmatlas.model.Call;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;

/**
 * Calls that replace live pages on purpose, as every real program does at start: recognised and named, so that
 * a view can show them without alarm and keep red for what means something. Each pattern is narrow: a fixed
 * mapping over pages of another object or allocation stays a conflict.
 * <ul>
 * <li><b>ld.so's zero-fill of a library's .bss</b>: the loader reserves a library's whole span with one mapping
 * of the file, maps each segment over it, then maps anonymous zero pages, fixed, over the rest of the last
 * writable segment and beyond. Only pages of that one library are replaced, and the page just below belongs
 * to the library's writable segment.</li>
 * </ul>
 */
final class KnownPatterns {

    /**
     * How a source that knows each thread's stack (a live trace reads it from {@code clone3}) labels the pages a
     * thread maps at the bottom of its own stack: {@code guard pages of thread 27907's stack}.
     */
    static final String STACK_GUARD = "guard pages of thread ";

    private KnownPatterns() {
    }

    /** The name of the pattern a fixed {@code mmap} over live pages follows, or {@code null} when it follows none. */
    static String fixedMapping(VmaCore core, Call.Mmap m, long hi) {
        if ((m.flags() & MapFlags.SHARED) != 0) {
            return null;
        }
        if ((m.flags() & MapFlags.ANONYMOUS) != 0 && m.label() != null && m.label().startsWith(STACK_GUARD)) {
            return m.label();
        }
        if ((m.flags() & MapFlags.ANONYMOUS) != 0) {
            String bss = bssZeroFill(core, m.address(), hi);
            return bss != null ? bss : stackGuard(core, m, hi);
        }
        return m.label() != null && m.label().endsWith(".jsa") && onlyAnonymous(core, m.address(), hi)
                ? "JVM: the CDS archive's heap region mapped into the Java heap" : null;
    }

    /** Stack guards are a few pages; a larger fixed mapping over the bottom of an allocation is no guard. */
    private static final long MAX_GUARD = 16 * RuleSet.PAGE;

    private static String stackGuard(VmaCore core, Call.Mmap m, long hi) {
        long lo = m.address();
        Attr at = attrAt(core, lo);
        Attr top = attrAt(core, hi);
        Attr below = lo >= RuleSet.PAGE ? attrAt(core, lo - RuleSet.PAGE) : null;
        boolean allocationStartsHere = below == null || !below.kernelPart().equals(at == null ? null : at.kernelPart());
        if (hi - lo > MAX_GUARD || at == null || at.inode() != 0 || at.shared() || at.prot() != m.prot()
                || top == null || !top.kernelPart().equals(at.kernelPart()) || !allocationStartsHere
                || !onlyAnonymous(core, lo, hi)) {
            return null;
        }
        return "guard pages at the bottom of a thread's stack at " + ConflictDetector.hex(lo);
    }

    private static boolean onlyAnonymous(VmaCore core, long lo, long hi) {
        boolean[] anonymous = {true};
        core.forEach(lo, hi, (s, e, id) -> anonymous[0] &= Attrs.get(id).inode() == 0 && !Attrs.get(id).shared());
        return anonymous[0];
    }

    private static String bssZeroFill(VmaCore core, long lo, long hi) {
        if (lo < RuleSet.PAGE) {
            return null;
        }
        Attr below = attrAt(core, lo - RuleSet.PAGE);
        if (below == null || below.inode() == 0 || (below.prot() & Prot.WRITE) == 0) {
            return null;
        }
        boolean[] onlyThatFile = {true};
        core.forEach(lo, hi, (s, e, id) -> {
            Attr a = Attrs.get(id);
            if (a.prot() != Prot.NONE && (a.inode() != below.inode() || a.device() != below.device())) {
                onlyThatFile[0] = false;
            }
        });
        if (!onlyThatFile[0]) {
            return null;
        }
        String name = below.name();
        return "ld.so: zero-fill of " + name.substring(name.lastIndexOf('/') + 1) + "'s .bss";
    }

    private static Attr attrAt(VmaCore core, long address) {
        Attr[] found = {null};
        core.forEach(address, address + RuleSet.PAGE, (s, e, id) -> found[0] = Attrs.get(id));
        return found[0];
    }
}
