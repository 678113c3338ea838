package org.vmatlas.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.vmatlas.model.Backing;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.syscall.Prot;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLabels;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;

/**
 * One frame of the address-space map, off screen, at 1600x400: layout (only when the regions change),
 * per-cell classification, painting into pixels, and the copy into an SWT {@code ImageData} that the
 * canvas turns into its image. Regions: 10k, 60k and 128k non-mergeable VMAs (alternating r-- and ---
 * pages, as {@code manymaps.c} makes; 128k is synthetic because one process holds at most
 * vm.max_map_count of them), spread over islands with long gaps between them.
 * Target: a 128k-region frame in at most 16 ms. The baseline in the same run is the simplest correct
 * picture: one colour per region written for every pixel column it covers (no aggregation).
 * usage: MapBench [REPS=15]
 */
public final class MapBench {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 400;

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s%n", "case (ms per frame)", "min", "median", "max");
        for (int count : new int[] {10_000, 60_000, 128_000}) {
            List<Region> regions = regions(count);
            MapGeometry geometry = MapGeometry.forCanvas(WIDTH, HEIGHT);
            double[] full = new double[reps];
            double[] viewOnly = new double[reps];
            double[] naive = new double[reps];
            double[] compact = new double[reps];
            MapLayout layout = MapLayout.of(regions);
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                MapLayout fresh = MapLayout.of(regions);
                toImageData(new MapFrame(fresh, geometry, new MapViewport(), List.<Conflict>of(), List.of()));
                long t1 = System.nanoTime();
                MapViewport zoomed = new MapViewport();
                zoomed.zoom(1 + r, 0.3);
                toImageData(new MapFrame(layout, geometry, zoomed, List.<Conflict>of(), List.of()));
                long t2 = System.nanoTime();
                naivePerRegion(regions, geometry);
                long t3 = System.nanoTime();
                MapFrame compactFrame = new MapFrame(MapLayout.of(regions, MapLayout.Scale.COMPACT), geometry,
                        new MapViewport(), List.<Conflict>of(), List.of());
                toImageData(compactFrame);
                MapLabels.place(compactFrame, text -> 6 * text.length());
                compact[r] = (System.nanoTime() - t3) / 1e6;
                full[r] = (t1 - t0) / 1e6;
                viewOnly[r] = (t2 - t1) / 1e6;
                naive[r] = (t3 - t2) / 1e6;
            }
            print(count + " regions, new regions", full);
            print(count + " regions, zoom/pan only", viewOnly);
            print(count + " regions, per-region baseline", naive);
            print(count + " regions, compact + names", compact);
            System.out.printf(Locale.ROOT, "  -> new-regions frame: %.2fx the per-region baseline; target 16 ms: %s%n",
                    median(full) / median(naive), median(full) <= 16 ? "met" : "MISSED");
            System.out.printf(Locale.ROOT, "  -> compact frame with names: %.2fx the per-region baseline; target 16 ms: %s%n",
                    median(compact) / median(naive), median(compact) <= 16 ? "met" : "MISSED");
        }
    }

    /** count VMAs in islands of 4096, alternating r-- and ---, 1 GiB gaps between islands. */
    static List<Region> regions(int count) {
        List<Region> regions = new ArrayList<>(count);
        long address = 0x100000000L;
        for (int i = 0; i < count; i++) {
            if (i > 0 && i % 4096 == 0) {
                address += 1L << 30;
            }
            int prot = i % 2 == 0 ? Prot.READ : Prot.NONE;
            regions.add(new Region(address, address + 4096, prot, Prot.RWX, false, Backing.anonymous(),
                    prot == Prot.NONE ? RegionState.RESERVED : RegionState.READY, true, ""));
            address += 4096;
        }
        return regions;
    }

    static ImageData toImageData(MapFrame frame) {
        ImageData data = new ImageData(WIDTH, HEIGHT, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        int[] pixels = frame.pixels();
        for (int y = 0; y < HEIGHT; y++) {
            data.setPixels(0, y, WIDTH, pixels, y * WIDTH);
        }
        return data;
    }

    /** The straightforward picture: every region paints the columns it spans, in address order. */
    static int[] naivePerRegion(List<Region> regions, MapGeometry geometry) {
        int[] pixels = new int[WIDTH * HEIGHT];
        MapLayout layout = MapLayout.of(regions);
        double scale = geometry.cells() / layout.virtualLength();
        for (Region region : regions) {
            int from = (int) (layout.virtualOf(region.start()) * scale);
            int to = Math.max(from + 1, (int) (layout.virtualOf(region.end() - 1) * scale));
            int colour = region.prot() == 0 ? 0x8C8C88 : 0x4C78A8;
            for (int cell = from; cell < to && cell < geometry.cells(); cell++) {
                int top = geometry.cellY(cell);
                for (int y = top; y < top + geometry.bandHeight(); y++) {
                    pixels[y * WIDTH + geometry.cellX(cell)] = colour;
                }
            }
        }
        return pixels;
    }

    static void print(String name, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s %10.2f %10.2f %10.2f%n", name, sorted[0], median(values),
                sorted[sorted.length - 1]);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static BitSet none() {
        return new BitSet();
    }
}
