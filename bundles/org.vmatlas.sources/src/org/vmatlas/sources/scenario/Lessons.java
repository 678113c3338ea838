package org.vmatlas.sources.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons shipped in this bundle ({@code org/vmatlas/sources/scenario/lessons/*.vms}, listed in
 * order by {@code lessons/index.txt}): the seeds' cases as scenarios a user can step through and edit.
 */
public final class Lessons {

    private static final String DIR = "lessons/";

    private Lessons() {
    }

    /** The file names of the shipped lessons, in order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every shipped lesson, parsed. */
    public static List<Scenario> all() {
        return names().stream().map(Lessons::load).toList();
    }

    /** One shipped lesson by file name ({@code "go-heap-growth.vms"}). */
    public static Scenario load(String name) {
        return ScenarioParser.parse(read(name), name);
    }

    /** The text of a lesson, to show or to copy and edit. */
    public static String text(String name) {
        return read(name);
    }

    private static String read(String name) {
        if (name.contains("/") || name.contains("..")) {
            throw new IllegalArgumentException("a lesson name is a plain file name, not '" + name + "'");
        }
        try (InputStream in = Lessons.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalArgumentException("there is no lesson '" + name + "' in " + DIR);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lesson " + name, e);
        }
    }
}
