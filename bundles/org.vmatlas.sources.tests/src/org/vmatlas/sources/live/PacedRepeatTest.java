package org.vmatlas.sources.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PacedRepeatTest {

    @Test
    void waitsTheRestOfTheIntervalAndNeverLessThanTheRunTook() {
        assertEquals(70, PacedRepeat.delayAfter(100, 30));
        assertEquals(50, PacedRepeat.delayAfter(100, 50));
        assertEquals(60, PacedRepeat.delayAfter(100, 60), "a 60 ms run of a 100 ms interval: half a core at most");
        assertEquals(150, PacedRepeat.delayAfter(100, 150));
    }

    @Test
    void aRunThatSaysNoMoreEndsTheRepeatAndIsToldOnceStopped() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicInteger endedWhileRunning = new AtomicInteger(-1);
        PacedRepeat[] repeat = new PacedRepeat[1];
        repeat[0] = new PacedRepeat("test repeat", Duration.ofMillis(1), () -> runs.incrementAndGet() < 3, () -> {
            endedWhileRunning.set(repeat[0].running() ? 1 : 0);
            ended.countDown();
        });
        repeat[0].start();
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertEquals(3, runs.get());
        assertEquals(0, endedWhileRunning.get(), "told after the last run, when nothing runs any more");
        assertFalse(repeat[0].running());
        assertThrows(IllegalStateException.class, repeat[0]::start);
        repeat[0].stop();
        assertThrows(IllegalArgumentException.class, () -> new PacedRepeat("x", Duration.ZERO, () -> true, () -> { }));
    }
}
