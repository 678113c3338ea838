package org.vmatlas.owners;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vmatlas.model.Region;

/**
 * Two classifications compared by type and owner, not by address, which randomisation makes meaningless
 * between runs: {@code libc.so.6 text: same}, {@code Java heap: +512 MiB committed}, {@code 3 new thread
 * stacks}. Thread stacks (and their guards) are counted together, since thread ids differ between processes.
 */
public final class OwnerComparison {

    /** What one owner holds in one classification. */
    public record Holding(long size, long committed, int regions) {
        static final Holding NONE = new Holding(0, 0, 0);

        Holding plus(Region r) {
            return new Holding(size + r.length(), committed + (r.prot() != 0 ? r.length() : 0), regions + 1);
        }
    }

    /** One owner (or all thread stacks) before and after. */
    public record Change(RegionType type, String owner, Holding before, Holding after) {

        public boolean same() {
            return before.equals(after);
        }

        /** One line: {@code "libc.so.6 text: same"}, {@code "Java heap: +512 MiB committed"}. */
        public String describe() {
            if (type == RegionType.STACK && owner.equals(THREAD_STACKS) && before.regions() != after.regions()) {
                int d = after.regions() - before.regions();
                return Math.abs(d) + (d > 0 ? " new " : " fewer ") + (Math.abs(d) == 1 ? "thread stack" : THREAD_STACKS);
            }
            if (before.regions() == 0) {
                return owner + ": new, " + bytes(after.size()) + " (" + bytes(after.committed()) + " committed)";
            }
            if (after.regions() == 0) {
                return owner + ": gone, " + bytes(before.size()) + " (" + bytes(before.committed()) + " committed)";
            }
            if (same()) {
                return owner + ": same";
            }
            List<String> parts = new ArrayList<>();
            if (after.committed() != before.committed()) {
                parts.add(signed(after.committed() - before.committed()) + " committed");
            }
            if (after.size() != before.size()) {
                parts.add(signed(after.size() - before.size()) + " size");
            }
            if (after.regions() != before.regions()) {
                parts.add((after.regions() - before.regions() > 0 ? "+" : "") + (after.regions() - before.regions())
                        + " regions");
            }
            return owner + ": " + String.join(", ", parts);
        }
    }

    static final String THREAD_STACKS = "thread stacks";

    private OwnerComparison() {
    }

    /** Every owner of either classification, in the order first seen (before's, then after's new ones). */
    public static List<Change> compare(Classification before, Classification after) {
        Map<String, Holding> a = holdings(before);
        Map<String, Holding> b = holdings(after);
        Map<String, Change> out = new LinkedHashMap<>();
        for (String key : a.keySet()) {
            out.put(key, change(key, a.get(key), b.getOrDefault(key, Holding.NONE)));
        }
        for (String key : b.keySet()) {
            out.putIfAbsent(key, change(key, Holding.NONE, b.get(key)));
        }
        return List.copyOf(out.values());
    }

    private static Change change(String key, Holding before, Holding after) {
        int bar = key.indexOf('|');
        return new Change(RegionType.valueOf(key.substring(0, bar)), key.substring(bar + 1), before, after);
    }

    private static Map<String, Holding> holdings(Classification c) {
        Map<String, Holding> out = new LinkedHashMap<>();
        for (int i = 0; i < c.size(); i++) {
            Owner o = c.owner(i);
            String name = o.hasThread() ? (o.type() == RegionType.STACK ? THREAD_STACKS : "thread stack guards")
                    : o.label();
            out.merge(o.type().name() + "|" + name, Holding.NONE.plus(c.regions().get(i)),
                    (x, y) -> new Holding(x.size() + y.size(), x.committed() + y.committed(), x.regions() + y.regions()));
        }
        return out;
    }

    static String signed(long bytes) {
        return (bytes > 0 ? "+" : "-") + bytes(Math.abs(bytes));
    }

    /** {@code 4 KiB}, {@code 1.5 MiB}. */
    public static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value == Math.rint(value) ? String.format(java.util.Locale.ROOT, "%d %s", (long) value, units[unit])
                : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
