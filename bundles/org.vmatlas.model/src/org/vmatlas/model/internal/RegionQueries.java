package org.vmatlas.model.internal;

/**
 * The read-only questions the rules and the conflict checks ask of a {@link VmaCore}: what is at an
 * address, whether a range is free or mapped, where the top-down search would place a mapping, how the
 * kernel would count and join the regions. Each one search, then a walk over the {@link Blocks}.
 */
final class RegionQueries {

    private final Blocks blocks;

    RegionQueries(Blocks blocks) {
        this.blocks = blocks;
    }

    int attrAt(long address) {
        Blocks st = blocks;
        st.locateEnd(address);
        return !st.atEnd() && st.blk[st.pb][3 * st.po] <= address ? (int) st.blk[st.pb][3 * st.po + 2] : -1;
    }

    boolean holds(long start, long end, int attr) {
        Blocks st = blocks;
        st.locateEnd(start);
        if (st.atEnd()) {
            return false;
        }
        long[] block = st.blk[st.pb];
        int d = 3 * st.po;
        return block[d] == start && block[d + 1] == end && (int) block[d + 2] == attr;
    }

    boolean isFree(long lo, long hi) {
        Blocks st = blocks;
        st.locateEnd(lo);
        return st.atEnd() || st.blk[st.pb][3 * st.po] >= hi;
    }

    void forEach(long lo, long hi, VmaCore.RegionVisitor visitor) {
        Blocks st = blocks;
        st.locateEnd(lo);
        int b = st.pb;
        int o = st.po;
        while (b < st.nb && st.blk[b][3 * o] < hi) {
            visitor.visit(Math.max(st.blk[b][3 * o], lo), Math.min(st.blk[b][3 * o + 1], hi), (int) st.blk[b][3 * o + 2]);
            if (++o == st.bn[b]) {
                b++;
                o = 0;
            }
        }
    }

    long mappedBytes(long lo, long hi, boolean accessibleOnly) {
        long[] sum = {0};
        forEach(lo, hi, (s, e, id) -> {
            if (!accessibleOnly || Attrs.get(id).prot() != 0) {
                sum[0] += e - s;
            }
        });
        return sum[0];
    }

    /**
     * End of the contiguous mapped run that starts at {@code lo}, capped at {@code hi}, or -1 when {@code lo}
     * is free; the cursor stays on the run's first entry, where a change of the run starts.
     */
    long runEnd(long lo, long hi) {
        Blocks st = blocks;
        st.locateEnd(lo);
        if (st.atEnd() || st.blk[st.pb][3 * st.po] > lo) {
            return -1;
        }
        long[][] blk = st.blk;
        int b = st.pb;
        int o = st.po;
        long cur = blk[b][3 * o + 1];
        while (cur < hi) {
            if (++o == st.bn[b]) {
                b++;
                o = 0;
            }
            if (b == st.nb || blk[b][3 * o] != cur) {
                break;
            }
            cur = blk[b][3 * o + 1];
        }
        return Math.min(cur, hi);
    }

    int straddling(long lo, long hi) {
        Blocks st = blocks;
        st.locateEnd(lo);
        boolean left = !st.atEnd() && st.blk[st.pb][3 * st.po] < lo;
        long leftEnd = left ? st.blk[st.pb][3 * st.po + 1] : -1;
        st.locateEnd(hi);
        boolean right = !st.atEnd() && st.blk[st.pb][3 * st.po] < hi && st.blk[st.pb][3 * st.po + 1] != leftEnd;
        return (left ? 1 : 0) + (right ? 1 : 0);
    }

    /** Walks down from the first region at or above {@code ceiling}, gap by gap, as Linux's top-down search. */
    long highestGap(long length, long floor, long ceiling) {
        Blocks st = blocks;
        st.locateStart(ceiling);
        long[][] blk = st.blk;
        int b = st.pb;
        int o = st.po;
        long top = ceiling;
        while (true) {
            if (o == 0) {
                if (b == 0) {
                    break;
                }
                b--;
                o = st.bn[b];
            }
            o--;
            long gapStart = Math.max(blk[b][3 * o + 1], floor);
            if (top - gapStart >= length) {
                return top - length;
            }
            top = Math.min(top, blk[b][3 * o]);
            if (top <= floor) {
                return -1;
            }
        }
        return top - floor >= length ? top - length : -1;
    }

    int kernelCount() {
        Blocks st = blocks;
        int count = 0;
        long prevEnd = -1;
        int prevKernel = -1;
        for (int b = 0; b < st.nb; b++) {
            long[] block = st.blk[b];
            for (int o = 0; o < st.bn[b]; o++) {
                int kernel = Attrs.kernelId((int) block[3 * o + 2]);
                if (block[3 * o] != prevEnd || kernel != prevKernel) {
                    count++;
                }
                prevEnd = block[3 * o + 1];
                prevKernel = kernel;
            }
        }
        return count;
    }

    long kernelVmaEnd(long address) {
        Blocks st = blocks;
        st.locateEnd(address);
        if (st.atEnd() || st.blk[st.pb][3 * st.po] > address) {
            return address;
        }
        int kernel = Attrs.kernelId((int) st.blk[st.pb][3 * st.po + 2]);
        long end = st.blk[st.pb][3 * st.po + 1];
        st.advance();
        while (!st.atEnd() && st.blk[st.pb][3 * st.po] == end && Attrs.kernelId((int) st.blk[st.pb][3 * st.po + 2]) == kernel) {
            end = st.blk[st.pb][3 * st.po + 1];
            st.advance();
        }
        return end;
    }
}
