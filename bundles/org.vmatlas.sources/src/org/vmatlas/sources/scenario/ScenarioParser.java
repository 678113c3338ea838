package org.vmatlas.sources.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.Printable;
import org.vmatlas.sources.internal.scenario.Instruction;
import org.vmatlas.sources.internal.scenario.LineParser;

/**
 * Reads scenario scripts. Every line is parsed even after a bad one, so that the user sees all
 * mistakes at once, each with its line number and reason.
 */
public final class ScenarioParser {

    private ScenarioParser() {
    }

    public static Scenario parse(String text, String name) {
        String title = name;
        List<String> personalities = new ArrayList<>();
        List<ScenarioStep> steps = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        long calls = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            try {
                if (stripped.startsWith("lesson ")) {
                    title = Printable.escape(stripped.substring(7).strip());
                    continue;
                }
                if (stripped.startsWith("for ")) {
                    for (String p : stripped.substring(4).strip().split("\\s+")) {
                        String lower = p.toLowerCase(Locale.ROOT);
                        if (!List.of("linux", "aix", "netbsd").contains(lower)) {
                            throw new IllegalArgumentException("unknown personality '" + p + "' (use linux, aix, netbsd)");
                        }
                        personalities.add(lower);
                    }
                    continue;
                }
                Instruction instruction = LineParser.parse(line);
                if (instruction != null) {
                    long before = calls;
                    calls += calls(instruction);
                    if (calls > Scenario.MAX_CALLS && before <= Scenario.MAX_CALLS) {
                        problems.add(new ParseProblem(name, i + 1, stripped, "the script makes more than "
                                + Scenario.MAX_CALLS + " calls (this line brings it to " + calls + ")"));
                    }
                    steps.add(new ScenarioStep(i + 1, Printable.escape(stripped)));
                    instructions.add(instruction);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ParseProblem(name, i + 1, stripped, e.getMessage()));
            }
        }
        return new Scenario(name, title, personalities, steps, instructions, problems);
    }

    /** Calls a line makes: a repeat's constant count (checked here) or 1 until the runner knows it. */
    private static long calls(Instruction instruction) {
        return switch (instruction) {
            case Instruction.Repeat r -> {
                Long count = r.count().constant();
                if (count != null && (count < 1 || count > Scenario.MAX_CALLS)) {
                    throw new IllegalArgumentException("repeat count " + count + " is outside 1.." + Scenario.MAX_CALLS);
                }
                yield count == null ? 1 : count;
            }
            case Instruction.Only o -> calls(o.body());
            case Instruction.Memfd m -> 2;
            case Instruction.Say s -> 0;
            case Instruction.Expect e -> 0;
            default -> 1;
        };
    }
}
