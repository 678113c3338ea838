package org.vmatlas.model.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vmatlas.model.Call;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.SysResult;

/**
 * A sealed {@link TimelineSegment} as bytes and back: the packed arrays in bulk, then each event's call,
 * answer, conflicts and notes. Only the segment's first checkpoint is written; the others are rebuilt on
 * reading by replaying the segment once, which costs less than reading them (they are most of a segment's
 * bytes). Attribute and source ids are written as they are: both tables live as long as the JVM and the
 * timeline, and a spill file never outlives either.
 */
final class SegmentCodec {

    private static final ConflictKind[] KINDS = ConflictKind.values();
    private static final Advice[] ADVICE = Advice.values();

    private SegmentCodec() {
    }

    static ByteBuffer encode(TimelineSegment s) {
        Snapshot first = s.checkpoints.get(0);
        Out out = new Out(16 + s.size * 48 + s.chunks * 8 + s.entries * 20 + first.size() * 20);
        out.buffer.putInt(s.size).putInt(s.chunks).putInt(s.entries).putInt(first.size());
        out.longs(s.times, s.size);
        out.ensure(s.size * 2);
        out.buffer.asShortBuffer().put(s.sourceIds, 0, s.size);
        out.skip(s.size * 2);
        out.ints(s.firstChunk, s.size + 1);
        out.ints(s.oldCounts, s.chunks);
        out.ints(s.newCounts, s.chunks);
        out.longs(s.entryStarts, s.entries);
        out.longs(s.entryEnds, s.entries);
        out.ints(s.entryAttrs, s.entries);
        long[] starts = new long[first.size()];
        long[] ends = new long[first.size()];
        int[] attrs = new int[first.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = first.start(i);
            ends[i] = first.end(i);
            attrs[i] = first.attrId(i);
        }
        out.longs(starts, starts.length);
        out.longs(ends, ends.length);
        out.ints(attrs, attrs.length);
        for (int i = 0; i < s.size; i++) {
            writeCall(out, s.calls[i]);
            writeResult(out, s.results[i]);
            List<Conflict> found = s.conflictsOf(i);
            out.ensure(4);
            out.buffer.putInt(found.size());
            for (Conflict c : found) {
                out.ensure(17);
                out.buffer.put((byte) c.kind().ordinal()).putLong(c.start()).putLong(c.end());
                out.text(c.message());
            }
        }
        out.ensure(4);
        out.buffer.putInt(s.notes.size());
        for (Map.Entry<Integer, List<String>> e : s.notes.entrySet()) {
            out.ensure(8);
            out.buffer.putInt(e.getKey()).putInt(e.getValue().size());
            for (String note : e.getValue()) {
                out.text(note);
            }
        }
        return out.buffer.flip();
    }

    static TimelineSegment decode(long base, ByteBuffer in) {
        int size = in.getInt();
        int chunks = in.getInt();
        int entries = in.getInt();
        int regions = in.getInt();
        long[] times = longs(in, size);
        short[] sourceIds = new short[size];
        in.asShortBuffer().get(sourceIds);
        in.position(in.position() + size * 2);
        int[] firstChunk = ints(in, size + 1);
        int[] oldCounts = ints(in, chunks);
        int[] newCounts = ints(in, chunks);
        int[] firstEntry = new int[chunks + 1];
        for (int c = 0; c < chunks; c++) {
            firstEntry[c + 1] = firstEntry[c] + oldCounts[c] + newCounts[c];
        }
        long[] entryStarts = longs(in, entries);
        long[] entryEnds = longs(in, entries);
        int[] entryAttrs = ints(in, entries);
        Snapshot first = Snapshot.ofSorted(longs(in, regions), longs(in, regions), ints(in, regions));
        Call[] calls = new Call[size];
        SysResult[] results = new SysResult[size];
        Object[] conflicts = new Object[size];
        for (int i = 0; i < size; i++) {
            calls[i] = readCall(in);
            results[i] = readResult(in);
            int found = in.getInt();
            if (found > 0) {
                Conflict[] list = new Conflict[found];
                for (int k = 0; k < found; k++) {
                    list[k] = new Conflict(KINDS[in.get()], in.getLong(), in.getLong(), text(in));
                }
                conflicts[i] = List.of(list);
            }
        }
        int noted = in.getInt();
        Map<Integer, List<String>> notes = new HashMap<>();
        for (int k = 0; k < noted; k++) {
            int at = in.getInt();
            String[] lines = new String[in.getInt()];
            for (int j = 0; j < lines.length; j++) {
                lines[j] = text(in);
            }
            notes.put(at, List.of(lines));
        }
        TimelineSegment segment = new TimelineSegment(base, size, times, sourceIds, calls, results, conflicts, notes,
                firstChunk, chunks, oldCounts, newCounts, firstEntry, entries, entryStarts, entryEnds, entryAttrs,
                new ArrayList<>(List.of(first)));
        VmaCore core = first.toCore();
        for (int at = TimelineLog.INTERVAL; at < size; at += TimelineLog.INTERVAL) {
            segment.forward(core, at - TimelineLog.INTERVAL, at);
            segment.checkpoints.add(Snapshot.of(core));
        }
        return segment;
    }

    private static long[] longs(ByteBuffer in, int count) {
        long[] values = new long[count];
        in.asLongBuffer().get(values);
        in.position(in.position() + count * 8);
        return values;
    }

