package org.vmatlas.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Event;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.trace.internal.PageRuns;
import org.vmatlas.trace.internal.ProcHost;

/**
 * What the trace cannot explain (a System V segment attached with {@code shmat}, which no traced call maps) is
 * applied from {@code /proc/PID/maps} as a reconciling event, marked and counted.
 */
class ReconcileTest {

    private static final String SHM = """
            #include <stdio.h>
            #include <sys/ipc.h>
            #include <sys/shm.h>
            int main(void) {
                int id = shmget(IPC_PRIVATE, 65536, IPC_CREAT | 0600);
                char *p = shmat(id, NULL, 0);
                shmctl(id, IPC_RMID, NULL);
                printf("shm %p\\n", (void *) p);
                fflush(stdout);
                getchar();
                return 0;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void anUnexplainedMappingIsReconciledAndCounted() throws Exception {
        Programs.assumePtrace();
        Path exe = Programs.compile(dir, "shm", SHM);
        RegionModelServiceImpl models = new RegionModelServiceImpl();
        try (LiveTrace trace = LiveTrace.launch(List.of(exe.toString()), dir, models,
                new TraceOptions(Duration.ofMillis(300), false))) {
            BufferedReader out = new BufferedReader(new InputStreamReader(trace.programOutput()));
            long shm = Long.decode(out.readLine().split(" ")[1]);
            Session session = trace.processes().getFirst().session();
            for (int i = 0; i < 100 && session.space().regionAt(shm) == null; i++) {
                Thread.sleep(100);
            }
            assertNotNull(session.space().regionAt(shm), "the shmat segment came from /proc: " + trace.status());
            assertTrue(trace.status().reconciled() >= 1, trace.status().toString());
            Event last = session.timeline().event(session.timeline().size() - 1);
            assertTrue(last.source().startsWith("reconcile /proc/" + trace.rootPid() + "/maps"), last.source());
            assertEquals(null, PageRuns.difference(session.space().kernelView(),
                    ProcHost.user(new ProcReader().maps(trace.rootPid()).value().mappings())));
            trace.programInput().write('\n');
            trace.programInput().flush();
            assertTrue(trace.awaitEnd(Duration.ofSeconds(30)));
        }
    }
}
