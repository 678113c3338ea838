package org.vmatlas.sources.internal.scenario;

import java.util.List;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;

/** Checks an {@code expect} line against the last event and the address space; {@code null} = met, else why not. */
public final class Expectations {

    private Expectations() {
    }

    /**
     * @param step the events of the previous step (a {@code repeat} makes many): answers are judged on the
     *             last, conflicts on all of them
     */
    public static String check(Instruction.Expect e, List<Event> step, AddressSpace space, Bindings env) {
        Event last = step.isEmpty() ? null : step.getLast();
        switch (e.kind()) {
            case OK, ERROR, ERRNO, CONFLICT, NO_CONFLICT -> {
                if (last == null || last.result() == null) {
                    return "there is no call before this line to check";
                }
                String got = last.result().describe();
                return switch (e.kind()) {
                    case OK -> last.result().isOk() ? null : "expected success, got " + got;
                    case ERROR -> last.result().isOk() ? "expected an error, got " + got : null;
                    case ERRNO -> last.result().errnoOrNull() != null
                            && last.result().errnoOrNull().name().equals(e.value()) ? null
                            : "expected " + e.value() + ", got " + got;
                    case CONFLICT -> step.stream().flatMap(ev -> ev.conflicts().stream())
                            .anyMatch(c -> c.kind().name().equals(e.value())) ? null
                            : "expected a " + e.value() + " conflict, got " + conflicts(step);
                    default -> step.stream().allMatch(ev -> ev.conflicts().isEmpty()) ? null
                            : "expected no conflict, got " + conflicts(step);
                };
            }
            case CAVEAT, NO_CAVEAT -> throw new IllegalArgumentException("fork caveats are checked by the runner");
            default -> {
                long address = e.address().value(env);
                Region r = space.regionAt(address);
                String at = "0x" + Long.toHexString(address);
                return switch (e.kind()) {
                    case FREE -> r == null ? null : "expected " + at + " free, it is mapped " + r;
                    case PROT -> r == null ? "expected " + at + " mapped " + Prot.letters(e.prot()) + ", it is free"
                            : r.prot() == e.prot() ? null
                            : "expected " + at + " " + Prot.letters(e.prot()) + ", it is " + Prot.letters(r.prot());
                    default -> r == null ? "expected " + at + " " + e.value() + ", it is free"
                            : r.state().name().equals(e.value()) ? null
                            : "expected " + at + " " + e.value() + ", it is " + r.state();
                };
            }
        }
    }

    private static String conflicts(List<Event> step) {
        List<String> kinds = step.stream().flatMap(ev -> ev.conflicts().stream()).map(Conflict::kind).map(Enum::name)
                .distinct().toList();
        return kinds.isEmpty() ? "none" : kinds.toString();
    }
}
