package org.vmatlas.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** However many events a session makes, the chart's series stays under its bound and keeps its extremes. */
class BoundedSeriesTest {

    private static final long MIB = 1L << 20;
    private static final int RW = 2;

    @Test
    void threeMillionEventsStayUnderTheBoundAndKeepTheirExtremes() {
        int events = 3_000_000;
        int spikeAt = 1_234_567;
        int dipAt = 2_345_679;
        SyntheticTimeline timeline = new SyntheticTimeline(events,
                i -> i == spikeAt ? 1024 * MIB : i == dipAt ? 0 : (8 + i % 5) * MIB, 1000);
        TimelineSeries series = new TimelineSeries();
        series.update(timeline);

        assertEquals(events, series.size());
        assertTrue(series.bucketCapacity() <= TimelineSeries.MAX_BUCKETS, "buckets: " + series.bucketCapacity());
        assertTrue(series.retainedBytes() <= TimelineSeries.MAX_RETAINED_BYTES,
                series.retainedBytes() + " bytes held, bound " + TimelineSeries.MAX_RETAINED_BYTES);
        assertTrue(series.retainedBytes() < events * 8L, "under 8 bytes an event at 3 million events: "
                + series.retainedBytes());
        assertTrue(series.eventsPerBucket() > 1, "beyond the bound events share buckets");

        double[][] xy = series.decimated(RW, 1000, true);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double maxAt = -1;
        double minAt = -1;
        for (int i = 0; i < xy[1].length; i++) {
            if (xy[1][i] > max) {
                max = xy[1][i];
                maxAt = xy[0][i];
            }
            if (xy[1][i] < min) {
                min = xy[1][i];
                minAt = xy[0][i];
            }
        }
        assertEquals(1024 * MIB, max, 0.5, "the one-event spike survives decimation");
        assertEquals(0, min, 0.5, "the one-event dip survives decimation");
        double bucketSeconds = series.eventsPerBucket() / 1000.0;
        assertEquals(spikeAt / 1000.0, maxAt, bucketSeconds, "the spike is drawn at its time, within a bucket");
        assertEquals(dipAt / 1000.0, minAt, bucketSeconds, "the dip is drawn at its time, within a bucket");
        assertEquals((8 + (events - 1) % 5) * MIB, series.bytes(RW, events - 1), "the latest value is exact");
    }

    @Test
    void secondsFollowTheTimelinesClockBeyondTheBound() {
        int events = 200_000;
        SyntheticTimeline timeline = new SyntheticTimeline(events, i -> MIB, 7);
        TimelineSeries series = new TimelineSeries(1024);
        series.update(timeline);
        double bucketSeconds = series.eventsPerBucket() / 1000.0;
        for (int i = 0; i < events; i += 997) {
            double truth = i / 1000.0;
            assertTrue(series.seconds(i) <= truth + 1e-9 && series.seconds(i) > truth - bucketSeconds,
                    "event " + i + " at " + series.seconds(i) + " s, truly " + truth + " s");
            assertEquals(series.seconds(i), series.x(i, true));
        }
        assertTrue(series.timed());
    }

    @Test
    void failureMarksThinToOneABucketAndNameFailingEvents() {
        int events = 100_000;
        SyntheticTimeline timeline = new SyntheticTimeline(events, i -> MIB, 3);
        TimelineSeries series = new TimelineSeries(256);
        series.update(timeline);
        assertEquals(events / 3, series.failedEvents());
        assertTrue(series.failureCount() <= 256, "marks: " + series.failureCount());
        assertTrue(series.failureCount() >= 128, "one mark for each bucket that holds a failure: " + series.failureCount());
        int previous = -1;
        for (int i = 0; i < series.failureCount(); i++) {
            int event = series.failure(i);
            assertTrue(timeline.fails(event), "mark " + i + " names event " + event + ", which did not fail");
            assertTrue(event > previous, "marks in order");
            previous = event;
        }
        assertEquals(events - 2, series.failure(series.failureCount() - 1), "the latest failure stays marked");
    }

    @Test
    void eachColumnKeepsTheMinimumAndMaximumOfItsEvents() {
        int events = 10_000;
        long[] sizes = new SplittableRandom(42).longs(events, 0, 512).map(pages -> pages * 4096).toArray();
        TimelineSeries series = new TimelineSeries(64);
        series.update(new SyntheticTimeline(events, i -> sizes[i], Integer.MAX_VALUE));
        int perBucket = series.eventsPerBucket();
        int used = (events + perBucket - 1) / perBucket;
        int columns = 16;
        double[][] xy = series.decimated(RW, columns, false);
        assertEquals(2 * columns, xy[0].length, "two points per column");
        for (int c = 0; c < columns; c++) {
            int from = c * used / columns * perBucket;
            int to = Math.min(events, (c + 1) * used / columns * perBucket);
            long low = Long.MAX_VALUE;
            long high = Long.MIN_VALUE;
            for (int i = from; i < to; i++) {
                low = Math.min(low, sizes[i]);
                high = Math.max(high, sizes[i]);
            }
            double shownLow = Math.min(xy[1][2 * c], xy[1][2 * c + 1]);
            double shownHigh = Math.max(xy[1][2 * c], xy[1][2 * c + 1]);
            assertEquals(low, shownLow, 0.5, "column " + c + "'s minimum");
            assertEquals(high, shownHigh, 0.5, "column " + c + "'s maximum");
        }
    }

    @Test
    void belowTheBoundEveryEventIsExact() {
        int events = 1000;
        TimelineSeries series = new TimelineSeries(1024);
        series.update(new SyntheticTimeline(events, i -> (1 + i % 13) * MIB, 10));
        assertEquals(1, series.eventsPerBucket());
        for (int i = 0; i < events; i++) {
            assertEquals((1 + i % 13) * MIB, series.bytes(RW, i), "event " + i);
            assertEquals(i / 1000.0, series.seconds(i), 1e-9, "event " + i);
        }
        assertEquals(100, series.failureCount());
    }
}
