package org.vmatlas.sources.internal.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * The names a running scenario has bound: mappings (address and length, from {@code as NAME}) and
 * descriptors ({@code memfd NAME}). Implements {@link Expr.Env} for the expressions of later lines.
 */
public final class Bindings implements Expr.Env {

    private record Range(long address, long length) {
    }

    private final Map<String, Range> ranges = new HashMap<>();
    private final Map<String, Integer> descriptors = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    /** The built-in name of {@code vm.max_map_count} as the session knows it. */
    public static final String MAP_LIMIT = "map_limit";
    /**
     * The built-in name of a quiet place to work: the sandbox arena's first byte in a native session, else
     * an address far below where the simulated kernels place unhinted mappings.
     */
    public static final String ARENA = "arena";
    /** {@link #ARENA} on a simulated kernel: free, far below its top-down placements. */
    public static final long SIMULATED_ARENA = 0x200000000L;

    private final long pageSize;
    private final long mapLimit;
    private final long arena;
    private long counter;

    public Bindings(long pageSize, long mapLimit) {
        this(pageSize, mapLimit, SIMULATED_ARENA);
    }

    public Bindings(long pageSize, long mapLimit, long arena) {
        this.pageSize = pageSize;
        this.mapLimit = mapLimit;
        this.arena = arena;
    }

    public void bind(String name, long address, long length) {
        ranges.put(name, new Range(address, length));
        failures.remove(name);
    }

    /** Records that the call meant to bind {@code name} failed, for a clear message when it is used. */
    public void failed(String name, String why) {
        ranges.remove(name);
        failures.put(name, why);
    }

    public void bindDescriptor(String name, int fd) {
        descriptors.put(name, fd);
    }

    public int descriptor(String name) {
        Integer fd = descriptors.get(name);
        if (fd == null) {
            throw new IllegalStateException("no descriptor named '" + name + "' (make it with 'memfd " + name + " SIZE')");
        }
        return fd;
    }

    @Override
    public long address(String name) {
        return range(name).address;
    }

    public long length(String name) {
        return range(name).length;
    }

    private Range range(String name) {
        Range r = ranges.get(name);
        if (r == null && name.equals(MAP_LIMIT)) {
            return new Range(mapLimit, 0);
        }
        if (r == null && name.equals(ARENA)) {
            return new Range(arena, 0);
        }
        if (r == null) {
            String why = failures.get(name);
            throw new IllegalStateException(why != null ? "'" + name + "' is not bound: " + why
                    : "'" + name + "' is not bound (no earlier line says 'as " + name + "')");
        }
        return r;
    }

    public void counter(long value) {
        counter = value;
    }

    @Override
    public long counter() {
        return counter;
    }

    @Override
    public long pageSize() {
        return pageSize;
    }
}
