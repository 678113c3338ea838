package org.vmatlas.sources.internal.scenario;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.vmatlas.syscall.Prot;

/** Parses {@code expect ...} lines and {@code on PERSONALITY...} suffixes of scenario scripts. */
final class ExpectParser {

    private static final Set<String> PERSONALITIES = Set.of("linux", "aix", "netbsd");

    private ExpectParser() {
    }

    /** {@code linux aix netbsd}: the lower-case names, checked. */
    static Set<String> personalities(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("'on' needs personalities (linux, aix, netbsd)");
        }
        Set<String> on = new LinkedHashSet<>();
        for (String name : names) {
            String p = name.toLowerCase(Locale.ROOT);
            if (!PERSONALITIES.contains(p)) {
                throw new IllegalArgumentException("unknown personality '" + name + "' (use linux, aix, netbsd)");
            }
            on.add(p);
        }
        return on;
    }

    static Instruction expect(Words a) {
        String what = a.next("what to expect");
        Instruction.ExpectKind kind;
        String value = null;
        Expr address = null;
        int prot = 0;
        switch (what.toLowerCase(Locale.ROOT)) {
            case "ok" -> kind = Instruction.ExpectKind.OK;
            case "error" -> kind = Instruction.ExpectKind.ERROR;
            case "conflict" -> {
                kind = Instruction.ExpectKind.CONFLICT;
                value = a.next("conflict kind").toUpperCase(Locale.ROOT);
            }
            case "noconflict" -> kind = Instruction.ExpectKind.NO_CONFLICT;
            case "caveat" -> kind = Instruction.ExpectKind.CAVEAT;
            case "nocaveat" -> kind = Instruction.ExpectKind.NO_CAVEAT;
            case "prot" -> {
                kind = Instruction.ExpectKind.PROT;
                address = Expr.parse(a.next("address"));
                prot = Prot.parse(a.next("protection"));
            }
            case "free" -> {
                kind = Instruction.ExpectKind.FREE;
                address = Expr.parse(a.next("address"));
            }
            case "state" -> {
                kind = Instruction.ExpectKind.STATE;
                address = Expr.parse(a.next("address"));
                value = a.next("state").toUpperCase(Locale.ROOT);
            }
            default -> {
                if (!what.matches("E[A-Z0-9]+")) {
                    throw new IllegalArgumentException("expect what? '" + what
                            + "' (use ok, error, an errno such as EEXIST, conflict KIND, noconflict, prot, free, state, caveat, nocaveat)");
                }
                kind = Instruction.ExpectKind.ERRNO;
                value = what;
            }
        }
        Set<String> on = Set.of();
        if (a.more()) {
            a.expect("on");
            List<String> rest = new java.util.ArrayList<>();
            while (a.more()) {
                rest.add(a.next("personality"));
            }
            on = personalities(rest);
        }
        return new Instruction.Expect(kind, value, address, prot, on);
    }
}
