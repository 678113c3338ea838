package org.vmatlas.ui.internal.scenario;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.scenario.Lessons;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.sources.scenario.ScenarioParser;
import org.vmatlas.ui.internal.Messages;

/** Where scenarios come from: the shipped lessons and users' script files. */
public final class ScenarioFiles {

    /** Scripts are a few hundred lines; anything this large is not one. */
    private static final long MAX_BYTES = 4L << 20;

    private ScenarioFiles() {
    }

    /** Every shipped lesson, parsed, in the index's order. */
    public static List<Scenario> lessons() {
        return Lessons.all();
    }

    /** Reads and parses a script; a file that cannot be read throws with a message naming it and why. */
    public static Scenario read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(NLS.bind(Messages.scenario_readFailed, file,
                        Files.size(file) + " bytes is too large for a scenario script"));
            }
            return ScenarioParser.parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.scenario_readFailed, file, "not UTF-8 text"), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.scenario_readFailed, file, e.getMessage()), e);
        }
    }

    /** The scenario's parse problems as lines for the user: {@code line 7: reason: "text"}. */
    public static String problems(Scenario scenario) {
        List<String> lines = new ArrayList<>();
        lines.add(NLS.bind(Messages.scenario_problems, scenario.name(), scenario.problems().size()));
        for (ParseProblem problem : scenario.problems()) {
            lines.add("line " + problem.line() + ": " + problem.reason() + ": \"" + problem.text() + "\"");
        }
        return String.join("\n", lines);
    }
}
