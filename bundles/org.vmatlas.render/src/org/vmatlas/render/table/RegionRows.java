package org.vmatlas.render.table;

import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Pattern;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.RegionType;

/**
 * Which regions of an address space the table shows and in which order, as an array of region indexes:
 * filtering and sorting move ints, never widgets or region objects (except to read a text column once).
 * Immutable; a new filter, order or address space makes a new one. Pure Java, tested without a display.
 */
public final class RegionRows {

    private final AddressSpace space;
    private final Classification owners;
    private final int[] rows;
    private final int[] rowOfRegion;

    /** @param space the regions, or {@code null} for none (no session yet) */
    public RegionRows(AddressSpace space, ProtPattern filter, RegionColumn sortColumn, boolean ascending) {
        this(space, filter, null, sortColumn, ascending);
    }

    /**
     * @param space the regions, or {@code null} for none (no session yet)
     * @param name  kept are the regions whose backing name or label this finds ({@code libc}, {@code \[stack}),
     *              or every region when {@code null}
     */
    public RegionRows(AddressSpace space, ProtPattern filter, Pattern name, RegionColumn sortColumn, boolean ascending) {
        this(space, null, null, filter, name, sortColumn, ascending);
    }

    /**
     * @param owners the classification of {@code space} (same regions, same order) for the type, owner and
     *               residency columns, or {@code null}
     * @param type   kept are the regions of this type (needs {@code owners}), or every region when {@code null}
     */
    public RegionRows(AddressSpace space, Classification owners, RegionType type, ProtPattern filter, Pattern name,
            RegionColumn sortColumn, boolean ascending) {
        this.space = space;
        this.owners = space != null ? owners : null;
        int regions = regionCount();
        int[] kept = new int[regions];
        int count = 0;
        for (int i = 0; i < regions; i++) {
            if ((filter.matchesAll() || filter.matches(space.prot(i), space.region(i).shared()))
                    && (type == null || ownersOf(i) != null && owners.type(i) == type)
                    && (name == null || named(space.region(i), name))) {
                kept[count++] = i;
            }
        }
        rows = sort(Arrays.copyOf(kept, count), sortColumn, ascending);
        rowOfRegion = new int[regions];
        Arrays.fill(rowOfRegion, -1);
        for (int row = 0; row < rows.length; row++) {
            rowOfRegion[rows[row]] = row;
        }
    }

    private static boolean named(Region region, Pattern name) {
        return name.matcher(region.backing().name()).find()
                || region.label() != null && name.matcher(region.label()).find();
    }

    private int[] sort(int[] indexes, RegionColumn column, boolean ascending) {
        if (column == RegionColumn.START || indexes.length == 0) {
            return ascending ? indexes : reversed(indexes);
        }
        Comparator<Integer> order;
        if (column.numeric()) {
            long[] keys = new long[space.size()];
            for (int i : indexes) {
                keys[i] = column.numericKey(space, ownersOf(i), i);
            }
            order = Comparator.comparingLong(i -> keys[i]);
        } else {
            String[] keys = new String[space.size()];
            for (int i : indexes) {
                keys[i] = column.text(space.region(i), ownersOf(i), i);
            }
            order = Comparator.comparing(i -> keys[i]);
        }
        // ties keep address order, so equal keys never shuffle between refreshes
        Integer[] boxed = Arrays.stream(indexes).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (ascending ? order : order.reversed()).thenComparingInt(i -> i));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static int[] reversed(int[] indexes) {
        int[] out = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            out[i] = indexes[indexes.length - 1 - i];
        }
        return out;
    }

    /** Regions in the address space, shown or not. */
    public int regionCount() {
        return space == null ? 0 : space.size();
    }

    public int size() {
        return rows.length;
    }

    public Region region(int row) {
        return space.region(rows[row]);
    }

    /** The cell text of {@code column} in {@code row}. */
    public String text(int row, RegionColumn column) {
        return column.text(space.region(rows[row]), ownersOf(rows[row]), rows[row]);
    }

    /**
     * The classification where it speaks of region {@code index} (same range at the same index), else
     * {@code null}: a live process changes while it is classified, and a stale owner is not shown.
     */
    private Classification ownersOf(int index) {
        if (owners == null || index >= owners.size()) {
            return null;
        }
        Region r = owners.regions().get(index);
        return r.start() == space.start(index) && r.end() == space.end(index) ? owners : null;
    }

    /** The row showing the region at {@code index} of the address space, or -1 when filtered out. */
    public int rowOfRegion(int index) {
        return index >= 0 && index < rowOfRegion.length ? rowOfRegion[index] : -1;
    }

    /** The row of the region holding {@code address}, or -1 when it is free or filtered out. */
    public int rowOfAddress(long address) {
        return space == null ? -1 : rowOfRegion(space.indexAt(address));
    }

    /** Bytes of the regions in {@code rows}. */
    public long bytes(int[] selectedRows) {
        long total = 0;
        for (int row : selectedRows) {
            if (row >= 0 && row < rows.length) {
                total += space.end(rows[row]) - space.start(rows[row]);
            }
        }
        return total;
    }
}
