package org.vmatlas.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Programs made for the tests: C compiled with gcc into a temporary folder, and the check that tracing is allowed. */
final class Programs {

    /**
     * Two threads that map and protect, a memfd mapped writable and executable (a W^X pair), one deliberate
     * MAP_FIXED over a live allocation, a forked child that maps and unmaps, a child that runs /bin/cat. It
     * prints what it made, "ready", then waits for a line on its input.
     */
    static final String TRACEME = """
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void *worker(void *arg) {
    char *p = mmap(NULL, 5 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(p, 1, 4096);
    mprotect(p + 4096, 4096, PROT_READ);
    *(char **) arg = p;
    return NULL;
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    char *made[2];
    pthread_t t[2];
    for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, worker, &made[i]);
    for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
    printf("thread %p\\nthread %p\\n", made[0], made[1]);

    int fd = memfd_create("jit", MFD_CLOEXEC);
    ftruncate(fd, 4 * 4096);
    char *rw = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *rx = mmap(NULL, 4 * 4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
    printf("wx %p %p\\n", rw, rx);

    char *victim = mmap(NULL, 8 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(victim, 7, 8 * 4096);
    char *clobber = mmap(victim + 2 * 4096, 2 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("clobber %p\\n", clobber);

    int go[2], ready[2], feed[2];
    pipe(go); pipe(ready); pipe(feed);
    pid_t child = fork();
    if (child == 0) {
        char *mine = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        munmap(victim, 8 * 4096);
        char c = 'r';
        write(ready[1], &c, 1);
        read(go[0], &c, 1);
        munmap(mine, 3 * 4096);
        _exit(0);
    }
    char c;
    read(ready[0], &c, 1);
    printf("child %d\\n", child);
    pid_t exec = fork();
    if (exec == 0) {
        dup2(feed[0], 0);
        close(feed[1]);
        execl("/bin/cat", "cat", (char *) NULL);
        _exit(127);
    }
    close(feed[0]);
    printf("exec %d\\n", exec);
    printf("ready\\n");
    read(0, &c, 1);
    write(go[1], &c, 1);
    close(feed[1]);
    waitpid(child, NULL, 0);
    waitpid(exec, NULL, 0);
    printf("done\\n");
    return 0;
}
""";

    private Programs() {
    }

    /** Skips unless strace may trace here (a container may forbid ptrace even to root). */
    static void assumePtrace() throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        assumeTrue(Files.isExecutable(strace), "needs strace (apt-get install strace)");
        Process probe = new ProcessBuilder(strace.toString(), "-o", "/dev/null", "/bin/true").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "strace may not trace here (ptrace not permitted)");
    }

    /** Compiles {@code source} with gcc into {@code dir}; returns the program. */
    static Path compile(Path dir, String name, String source) throws Exception {
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, source);
        Path exe = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O1", "-pthread", "-o", exe.toString(), c.toString()));
        Process gcc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(gcc.getInputStream().readAllBytes());
        assertEquals(0, gcc.waitFor(), "gcc: " + out);
        return exe;
    }
}
