package org.vmatlas.sources.scenario;

import java.util.List;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.internal.scenario.Instruction;

/**
 * A parsed scenario script (format: {@code docs/scenarios.md} and the package documentation): its
 * title, the personalities it is written for, its steps and the lines that could not be parsed. A
 * scenario with problems is shown to the user with them and is not run.
 */
public final class Scenario {

    /**
     * The most calls one run may make (every line and every repetition counted), or twice the session's
     * {@code vm.max_map_count} where that is more: a bound checked before anything is allocated, so that
     * {@code repeat 10000000 ...} is a reported mistake, not an exhausted heap.
     */
    public static final long MAX_CALLS = 100_000;

    private final String name;
    private final String title;
    private final List<String> personalities;
    private final List<ScenarioStep> steps;
    private final List<Instruction> instructions;
    private final List<ParseProblem> problems;

    Scenario(String name, String title, List<String> personalities, List<ScenarioStep> steps,
            List<Instruction> instructions, List<ParseProblem> problems) {
        if (steps.size() != instructions.size()) {
            throw new IllegalArgumentException(steps.size() + " steps but " + instructions.size() + " instructions");
        }
        this.name = name;
        this.title = title;
        this.personalities = List.copyOf(personalities);
        this.steps = List.copyOf(steps);
        this.instructions = List.copyOf(instructions);
        this.problems = List.copyOf(problems);
    }

    /** The file or resource name. */
    public String name() {
        return name;
    }

    /** The {@code lesson} line's title, or the name. */
    public String title() {
        return title;
    }

    /** Lower-case personality names of the {@code for} line ({@code linux}, {@code aix}, {@code netbsd}); empty = any. */
    public List<String> personalities() {
        return personalities;
    }

    public List<ScenarioStep> steps() {
        return steps;
    }

    public List<ParseProblem> problems() {
        return problems;
    }

    public boolean runnable() {
        return problems.isEmpty();
    }

    List<Instruction> instructions() {
        return instructions;
    }
}
