package org.vmatlas.sources.internal.scenario;

import java.util.Set;

import org.vmatlas.syscall.Advice;

/** One parsed scenario line, names and expressions not yet resolved (the runner resolves them). */
public sealed interface Instruction {

    /** {@code mmap SIZE PROT [at ADDR] [fixed|noreplace] [shared] [noreserve] [fd NAME] [offset SIZE] [max PROT] [as NAME]}, and {@code map ADDR SIZE PROT ...}. */
    record Mmap(Expr size, int prot, Expr at, int flags, String fd, Expr offset, int maxProt, String bind)
            implements Instruction {
    }

    /** {@code reserve SIZE [at ADDR] as NAME} and {@code go sysReserve ...}: None → Reserved. */
    record Reserve(Expr size, Expr at, String bind) implements Instruction {
    }

    /** The calls on a range: {@code unmap}, {@code protect}, {@code advise} and Go's transitions. */
    record Range(RangeKind kind, Expr address, Expr size, int prot, Advice advice) implements Instruction {
    }

    enum RangeKind { UNMAP, PROTECT, ADVISE, SYS_MAP, SYS_USED, SYS_UNUSED, SYS_FREE, SYS_FAULT }

    /** {@code remap ADDR OLD NEW [maymove] [dontunmap] [to ADDR] [as NAME]}. */
    record Remap(Expr address, Expr oldSize, Expr newSize, int flags, Expr to, String bind) implements Instruction {
    }

    /** {@code dup NAME as NEW [size SIZE]}: a second mapping of the same pages, the personality's way. */
    record Dup(String source, Expr size, String bind) implements Instruction {
    }

    /** {@code memfd NAME SIZE}: {@code memfd_create} and {@code ftruncate}; NAME then names the descriptor. */
    record Memfd(String name, Expr size) implements Instruction {
    }

    /** {@code expect ...}: checks the previous call's answer or the address space; {@code on} limits it to personalities. */
    record Expect(ExpectKind kind, String value, Expr address, int prot, Set<String> on) implements Instruction {
    }

    enum ExpectKind { OK, ERROR, ERRNO, CONFLICT, NO_CONFLICT, PROT, FREE, STATE, CAVEAT, NO_CAVEAT }

    /** {@code fork}: what a child would inherit, told as caveats (simulated kernels only); the session stays the parent. */
    record Fork() implements Instruction {
    }

    /** {@code # say: text}: narration for whoever watches the lesson. */
    record Say(String text) implements Instruction {
    }

    /** {@code repeat N LINE}: LINE run N times with {@code @i} counting from 0; N may use names ({@code map_limit}). */
    record Repeat(Expr count, Instruction body) implements Instruction {
    }

    /** {@code LINE on aix netbsd}: a call made only on the personalities named. */
    record Only(Set<String> personalities, Instruction body) implements Instruction {
    }
}
