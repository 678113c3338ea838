package org.vmatlas.sources.internal.scenario;

import org.vmatlas.model.Call;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;

/** Turns a resolved instruction into the model call it stands for; personality-dependent where the systems differ. */
public final class Calls {

    private Calls() {
    }

    /** The call of {@code i} (not {@link Instruction.Memfd}, which is two calls, nor expectations). */
    public static Call of(Instruction i, Bindings env, Personality personality) {
        return switch (i) {
            case Instruction.Mmap m -> new Call.Mmap(m.at() == null ? 0 : m.at().value(env), m.size().value(env),
                    m.prot() | (m.maxProt() >= 0 ? Prot.mprotectMax(m.maxProt()) : 0), m.flags(),
                    m.fd() == null ? -1 : env.descriptor(m.fd()), m.offset() == null ? 0 : m.offset().value(env),
                    m.bind());
            case Instruction.Reserve r -> new Call.SysReserve(r.at() == null ? 0 : r.at().value(env),
                    r.size().value(env), r.bind());
            case Instruction.Range r -> range(r, env);
            case Instruction.Remap r -> new Call.Mremap(r.address().value(env), r.oldSize().value(env),
                    r.newSize().value(env), r.flags(), r.to() == null ? 0 : r.to().value(env));
            case Instruction.Dup d -> dup(d, env, personality);
            default -> throw new IllegalArgumentException("no single call for " + i);
        };
    }

    private static Call range(Instruction.Range r, Bindings env) {
        long a = r.address().value(env);
        long n = r.size().value(env);
        return switch (r.kind()) {
            case UNMAP -> new Call.Munmap(a, n);
            case PROTECT -> new Call.Mprotect(a, n, r.prot());
            case ADVISE -> new Call.Madvise(a, n, r.advice());
            case SYS_MAP -> new Call.SysMap(a, n);
            case SYS_USED -> new Call.SysUsed(a, n);
            case SYS_UNUSED -> new Call.SysUnused(a, n);
            case SYS_FREE -> new Call.SysFree(a, n);
            case SYS_FAULT -> new Call.SysFault(a, n);
        };
    }

    /**
     * A second mapping of the same pages (seed 003): NetBSD {@code mremap(old, n, NULL, n, MAP_REMAPDUP)};
     * Linux {@code mremap(old, 0, n, MREMAP_MAYMOVE)} of a shared mapping; AIX has no way (its kernel says so).
     */
    private static Call dup(Instruction.Dup d, Bindings env, Personality personality) {
        long address = env.address(d.source());
        long size = d.size() != null ? d.size().value(env) : env.length(d.source());
        if (personality == Personality.NETBSD) {
            return new Call.Mremap(address, size, size, RemapFlags.REMAPDUP, 0);
        }
        return new Call.Mremap(address, 0, size, RemapFlags.MAYMOVE, 0);
    }

    /** The length a call's result should be bound with. */
    public static long boundLength(Instruction i, Bindings env) {
        return switch (i) {
            case Instruction.Mmap m -> m.size().value(env);
            case Instruction.Reserve r -> r.size().value(env);
            case Instruction.Remap r -> r.newSize().value(env);
            case Instruction.Dup d -> d.size() != null ? d.size().value(env) : env.length(d.source());
            default -> 0;
        };
    }

    /** The name a call binds, or {@code null}. */
    public static String bindName(Instruction i) {
        return switch (i) {
            case Instruction.Mmap m -> m.bind();
            case Instruction.Reserve r -> r.bind();
            case Instruction.Remap r -> r.bind();
            case Instruction.Dup d -> d.bind();
            default -> null;
        };
    }
}
