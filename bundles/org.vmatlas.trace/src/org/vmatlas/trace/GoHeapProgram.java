package org.vmatlas.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;

/**
 * The program of the lesson "Go heap, for real": a small Go program shipped as source in this bundle
 * ({@code goheap/main.go}) that grows its heap by 64 MiB, gives it back ({@code debug.FreeOSMemory}) and grows it
 * by 32 MiB again, printing each phase ({@link #PHASES}) and waiting for a line on its input before the next. It is
 * built with the {@code go} found on the search path into a cache folder of the caller's choosing (built again only
 * when the source changed), so that it can be traced live and its runtime's transitions watched.
 */
public final class GoHeapProgram {

    /** Where the Go runtime asks for its first heap arena on 64-bit Linux. */
    public static final long ARENA_HINT = 0xc000000000L;
    /** The heap's arenas grow upwards from the hint; a small program's stay well within these 4 GiB. */
    public static final long ARENA_REACH = 1L << 32;
    /** The lines the program prints, in order; it waits for a line of input after each but the last. */
    public static final List<String> PHASES = List.of("started", "grown", "freed", "grown again", "done");
    /** How a user gets {@code go} on Debian and Ubuntu. */
    public static final String INSTALL = "apt-get install golang-go";

    private static final String SOURCE = "goheap/main.go";
    private static final long BUILD_SECONDS = 300;

    private GoHeapProgram() {
    }

    /** The {@code go} command in one of {@code searchPath}'s folders (a {@code PATH} value), or {@code null}. */
    public static Path findGo(String searchPath) {
        if (searchPath == null) {
            return null;
        }
        for (String folder : searchPath.split(":")) {
            if (folder.isEmpty()) {
                continue;
            }
            Path go = Path.of(folder, "go");
            if (Files.isRegularFile(go) && Files.isExecutable(go)) {
                return go;
            }
        }
        return null;
    }

    /** The program's Go source, as shipped. */
    public static String source() {
        try (InputStream in = GoHeapProgram.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Go program " + SOURCE + " is missing from the trace bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds the program with {@code go} into {@code cache} (module, Go's build cache and the program all inside it)
     * and returns the program; an unchanged source is not built again.
     *
     * @throws TraceException naming the folder and what {@code go build} said when it cannot be built
     */
    public static Path build(Path go, Path cache) throws TraceException {
        String source = source();
        Path program = cache.resolve("goheap");
        try {
            Files.createDirectories(cache);
            Path main = cache.resolve("main.go");
            if (Files.isExecutable(program) && Files.exists(main) && Files.readString(main).equals(source)) {
                return program;
            }
            Files.writeString(main, source);
            Files.writeString(cache.resolve("go.mod"), "module goheap\n\ngo 1.19\n");
            ProcessBuilder builder = new ProcessBuilder(go.toString(), "build", "-o", program.toString(), ".")
                    .directory(cache.toFile()).redirectErrorStream(true);
            builder.environment().putAll(Map.of("GOCACHE", cache.resolve("gocache").toString(), "GOPATH",
                    cache.resolve("gopath").toString(), "GOFLAGS", "-mod=mod", "GOTOOLCHAIN", "local"));
            Process build = builder.start();
            String said = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!build.waitFor(BUILD_SECONDS, TimeUnit.SECONDS)) {
                build.destroyForcibly();
                throw new TraceException("go build of the lesson's program in " + cache + " took more than "
                        + BUILD_SECONDS + " s");
            }
            if (build.exitValue() != 0) {
                throw new TraceException("go build of the lesson's program in " + cache + " failed: " + said);
            }
            return program;
        } catch (IOException e) {
            throw new TraceException("cannot build the lesson's Go program in " + cache + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TraceException("interrupted while building the lesson's Go program in " + cache);
        }
    }

    /** Bytes of the Go heap (regions within {@link #ARENA_REACH} of {@link #ARENA_HINT}) in each state, in the states' order. */
    public static Map<RegionState, Long> arenaStates(AddressSpace space) {
        Map<RegionState, Long> bytes = new EnumMap<>(RegionState.class);
        for (Region r : space.regions()) {
            long from = Math.max(r.start(), ARENA_HINT);
            long to = Math.min(r.start() + r.length(), ARENA_HINT + ARENA_REACH);
            if (from < to) {
                bytes.merge(r.state(), to - from, Long::sum);
            }
        }
        return bytes;
    }
}
