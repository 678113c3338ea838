package org.vmatlas.render.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;

/**
 * How regions become cell codes and codes become colours, in one colour mode. Codes 0 and 1 are free and
 * break in every mode; protection mode uses {@link CellClass}; the other modes number their own bins from 2,
 * and their last bin is "unknown". The painter, the legend and the exports ask the same object.
 */
public final class Colouring {

    /** Protection colours, the map as it always was. */
    public static final Colouring PROTECTION = new Colouring(ColourMode.PROTECTION, RegionFacts.NONE);

    private static final int UNKNOWN_RGB = 0xB9B9B4;
    /** Categorical colours for types: the owners' types in their order, other keys after them as first seen. */
    private static final int[] TYPE_RGB = { 0xF58518, 0x4C78A8, 0x54A24B, 0xB279A2, 0xE45756, 0x72B7B2, 0xEECA3B,
        0x9D755D, 0xFF9DA6, 0x8C8C88, 0x2F4B7C, 0xBAB0AC };
    private static final int[] RESIDENT_RGB = { 0xDEEBF7, 0x9ECAE1, 0x4292C6, 0x08519C };
    private static final String[] RESIDENT_TEXT = { "resident < 25 %", "25-50 %", "50-75 %", "75-100 %" };
    private static final int[] DIRTY_RGB = { 0xC7E9C0, 0xFDAE6B, 0xE6550D, 0x6A3D9A };
    private static final String[] DIRTY_TEXT = { "clean", "dirty < 50 %", "dirty >= 50 %", "swapped" };
    /**
     * Type keys and their codes: the owners' types first, in their order, so a type has the same colour in
     * every run and every export; keys of other facts follow in the order first seen.
     */
    private static final Map<String, RegionFacts.Type> TYPES = new LinkedHashMap<>();
    /** The types met so far: the legend lists these. */
    private static final java.util.Set<String> SEEN = new java.util.HashSet<>();

    static {
        for (org.vmatlas.owners.RegionType type : org.vmatlas.owners.RegionType.values()) {
            TYPES.put(type.name(), new RegionFacts.Type(type.name(), type.displayName()));
        }
    }

    private final ColourMode mode;
    private final RegionFacts facts;

    public Colouring(ColourMode mode, RegionFacts facts) {
        this.mode = mode;
        this.facts = facts == null ? RegionFacts.NONE : facts;
    }

    public ColourMode mode() {
        return mode;
    }

    public RegionFacts facts() {
        return facts;
    }

    /** The code of a mapped region's cells (always at least {@link CellClass#PROTECTED}). */
    public byte code(Region region) {
        return switch (mode) {
            case PROTECTION -> CellClass.of(region);
            case TYPE -> typeCode(facts.type(region));
            case RESIDENCY -> bin(facts.resident(region));
            case DIRTY_SWAP -> dirtyCode(region);
        };
    }

    private byte bin(double fraction) {
        if (Double.isNaN(fraction)) {
            return unknownCode();
        }
        return (byte) (CellClass.PROTECTED + Math.min(3, (int) (Math.max(0, fraction) * 4)));
    }

    private byte dirtyCode(Region region) {
        double swapped = facts.swapped(region);
        double dirty = facts.dirty(region);
        if (swapped > 0) {
            return CellClass.PROTECTED + 3;
        }
        if (Double.isNaN(dirty)) {
            return unknownCode();
        }
        return (byte) (CellClass.PROTECTED + (dirty <= 0 ? 0 : dirty < 0.5 ? 1 : 2));
    }

    private static byte typeCode(RegionFacts.Type type) {
        if (type == null) {
            return (byte) (CellClass.PROTECTED + TYPE_RGB.length);
        }
        synchronized (TYPES) {
            TYPES.putIfAbsent(type.key(), type);
            SEEN.add(type.key());
            int index = 0;
            for (String key : TYPES.keySet()) {
                if (key.equals(type.key())) {
                    break;
                }
                index++;
            }
            return (byte) (CellClass.PROTECTED + Math.min(index, TYPE_RGB.length - 1));
        }
    }

    private byte unknownCode() {
        return (byte) (CellClass.PROTECTED + (mode == ColourMode.TYPE ? TYPE_RGB.length : 4));
    }

    /** The colour the map gives an owners' type: the same in the charts that plot by type. */
    public static int typeRgb(org.vmatlas.owners.RegionType type) {
        return TYPE_RGB[type.ordinal()];
    }

    /** The colour of a code. */
    public int rgb(int code) {
        if (mode == ColourMode.PROTECTION || !CellClass.isMapped(code)) {
            return MapColors.ofClass(code);
        }
        int bin = code - CellClass.PROTECTED;
        int[] palette = mode == ColourMode.TYPE ? TYPE_RGB : mode == ColourMode.RESIDENCY ? RESIDENT_RGB : DIRTY_RGB;
        return bin < palette.length ? palette[bin] : UNKNOWN_RGB;
    }

    /** Reserved pages are hatched in protection mode; the other modes say other things and are plain. */
    public boolean hatched(int code) {
        return mode == ColourMode.PROTECTION && CellClass.isMapped(code) && CellClass.prot(code) == Prot.NONE;
    }

    /** The legend's mode-specific entries: protections, types seen so far, or the bins, then "unknown". */
    List<Legend.Entry> entries() {
        List<Legend.Entry> out = new ArrayList<>();
        switch (mode) {
            case PROTECTION -> {
                return out;
            }
            case TYPE -> {
                synchronized (TYPES) {
                    int index = 0;
                    for (RegionFacts.Type type : TYPES.values()) {
                        if (index < TYPE_RGB.length && SEEN.contains(type.key())) {
                            out.add(new Legend.Entry(TYPE_RGB[index], type.label(), false, CellClass.PROTECTED + index));
                        }
                        index++;
                    }
                }
            }
            case RESIDENCY -> addBins(out, RESIDENT_RGB, RESIDENT_TEXT);
            case DIRTY_SWAP -> addBins(out, DIRTY_RGB, DIRTY_TEXT);
        }
        out.add(new Legend.Entry(UNKNOWN_RGB, "unknown", false, unknownCode()));
        return out;
    }

    private static void addBins(List<Legend.Entry> out, int[] colours, String[] texts) {
        for (int i = 0; i < colours.length; i++) {
            out.add(new Legend.Entry(colours[i], texts[i], false, CellClass.PROTECTED + i));
        }
    }
}
