package org.vmatlas.model.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vmatlas.model.Call;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.SysResult;

/**
 * A sealed {@link TimelineSegment} as bytes and back. Attribute ids and source ids are written as they are:
 * both tables live as long as the JVM and the timeline, and a spill file never outlives either.
 */
final class SegmentCodec {

    private static final ConflictKind[] KINDS = ConflictKind.values();

    private SegmentCodec() {
    }

    static void write(TimelineSegment s, DataOutputStream out) throws IOException {
        out.writeInt(s.size);
        out.writeInt(s.chunks);
        out.writeInt(s.entries);
        for (int i = 0; i < s.size; i++) {
            out.writeLong(s.times[i]);
            out.writeShort(s.sourceIds[i]);
            writeText(out, s.calls[i] == null ? null : CallCodec.encode(s.calls[i]));
            writeResult(out, s.results[i]);
            List<Conflict> found = s.conflictsOf(i);
            out.writeInt(found.size());
            for (Conflict c : found) {
                out.writeByte(c.kind().ordinal());
                out.writeLong(c.start());
                out.writeLong(c.end());
                writeText(out, c.message());
            }
            out.writeInt(s.firstChunk[i + 1]);
        }
        out.writeInt(s.notes.size());
        for (Map.Entry<Integer, List<String>> e : s.notes.entrySet()) {
            out.writeInt(e.getKey());
            out.writeInt(e.getValue().size());
            for (String note : e.getValue()) {
                writeText(out, note);
            }
        }
        for (int c = 0; c < s.chunks; c++) {
            out.writeInt(s.oldCounts[c]);
            out.writeInt(s.newCounts[c]);
        }
        writeEntries(out, s.entryStarts, s.entryEnds, s.entryAttrs, s.entries);
        out.writeInt(s.checkpoints.size());
        for (Snapshot checkpoint : s.checkpoints) {
            int n = checkpoint.size();
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeLong(checkpoint.start(i));
                out.writeLong(checkpoint.end(i));
                out.writeInt(checkpoint.attrId(i));
            }
        }
    }

    private static void writeEntries(DataOutputStream out, long[] starts, long[] ends, int[] attrs, int count)
            throws IOException {
        for (int i = 0; i < count; i++) {
            out.writeLong(starts[i]);
            out.writeLong(ends[i]);
            out.writeInt(attrs[i]);
        }
    }

    static TimelineSegment read(long base, DataInputStream in) throws IOException {
        int size = in.readInt();
        int chunks = in.readInt();
        int entries = in.readInt();
        long[] times = new long[size];
        short[] sourceIds = new short[size];
        Call[] calls = new Call[size];
        SysResult[] results = new SysResult[size];
        Object[] conflicts = new Object[size];
        int[] firstChunk = new int[size + 1];
        for (int i = 0; i < size; i++) {
            times[i] = in.readLong();
            sourceIds[i] = in.readShort();
            String call = readText(in);
            calls[i] = call == null ? null : CallCodec.decode(call.split(" "), 0);
            results[i] = readResult(in);
            int found = in.readInt();
            if (found > 0) {
                List<Conflict> list = new ArrayList<>(found);
                for (int k = 0; k < found; k++) {
                    list.add(new Conflict(KINDS[in.readByte()], in.readLong(), in.readLong(), readText(in)));
                }
                conflicts[i] = List.copyOf(list);
            }
            firstChunk[i + 1] = in.readInt();
        }
        int noted = in.readInt();
        Map<Integer, List<String>> notes = new HashMap<>();
        for (int k = 0; k < noted; k++) {
            int at = in.readInt();
            String[] lines = new String[in.readInt()];
            for (int j = 0; j < lines.length; j++) {
                lines[j] = readText(in);
            }
            notes.put(at, List.of(lines));
        }
        int[] oldCounts = new int[chunks + 1];
        int[] newCounts = new int[chunks + 1];
        int[] firstEntry = new int[chunks + 2];
        for (int c = 0; c < chunks; c++) {
            oldCounts[c] = in.readInt();
            newCounts[c] = in.readInt();
            firstEntry[c + 1] = firstEntry[c] + oldCounts[c] + newCounts[c];
        }
        long[] starts = new long[entries];
        long[] ends = new long[entries];
        int[] attrs = new int[entries];
        readEntries(in, starts, ends, attrs);
        int count = in.readInt();
        List<Snapshot> checkpoints = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int n = in.readInt();
            long[] s = new long[n];
            long[] e = new long[n];
            int[] a = new int[n];
            readEntries(in, s, e, a);
            checkpoints.add(Snapshot.ofSorted(s, e, a));
        }
        return new TimelineSegment(base, size, times, sourceIds, calls, results, conflicts, notes, firstChunk, chunks,
                oldCounts, newCounts, firstEntry, entries, starts, ends, attrs, checkpoints);
    }

    private static void readEntries(DataInputStream in, long[] starts, long[] ends, int[] attrs) throws IOException {
        for (int i = 0; i < starts.length; i++) {
            starts[i] = in.readLong();
            ends[i] = in.readLong();
            attrs[i] = in.readInt();
        }
    }

    private static void writeResult(DataOutputStream out, SysResult result) throws IOException {
        switch (result) {
            case null -> out.writeByte(0);
            case SysResult.Ok ok -> {
                out.writeByte(1);
                out.writeLong(ok.value());
            }
            case SysResult.Err err -> {
                out.writeByte(err.refused() ? 3 : 2);
                out.writeInt(err.errno().number());
                writeText(out, err.detail());
            }
        }
    }

    private static SysResult readResult(DataInputStream in) throws IOException {
        int kind = in.readByte();
        return switch (kind) {
            case 0 -> null;
            case 1 -> SysResult.ok(in.readLong());
            case 2, 3 -> new SysResult.Err(Errno.of(in.readInt()), readText(in), kind == 3);
            default -> throw new IOException("result kind " + kind + " is not one the timeline writes");
        };
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
