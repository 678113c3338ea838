package org.vmatlas.render.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;

/**
 * Names drawn on the map where they fit: a library's file name over its run of regions, {@code [heap]},
 * {@code [stack]}, a memfd's name, and the size a break stands for ({@code 4 GiB reserved}). Placed without a
 * display, so the window, the PNG and the SVG write the same words at the same places; the caller says how
 * wide a text is in its font.
 */
public final class MapLabels {

    /** One text, centred in a band from {@code x} over {@code width} pixels, in a colour readable on the band. */
    public record Label(int x, int top, int width, int height, String text, int rgb) {
    }

    private static final int PADDING = 3;
    /** A name is cut to no fewer characters than this (then an ellipsis). */
    private static final int MIN_CUT = 4;
    /** Regions of one name this close (bytes) are named once, over all of them. */
    private static final long GROUP_GAP = 1L << 20;
    /** A run narrower than this is not measured at all: no word fits, and 128k regions stay cheap. */
    private static final int MIN_RUN = 14;

    private MapLabels() {
    }

    /** The short name of a region: a file's base name, the kernel's or a memfd's name, else its label. */
    public static String name(Region region) {
        Backing backing = region.backing();
        String name = backing.name();
        if (backing.kind() == Backing.Kind.FILE) {
            int slash = name.lastIndexOf('/');
            return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
        }
        if (!name.isEmpty()) {
            if (backing.kind() == Backing.Kind.MEMFD) {
                return name.startsWith("/memfd:") ? name.substring(1) : "memfd:" + name;
            }
            return name;
        }
        return region.label() == null ? "" : region.label();
    }

    /** The labels that fit in {@code frame}, measured by {@code textWidth} (pixels of a text in the picture's font). */
    public static List<Label> place(MapFrame frame, ToIntFunction<String> textWidth) {
        List<Label> labels = new ArrayList<>();
        MapLayout layout = frame.layout();
        List<Region> regions = layout.regions();
        int i = layout.firstRegionEndingAfter(frame.viewStart());
        RegionFacts facts = frame.colouring().facts();
        while (i < regions.size() && layout.regionFrom(i) < frame.viewEnd()) {
            String name = name(regions.get(i), facts);
            int last = i;
            // A library's segments, with the free pages and alignment holes between them, carry one name.
            while (last + 1 < regions.size() && !name.isEmpty() && layout.regionFrom(last + 1) < frame.viewEnd()
                    && regions.get(last + 1).start() - regions.get(last).end() < GROUP_GAP
                    && sameName(regions.get(last), regions.get(last + 1), name, facts)) {
                last++;
            }
            if (!name.isEmpty()) {
                add(labels, frame, layout.regionFrom(i), layout.regionTo(last), name, textWidth);
            }
            i = last + 1;
        }
        for (MapLayout.Segment segment : layout.segments()) {
            if (segment.isBreak() && segment.virtualEnd() > frame.viewStart() && segment.virtualStart() < frame.viewEnd()) {
                add(labels, frame, segment.virtualStart(), segment.virtualEnd(), breakText(layout, segment), textWidth);
            }
        }
        return labels;
    }

    /** What a break hides: {@code 12 TiB free}, or {@code 4 GiB reserved} for a cut through a region. */
    public static String breakText(MapLayout layout, MapLayout.Segment segment) {
        String size = RegionText.size(segment.end() - segment.start());
        if (segment.kind() == MapLayout.Kind.GAP) {
            return size + " free";
        }
        Region region = layout.regionAt(segment.start());
        return size + (region != null && region.prot() == Prot.NONE ? " reserved" : " " + (region == null ? ""
                : Prot.letters(region.prot())));
    }

    private static boolean sameName(Region a, Region b, String name, RegionFacts facts) {
        return a.backing().kind() == b.backing().kind() && name.equals(name(b, facts));
    }

    /** The region's own name or, for an anonymous region without one, its owner's when the facts know it. */
    static String name(Region region, RegionFacts facts) {
        String own = name(region);
        if (!own.isEmpty() || region.backing().kind() != Backing.Kind.ANONYMOUS) {
            return own;
        }
        String owner = facts.owner(region);
        return owner == null ? "" : owner;
    }

    /** Puts the text in the widest row piece of {@code [from, to)} on the axis, when it fits there. */
    private static void add(List<Label> labels, MapFrame frame, double from, double to, String text,
            ToIntFunction<String> textWidth) {
        MapGeometry geometry = frame.geometry();
        int cells = geometry.cells();
        double cellLength = (frame.viewEnd() - frame.viewStart()) / cells;
        int first = (int) Math.max(0, Math.ceil((from - frame.viewStart()) / cellLength));
        int end = (int) Math.min(cells, Math.floor((to - frame.viewStart()) / cellLength));
        if (end - first < MIN_RUN) {
            return;
        }
        int columns = geometry.columns();
        int bestStart = first;
        int bestLength = 0;
        for (int start = first; start < end; start = (start / columns + 1) * columns) {
            int stop = Math.min(end, (start / columns + 1) * columns);
            if (stop - start > bestLength) {
                bestStart = start;
                bestLength = stop - start;
            }
        }
        String fitting = fitting(text, bestLength - 2 * PADDING, textWidth);
        if (fitting == null) {
            return;
        }
        text = fitting;
        int x = geometry.cellX(bestStart);
        int top = geometry.cellY(bestStart);
        int under = frame.pixel(x + bestLength / 2, top + geometry.bandHeight() / 2);
        labels.add(new Label(x, top, bestLength, geometry.bandHeight(), text, readableOn(under)));
    }

    /**
     * The longest form of a name that fits in {@code room} pixels: whole, without its {@code .so} suffix
     * ({@code libpthread}), or cut with an ellipsis after at least four characters; {@code null} when none fits.
     * Break sizes are never shortened: a cut number would mislead.
     */
    static String fitting(String text, int room, ToIntFunction<String> textWidth) {
        if (textWidth.applyAsInt(text) <= room) {
            return text;
        }
        if (Character.isDigit(text.charAt(0))) {
            return null;
        }
        int so = text.indexOf(".so");
        String stem = so > 0 ? text.substring(0, so) : text;
        if (textWidth.applyAsInt(stem) <= room) {
            return stem;
        }
        for (int length = stem.length() - 1; length >= MIN_CUT; length--) {
            String cut = stem.substring(0, length) + "\u2026";
            if (textWidth.applyAsInt(cut) <= room) {
                return cut;
            }
        }
        return null;
    }

    /** Black on light colours, white on dark ones. */
    static int readableOn(int rgb) {
        double luminance = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
        return luminance > 150 ? 0x101010 : 0xFFFFFF;
    }
}
