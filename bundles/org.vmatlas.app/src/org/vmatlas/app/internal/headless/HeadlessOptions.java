package org.vmatlas.app.internal.headless;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@code vmatlas --headless}: one source, one personality, outputs by extension.
 *
 * <pre>
 * vmatlas --headless (--scenario NAME|FILE | --strace FILE | --pid PID [--seconds N])
 *                    [--personality linux|aix|netbsd|native] --out FILE.png|svg|csv|json ...
 *                    [--events FILE.csv|json] [--width 1600] [--height 600]
 * </pre>
 */
public record HeadlessOptions(Source source, String input, String personality, double seconds, List<Path> outputs,
        Path events, int width, int height) {

    public enum Source { SCENARIO, STRACE, PID }

    public static final String USAGE = """
            usage: vmatlas --headless (--scenario NAME|FILE | --strace FILE | --pid PID [--seconds N])
                                      [--personality linux|aix|netbsd|native] --out FILE.(png|svg|csv|json)...
                                      [--events FILE.(csv|json)] [--width W] [--height H]
              --scenario  a shipped lesson (see --list) or a scenario script file
              --strace    an strace log (strace -f -tt -e trace=memory -o FILE ...), replayed
              --pid       a live process: its /proc/PID/maps, polled for --seconds (default 0: one reading)
              --out       the map as PNG or SVG, the regions as CSV or JSON (repeatable)
              --events    the timeline's events as CSV or JSON
              --list      print the shipped lessons""";

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message naming the bad one. */
    public static HeadlessOptions parse(String[] args) {
        Source source = null;
        String input = null;
        String personality = "linux";
        double seconds = 0;
        List<Path> outputs = new ArrayList<>();
        Path events = null;
        int width = 1600;
        int height = 600;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--headless" -> { }
                case "--scenario", "--strace", "--pid" -> {
                    if (source != null) {
                        throw new IllegalArgumentException("give one source, not both --" + source.name().toLowerCase(Locale.ROOT)
                                + " and " + arg);
                    }
                    source = Source.valueOf(arg.substring(2).toUpperCase(Locale.ROOT));
                    input = value(args, ++i, arg);
                }
                case "--personality" -> personality = checkedPersonality(value(args, ++i, arg));
                case "--seconds" -> seconds = number(value(args, ++i, arg), arg);
                case "--out" -> outputs.add(checkedOutput(Path.of(value(args, ++i, arg)), "png", "svg", "csv", "json"));
                case "--events" -> events = checkedOutput(Path.of(value(args, ++i, arg)), "csv", "json");
                case "--width" -> width = (int) number(value(args, ++i, arg), arg);
                case "--height" -> height = (int) number(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (source == null) {
            throw new IllegalArgumentException("no source: give --scenario, --strace or --pid");
        }
        if (outputs.isEmpty() && events == null) {
            throw new IllegalArgumentException("no output: give --out FILE (png, svg, csv, json) or --events FILE");
        }
        if (source == Source.PID) {
            number(input, "--pid");
        }
        return new HeadlessOptions(source, input, personality, seconds, List.copyOf(outputs), events,
                Math.max(200, width), Math.max(100, height));
    }

    /** The lower-case extension of a file name, or "". */
    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static double number(String text, String option) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + text + "'");
        }
    }

    private static String checkedPersonality(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!List.of("linux", "aix", "netbsd", "native").contains(lower)) {
            throw new IllegalArgumentException("unknown personality '" + name + "' (linux, aix, netbsd or native)");
        }
        return lower;
    }

    private static Path checkedOutput(Path file, String... extensions) {
        if (!List.of(extensions).contains(extension(file))) {
            throw new IllegalArgumentException("cannot write '" + file + "': the name must end in ."
                    + String.join(", .", extensions));
        }
        return file;
    }
}