    private static int[] ints(ByteBuffer in, int count) {
        int[] values = new int[count];
        in.asIntBuffer().get(values);
        in.position(in.position() + count * 4);
        return values;
    }

    private static void writeCall(Out out, Call call) {
        out.ensure(48);
        ByteBuffer b = out.buffer;
        switch (call) {
            case null -> b.put((byte) 0);
            case Call.Mmap m -> {
                b.put((byte) 1).putLong(m.address()).putLong(m.length()).putInt(m.prot()).putInt(m.flags())
                        .putInt(m.fd()).putLong(m.offset());
                out.text(m.label());
            }
            case Call.Munmap u -> b.put((byte) 2).putLong(u.address()).putLong(u.length());
            case Call.Mprotect p -> b.put((byte) 3).putLong(p.address()).putLong(p.length()).putInt(p.prot());
            case Call.Mremap r -> b.put((byte) 4).putLong(r.oldAddress()).putLong(r.oldSize()).putLong(r.newSize())
                    .putInt(r.flags()).putLong(r.newAddress());
            case Call.Madvise a -> b.put((byte) 5).putLong(a.address()).putLong(a.length()).putInt(a.advice().ordinal());
            case Call.MemfdCreate f -> {
                b.put((byte) 6);
                out.text(f.name());
            }
            case Call.Ftruncate t -> b.put((byte) 7).putInt(t.fd()).putLong(t.length());
            case Call.Close c -> b.put((byte) 8).putInt(c.fd());
            case Call.SysReserve r -> {
                b.put((byte) 9).putLong(r.hint()).putLong(r.length());
                out.text(r.label());
            }
            case Call.SysMap m -> b.put((byte) 10).putLong(m.address()).putLong(m.length());
            case Call.SysUsed u -> b.put((byte) 11).putLong(u.address()).putLong(u.length());
            case Call.SysUnused u -> b.put((byte) 12).putLong(u.address()).putLong(u.length());
            case Call.SysFree f -> b.put((byte) 13).putLong(f.address()).putLong(f.length());
            case Call.SysFault f -> b.put((byte) 14).putLong(f.address()).putLong(f.length());
        }
    }

    private static Call readCall(ByteBuffer in) {
        int tag = in.get();
        return switch (tag) {
            case 0 -> null;
            case 1 -> new Call.Mmap(in.getLong(), in.getLong(), in.getInt(), in.getInt(), in.getInt(), in.getLong(), text(in));
            case 2 -> new Call.Munmap(in.getLong(), in.getLong());
            case 3 -> new Call.Mprotect(in.getLong(), in.getLong(), in.getInt());
            case 4 -> new Call.Mremap(in.getLong(), in.getLong(), in.getLong(), in.getInt(), in.getLong());
            case 5 -> new Call.Madvise(in.getLong(), in.getLong(), ADVICE[in.getInt()]);
            case 6 -> new Call.MemfdCreate(text(in));
            case 7 -> new Call.Ftruncate(in.getInt(), in.getLong());
            case 8 -> new Call.Close(in.getInt());
            case 9 -> new Call.SysReserve(in.getLong(), in.getLong(), text(in));
            case 10 -> new Call.SysMap(in.getLong(), in.getLong());
            case 11 -> new Call.SysUsed(in.getLong(), in.getLong());
            case 12 -> new Call.SysUnused(in.getLong(), in.getLong());
            case 13 -> new Call.SysFree(in.getLong(), in.getLong());
            case 14 -> new Call.SysFault(in.getLong(), in.getLong());
            default -> throw new IllegalStateException("call tag " + tag + " is not one the timeline writes");
        };
    }

    private static void writeResult(Out out, SysResult result) {
        out.ensure(13);
        switch (result) {
            case null -> out.buffer.put((byte) 0);
            case SysResult.Ok ok -> out.buffer.put((byte) 1).putLong(ok.value());
            case SysResult.Err err -> {
                out.buffer.put((byte) (err.refused() ? 3 : 2)).putInt(err.errno().number());
                out.text(err.detail());
            }
        }
    }

    private static SysResult readResult(ByteBuffer in) {
        int kind = in.get();
        return switch (kind) {
            case 0 -> null;
            case 1 -> SysResult.ok(in.getLong());
            case 2, 3 -> new SysResult.Err(Errno.of(in.getInt()), text(in), kind == 3);
            default -> throw new IllegalStateException("result kind " + kind + " is not one the timeline writes");
        };
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    /** A heap buffer that grows as the variable-length part is written. */
    private static final class Out {
        ByteBuffer buffer;

        Out(int capacity) {
            buffer = ByteBuffer.allocate(Math.max(64, capacity));
        }

        void ensure(int more) {
            if (buffer.remaining() < more) {
                ByteBuffer grown = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more));
                grown.put(buffer.flip());
                buffer = grown;
            }
        }

        void skip(int bytes) {
            buffer.position(buffer.position() + bytes);
        }

        void ints(int[] values, int count) {
            ensure(count * 4);
            buffer.asIntBuffer().put(values, 0, count);
            skip(count * 4);
        }

        void longs(long[] values, int count) {
            ensure(count * 8);
            buffer.asLongBuffer().put(values, 0, count);
            skip(count * 8);
        }

        void text(String value) {
            if (value == null) {
                ensure(4);
                buffer.putInt(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            ensure(4 + bytes.length);
            buffer.putInt(bytes.length).put(bytes);
        }
    }
}
