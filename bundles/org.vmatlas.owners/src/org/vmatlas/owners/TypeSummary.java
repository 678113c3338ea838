package org.vmatlas.owners;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Region;

/**
 * The upper table of a memory map by type (the Windows VMMap's summary, for Linux): per type its size,
 * committed (accessible) bytes, resident, proportional, private dirty and swapped bytes, region count and
 * largest region, and a total row. Residency figures are {@link Residency#UNKNOWN_BYTES} when the
 * classification was made without measuring it.
 */
public final class TypeSummary {

    /**
     * One row.
     *
     * @param type      the type, or {@code null} for the total
     * @param size      bytes of address space
     * @param committed bytes that may be accessed (not {@code PROT_NONE})
     * @param regions   number of regions
     * @param largest   bytes of the largest region
     */
    public record Row(RegionType type, long size, long committed, long rss, long pss, long privateDirty, long swap,
            int regions, long largest) {

        /** "Image", or "Total". */
        public String label() {
            return type == null ? "Total" : type.displayName();
        }
    }

    private final List<Row> rows;
    private final Row total;

    private TypeSummary(List<Row> rows, Row total) {
        this.rows = rows;
        this.total = total;
    }

    /** Sums {@code owners} by type; types with no region get no row. */
    public static TypeSummary of(Classification owners) {
        int types = RegionType.values().length;
        long[][] sums = new long[types + 1][8];
        boolean measured = owners.hasResidency();
        for (int i = 0; i < owners.size(); i++) {
            Region r = owners.regions().get(i);
            Residency res = owners.residency(i);
            add(sums[owners.type(i).ordinal()], r, res);
            add(sums[types], r, res);
        }
        List<Row> rows = new ArrayList<>();
        for (RegionType type : RegionType.values()) {
            long[] s = sums[type.ordinal()];
            if (s[6] > 0) {
                rows.add(row(type, s, measured));
            }
        }
        return new TypeSummary(List.copyOf(rows), row(null, sums[types], measured));
    }

    private static void add(long[] s, Region r, Residency res) {
        s[0] += r.length();
        s[1] += r.prot() != 0 ? r.length() : 0;
        s[2] += Math.max(0, res.rss());
        s[3] += Math.max(0, res.pss());
        s[4] += Math.max(0, res.privateDirty());
        s[5] += Math.max(0, res.swap());
        s[6]++;
        s[7] = Math.max(s[7], r.length());
    }

    private static Row row(RegionType type, long[] s, boolean measured) {
        long unknown = Residency.UNKNOWN_BYTES;
        return new Row(type, s[0], s[1], measured ? s[2] : unknown, measured ? s[3] : unknown,
                measured ? s[4] : unknown, measured ? s[5] : unknown, (int) s[6], s[7]);
    }

    /** A row per type present, in the order of {@link RegionType}. */
    public List<Row> rows() {
        return rows;
    }

    public Row total() {
        return total;
    }

    /** The row of {@code type}, or {@code null} when no region has it. */
    public Row row(RegionType type) {
        for (Row row : rows) {
            if (row.type() == type) {
                return row;
            }
        }
        return null;
    }
}
