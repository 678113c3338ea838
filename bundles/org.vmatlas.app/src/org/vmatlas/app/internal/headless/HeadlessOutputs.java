package org.vmatlas.app.internal.headless;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Session;
import org.vmatlas.render.export.EventsCsv;
import org.vmatlas.render.export.EventsJson;
import org.vmatlas.render.export.MapPicture;
import org.vmatlas.render.export.MapSvg;
import org.vmatlas.render.export.RegionsCsv;
import org.vmatlas.render.export.RegionsJson;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;
import org.vmatlas.render.map.RecentConflicts;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Classifications;
import org.vmatlas.owners.RegionClassifier;

/**
 * Writes a session's final state: the map as PNG (the same pixels the canvas shows, through
 * {@code javax.imageio}, no display needed) or SVG, the regions as CSV or JSON, the events as CSV or JSON,
 * each through {@link OutputFiles} so that a run writes all of them or none.
 */
public final class HeadlessOutputs {

    private final int width;
    private final int height;
    private MapFrame frame;
    private Classification owners;

    public HeadlessOutputs(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Writes every output through {@code files}; nothing appears under its name before {@link OutputFiles#commit}. */
    void write(Session session, List<Path> outputs, Path events, OutputFiles files) throws HeadlessFailure {
        for (Path output : outputs) {
            try {
                write(session, output, files);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw IoReasons.cannotWrite(output.toString(), e);
            }
        }
        if (events != null) {
            boolean csv = HeadlessOptions.extension(events).equals("csv");
            try {
                text(files, events, out -> {
                    if (csv) {
                        EventsCsv.write(session.timeline(), out);
                    } else {
                        EventsJson.write(session.timeline(), out);
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                throw IoReasons.cannotWrite(events.toString(), e);
            }
        }
    }

    private void write(Session session, Path output, OutputFiles files) throws IOException {
        AddressSpace space = session.space();
        switch (HeadlessOptions.extension(output)) {
            case "png" -> {
                try (OutputStream out = files.create(output)) {
                    ImageIO.write(MapPicture.render(frame(session), title(session)), "png", out);
                }
            }
            case "svg" -> text(files, output, out -> MapSvg.write(frame(session), space.duplicateGroups(), title(session), out));
            case "csv" -> text(files, output, out -> RegionsCsv.write(owners(session), out));
            case "json" -> text(files, output, out -> RegionsJson.write(owners(session), out));
            default -> throw new IllegalArgumentException("no writer for " + output);
        }
    }

    /**
     * Types and owners of the session's regions: for a live process with thread stacks, runtimes and
     * residency (the classifier service), else by the generic rules.
     */
    private Classification owners(Session session) {
        if (owners == null) {
            RegionClassifier classifier = null;
            try {
                classifier = session.process().isPresent() ? OwnerCompareRun.classifier() : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            owners = classifier != null ? classifier.classify(session, true) : Classifications.of(session.space());
        }
        return owners;
    }

    /** The picture's title line: which session, and how much it holds. */
    static String title(Session session) {
        return Printable.of(session.name()) + " \u2014 " + session.space().size() + " regions, "
                + session.timeline().size() + " events";
    }

    /** One picture serves every map output: PNG and SVG show the same frame. */
    private MapFrame frame(Session session) {
        if (frame == null) {
            List<Conflict> conflicts = RecentConflicts.upTo(session.timeline(), session.timeline().size() - 1);
            frame = new MapFrame(MapLayout.of(session.space().regions()), MapGeometry.forCanvas(width, height),
                    new MapViewport(), conflicts, List.of());
        }
        return frame;
    }

    private interface WriterBody {
        void write(Writer out) throws IOException;
    }

    private static void text(OutputFiles files, Path file, WriterBody body) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(files.create(file), StandardCharsets.UTF_8))) {
            body.write(out);
        }
    }
}
