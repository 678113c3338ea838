package org.vmatlas.sources.internal.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;

/**
 * Parses one scenario line into an {@link Instruction}; any mistake is an
 * {@link IllegalArgumentException} whose message is the reason (the caller adds the line number).
 */
public final class LineParser {

    private LineParser() {
    }

    public static Instruction parse(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("#")) {
            String comment = trimmed.substring(1).strip();
            return comment.startsWith("say:") ? new Instruction.Say(comment.substring(4).strip()) : null;
        }
        int hash = trimmed.indexOf(" #");
        if (hash >= 0) {
            trimmed = trimmed.substring(0, hash).strip();
        }
        if (trimmed.isEmpty()) {
            return null;
        }
        List<String> w = List.of(trimmed.split("\\s+"));
        int on = w.lastIndexOf("on");
        if (on > 0 && !w.getFirst().equals("expect")) {
            Set<String> only = ExpectParser.personalities(w.subList(on + 1, w.size()));
            return new Instruction.Only(only, words(w.subList(0, on)));
        }
        return words(w);
    }

    static Instruction words(List<String> w) {
        String verb = w.getFirst().toLowerCase(Locale.ROOT);
        Words args = new Words(verb, w.subList(1, w.size()));
        return switch (verb) {
            case "mmap" -> mmap(args, null);
            case "map" -> mmap(args, Expr.parse(args.next("address")));
            case "reserve" -> reserve(args);
            case "unmap" -> range(args, Instruction.RangeKind.UNMAP);
            case "protect" -> range(args, Instruction.RangeKind.PROTECT);
            case "advise" -> range(args, Instruction.RangeKind.ADVISE);
            case "remap" -> remap(args);
            case "dup" -> dup(args);
            case "memfd" -> args.done(new Instruction.Memfd(name(args.next("name")), Expr.parse(args.next("size"))));
            case "go" -> go(args);
            case "expect" -> ExpectParser.expect(args);
            case "repeat" -> repeat(w);
            case "fork" -> args.done(new Instruction.Fork());
            default -> throw new IllegalArgumentException("unknown command '" + w.getFirst()
                    + "' (use mmap, map, reserve, unmap, protect, advise, remap, dup, memfd, go, fork, expect, repeat)");
        };
    }

    private static Instruction mmap(Words a, Expr fixedAt) {
        Expr size = Expr.parse(a.next("size"));
        int prot = Prot.parse(a.next("protection"));
        Expr at = fixedAt;
        int flags = MapFlags.PRIVATE | MapFlags.ANONYMOUS | (fixedAt != null ? MapFlags.FIXED : 0);
        String fd = null;
        Expr offset = null;
        int max = -1;
        String bind = null;
        while (a.more()) {
            String option = a.next("option");
            switch (option) {
                case "at" -> at = Expr.parse(a.next("address after 'at'"));
                case "fixed" -> flags = (flags & ~MapFlags.FIXED_NOREPLACE) | MapFlags.FIXED;
                case "noreplace" -> flags = (flags & ~MapFlags.FIXED) | MapFlags.FIXED_NOREPLACE;
                case "hint" -> flags &= ~(MapFlags.FIXED | MapFlags.FIXED_NOREPLACE);
                case "shared" -> flags = (flags & ~MapFlags.PRIVATE) | MapFlags.SHARED;
                case "noreserve" -> flags |= MapFlags.NORESERVE;
                case "fd" -> {
                    fd = name(a.next("descriptor name after 'fd'"));
                    flags &= ~MapFlags.ANONYMOUS;
                }
                case "offset" -> offset = Expr.parse(a.next("offset"));
                case "max" -> max = Prot.parse(a.next("maximum protection after 'max'"));
                case "as" -> bind = name(a.next("name after 'as'"));
                default -> throw new IllegalArgumentException("unknown mmap option '" + option
                        + "' (use at, fixed, noreplace, hint, shared, noreserve, fd, offset, max, as)");
            }
        }
        return new Instruction.Mmap(size, prot, at, flags, fd, offset, max, bind);
    }

    private static Instruction reserve(Words a) {
        Expr size = Expr.parse(a.next("size"));
        Expr at = null;
        String bind = null;
        while (a.more()) {
            String option = a.next("option");
            switch (option) {
                case "at" -> at = Expr.parse(a.next("address after 'at'"));
                case "as" -> bind = name(a.next("name after 'as'"));
                default -> throw new IllegalArgumentException("unknown reserve option '" + option + "' (use at, as)");
            }
        }
        if (bind == null) {
            throw new IllegalArgumentException("reserve needs 'as NAME' so later lines can use the range");
        }
        return new Instruction.Reserve(size, at, bind);
    }

    private static Instruction range(Words a, Instruction.RangeKind kind) {
        Expr address = Expr.parse(a.next("address"));
        Expr size = Expr.parse(a.next("size"));
        int prot = kind == Instruction.RangeKind.PROTECT ? Prot.parse(a.next("protection")) : 0;
        Advice advice = kind == Instruction.RangeKind.ADVISE ? advice(a.next("advice")) : null;
        return a.done(new Instruction.Range(kind, address, size, prot, advice));
    }

    private static Instruction remap(Words a) {
        Expr address = Expr.parse(a.next("address"));
        Expr oldSize = Expr.parse(a.next("old size"));
        Expr newSize = Expr.parse(a.next("new size"));
        int flags = 0;
        Expr to = null;
        String bind = null;
        while (a.more()) {
            String option = a.next("option");
            switch (option) {
                case "maymove" -> flags |= RemapFlags.MAYMOVE;
                case "dontunmap" -> flags |= RemapFlags.DONTUNMAP;
                case "remapdup" -> flags |= RemapFlags.REMAPDUP;
                case "to" -> {
                    to = Expr.parse(a.next("address after 'to'"));
                    flags |= RemapFlags.FIXED | RemapFlags.MAYMOVE;
                }
                case "as" -> bind = name(a.next("name after 'as'"));
                default -> throw new IllegalArgumentException("unknown remap option '" + option
                        + "' (use maymove, dontunmap, remapdup, to, as)");
            }
        }
        return new Instruction.Remap(address, oldSize, newSize, flags, to, bind);
    }

    private static Instruction dup(Words a) {
        String source = name(a.next("name of the mapping to duplicate"));
        a.expect("as");
        String bind = name(a.next("name after 'as'"));
        Expr size = null;
        if (a.more()) {
            a.expect("size");
            size = Expr.parse(a.next("size"));
        }
        return a.done(new Instruction.Dup(source, size, bind));
    }

    private static Instruction go(Words a) {
        String op = a.next("Go operation");
        if (op.equals("sysReserve")) {
            return reserve(a);
        }
        Instruction.RangeKind kind = switch (op) {
            case "sysMap" -> Instruction.RangeKind.SYS_MAP;
            case "sysUsed" -> Instruction.RangeKind.SYS_USED;
            case "sysUnused" -> Instruction.RangeKind.SYS_UNUSED;
            case "sysFree" -> Instruction.RangeKind.SYS_FREE;
            case "sysFault" -> Instruction.RangeKind.SYS_FAULT;
            default -> throw new IllegalArgumentException("unknown Go operation '" + op
                    + "' (use sysReserve, sysMap, sysUsed, sysUnused, sysFree, sysFault)");
        };
        return range(a, kind);
    }

    private static Instruction repeat(List<String> w) {
        if (w.size() < 3) {
            throw new IllegalArgumentException("repeat needs a count and a command: repeat 100 protect buf+@i*8K 4K none");
        }
        Expr count = Expr.parse(w.get(1));
        Instruction body = words(w.subList(2, w.size()));
        if (body instanceof Instruction.Repeat || body instanceof Instruction.Expect) {
            throw new IllegalArgumentException("repeat takes a call, not '" + w.get(2) + "'");
        }
        return new Instruction.Repeat(count, body);
    }

    private static Advice advice(String text) {
        String name = text.toUpperCase(Locale.ROOT).replaceFirst("^MADV_", "");
        return Arrays.stream(Advice.values()).filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown advice '" + text + "' (use "
                        + Arrays.stream(Advice.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList() + ")"));
    }

    static String name(String text) {
        if (!text.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("'" + text + "' is not a name (letters, digits, '_' and '.')");
        }
        return text;
    }
}
