package org.vmatlas.app.internal.headless;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of {@code vmatlas --headless} as picocli reads them: typed, each value checked by its
 * converter, so that a bad one is refused before anything runs ({@code --pid 1.7} is no process id).
 * {@link HeadlessOptions#parse} turns picocli's errors into sentences and checks how options combine.
 */
@Command(name = "vmatlas --headless", sortOptions = false, usageHelpWidth = 100, synopsisHeading = "",
    customSynopsis = {
    "Usage: vmatlas --headless (--scenario NAME|FILE | --strace FILE | --pid PID [--seconds N]",
    "                           | --trace-pid PID [--seconds N] | --trace -- CMD [ARG]...)",
    "                          [--personality NAME [--arena MIB]] (--out FILE)... [--events FILE]",
    "                          [--width W] [--height H]",
    "       vmatlas --headless --compare-owners PID1 PID2",
    "       vmatlas --headless --list | --help" },
        description = "Renders a scenario, an strace log, a live process or a program traced live to files, without a window.",
        footer = { "", "Exit status: 0 done, 1 bad input (the message names what and why), 2 internal error (details in the log file)." })
public final class HeadlessCommand {

    /** The largest pid Linux hands out ({@code PID_MAX_LIMIT} on 64-bit kernels). */
    static final long PID_MAX = 4_194_304;

    @Option(names = "--headless", hidden = true)
    boolean headless;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "print this help")
    boolean help;

    @Option(names = "--list", description = "print the shipped lessons")
    boolean list;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "a shipped lesson (see --list) or a scenario script file")
    String scenario;

    @Option(names = "--strace", paramLabel = "FILE", description = "an strace log (strace -f -tt -e trace=memory -o FILE ...), replayed")
    String strace;

    @Option(names = "--pid", paramLabel = "PID", converter = Pid.class, description = "a live process: its /proc/PID/maps")
    Long pid;

    @Option(names = "--compare-owners", arity = "2", paramLabel = "PID", converter = Pid.class,
            description = "two live processes (or one process twice) compared by type and owner, not by address")
    List<Long> compareOwners;

    @Option(names = "--trace", description = "run CMD (after --) under strace and follow its address spaces until it exits")
    boolean trace;

    @Option(names = "--trace-pid", paramLabel = "PID", converter = Pid.class,
            description = "attach strace to a running process; detach after --seconds N (default: when it exits)")
    Long tracePid;

    @Option(names = "--seconds", paramLabel = "N", converter = Seconds.class,
            description = "with --pid: poll for N seconds (default 0: one reading); with --trace-pid: trace for N seconds")
    double seconds;

    @picocli.CommandLine.Parameters(paramLabel = "CMD", description = "with --trace: the program and its arguments, after --")
    List<String> command = new ArrayList<>();

    @Option(names = "--personality", paramLabel = "NAME", converter = PersonalityName.class,
            description = "linux (default), aix, netbsd or native")
    String personality = "linux";

    @Option(names = "--out", paramLabel = "FILE", description = "the map as PNG or SVG, the regions as CSV or JSON (repeatable)")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--events", paramLabel = "FILE", description = "the timeline's events as CSV or JSON")
    String events;

    @Option(names = "--width", paramLabel = "W", converter = Width.class, description = "map width in pixels, 200 to 16384 (default 1600)")
    int width = 1600;

    @Option(names = "--height", paramLabel = "H", converter = Height.class, description = "map height in pixels, 100 to 16384 (default 600)")
    int height = 600;

    @Option(names = "--arena", paramLabel = "MIB", converter = ArenaMiB.class,
            description = "with --personality native: the sandbox arena in MiB, 16 to 1048576 (default 1024)")
    long arenaMiB = 1024;

    /** The help text, as {@code --help} prints it. */
    public static String usage() {
        return new CommandLine(new HeadlessCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** {@code --pid}: a whole number from 1 to {@link #PID_MAX}. */
    public static final class Pid implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return whole(value, 1, PID_MAX, "must be a process id, got ");
        }
    }

    /** {@code --width}: bounded so that the image is allocated only for a sane size. */
    public static final class Width implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 200, 16_384, "must be a whole number of pixels from 200 to 16384, got ");
        }
    }

    /** {@code --height}: as {@link Width}, from 100. */
    public static final class Height implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 100, 16_384, "must be a whole number of pixels from 100 to 16384, got ");
        }
    }

    /** {@code --arena}: address space only ({@code MAP_NORESERVE}), from 16 MiB to 1 TiB, as in the preferences. */
    public static final class ArenaMiB implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return whole(value, 16, 1L << 20, "must be a whole number of MiB from 16 to 1048576, got ");
        }
    }

    /** {@code --seconds}: from 0 to a day. */
    public static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double seconds = Double.parseDouble(value.strip());
                if (seconds >= 0 && seconds <= 86_400) {
                    return seconds;
                }
            } catch (NumberFormatException e) {
                // told below
            }
            throw new TypeConversionException("must be a number of seconds from 0 to 86400, got " + Printable.of(value));
        }
    }

    /** {@code --personality}: one of the simulated systems, or the native kernel. */
    public static final class PersonalityName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (!List.of("linux", "aix", "netbsd", "native").contains(lower)) {
                throw new TypeConversionException("must be linux, aix, netbsd or native, got '" + Printable.of(value) + "'");
            }
            return lower;
        }
    }

    private static long whole(String value, long min, long max, String complaint) {
        if (value.matches("[0-9]{1,10}")) {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        }
        throw new TypeConversionException(complaint + Printable.of(value));
    }
}
