/*
 * Baseline for `bench/run syscall`: the raw cost of the system calls behind vmatlas's syscall backend,
 * as plain C loops (no checks beyond the return value). Built as a shared library with -DSB_LIB, the
 * SyscallBench driver calls these loops through FFM from its own JVM, on the same pages as its Java loops.
 *
 * Library interface:
 *   int sb_setup(void)                        prepares pages and a memfd; returns how many loops exist
 *   const char *sb_name(int k)                the name of loop k (the driver looks loops up by name)
 *   long long sb_run(int k, long n)           runs loop k n times; returns the elapsed nanoseconds
 *   void sb_set_pages(void *page, void *run3) makes the two mprotect loops toggle the caller's pages:
 *                                             `page` a lone one-page VMA, `run3` a 3-page RW VMA
 * Stand-alone: gcc -O2 -Wall -o sysbench sysbench.c && ./sysbench [N=200000] [REPS=11]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096L
#define DUP_LEN 65536L

static char *toggle_page;   /* one page, RW <-> NONE, between two read-only pages: never splits */
static char *split_run;     /* three RW pages between read-only ones: toggling the middle splits and merges */
static int dup_fd = -1;     /* a 64 KiB memfd mapped twice per iteration */

static void fail(const char *what)
{
    fprintf(stderr, "sysbench: %s failed: %s\n", what, strerror(errno));
    exit(1);
}

static long long clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The cheapest round trip into the kernel, through syscall(2) so libc cannot answer it itself. */
static void loop_null_syscall(long n)
{
    for (long i = 0; i < n; i++)
        if (syscall(SYS_getppid) < 0)
            fail("getppid");
}

/* One private anonymous PROT_NONE page placed by the kernel, then unmapped. */
static void loop_mmap_munmap(long n)
{
    for (long i = 0; i < n; i++) {
        void *a = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (a == MAP_FAILED)
            fail("mmap");
        if (munmap(a, PAGE) != 0)
            fail("munmap");
    }
}

/* Flip a whole one-page VMA between RW and NONE: the VMA's flags change, no split, no merge. */
static void loop_mprotect_whole(long n)
{
    for (long i = 0; i < n; i++) {
        int prot = (i % 2 == 0) ? PROT_READ | PROT_WRITE : PROT_NONE;
        if (mprotect(toggle_page, PAGE, prot) != 0)
            fail("mprotect");
    }
}

/* Flip the middle page of a 3-page RW VMA: NONE splits it in three, RW merges the three back. */
static void loop_mprotect_split(long n)
{
    char *middle = split_run + PAGE;
    for (long i = 0; i < n; i++) {
        int prot = (i % 2 == 0) ? PROT_NONE : PROT_READ | PROT_WRITE;
        if (mprotect(middle, PAGE, prot) != 0)
            fail("mprotect (split)");
    }
}

/* Two shared views of one memfd, then both unmapped. */
static void loop_memfd_twice(long n)
{
    for (long i = 0; i < n; i++) {
        void *a = mmap(NULL, DUP_LEN, PROT_READ | PROT_WRITE, MAP_SHARED, dup_fd, 0);
        if (a == MAP_FAILED)
            fail("mmap memfd (first view)");
        void *b = mmap(NULL, DUP_LEN, PROT_READ | PROT_WRITE, MAP_SHARED, dup_fd, 0);
        if (b == MAP_FAILED)
            fail("mmap memfd (second view)");
        if (munmap(a, DUP_LEN) != 0 || munmap(b, DUP_LEN) != 0)
            fail("munmap memfd");
    }
}

/* As above, but a fresh memfd every time: create, size, map twice, close, unmap both. */
static void loop_memfd_fresh(long n)
{
    for (long i = 0; i < n; i++) {
        int fd = memfd_create("sysbench", MFD_CLOEXEC);
        if (fd < 0)
            fail("memfd_create");
        if (ftruncate(fd, DUP_LEN) != 0)
            fail("ftruncate");
        void *a = mmap(NULL, DUP_LEN, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (a == MAP_FAILED)
            fail("mmap fresh memfd (first view)");
        void *b = mmap(NULL, DUP_LEN, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (b == MAP_FAILED)
            fail("mmap fresh memfd (second view)");
        close(fd);
        if (munmap(a, DUP_LEN) != 0 || munmap(b, DUP_LEN) != 0)
            fail("munmap fresh memfd");
    }
}

/* Shared anonymous memory, a second view of it made by mremap with old_size 0, both unmapped. */
static void loop_mremap_duplicate(long n)
{
    for (long i = 0; i < n; i++) {
        void *a = mmap(NULL, DUP_LEN, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (a == MAP_FAILED)
            fail("mmap shared anonymous");
        void *b = mremap(a, 0, DUP_LEN, MREMAP_MAYMOVE);
        if (b == MAP_FAILED)
            fail("mremap duplicate");
        if (munmap(a, DUP_LEN) != 0 || munmap(b, DUP_LEN) != 0)
            fail("munmap duplicate");
    }
}

/* The names are what SyscallBench asks for; keep them stable. */
static const struct {
    const char *name;
    void (*loop)(long n);
} loops[] = {
    { "z_getppid_syscall", loop_null_syscall },
    { "a_mmap4k_munmap", loop_mmap_munmap },
    { "b_mprotect_toggle", loop_mprotect_whole },
    { "b2_mprotect_split_merge", loop_mprotect_split },
    { "c1_memfd_2mmap_2munmap", loop_memfd_twice },
    { "c2_memfd_full_cycle", loop_memfd_fresh },
    { "c3_mremap_dup_2munmap", loop_mremap_duplicate },
};
#define LOOP_COUNT ((int)(sizeof loops / sizeof loops[0]))

/* Maps `pages` read-only pages and makes pages [1, pages-1) RW; returns the first RW page. */
static char *fenced_rw(int pages)
{
    char *base = mmap(NULL, pages * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        fail("mmap (setup)");
    if (mprotect(base + PAGE, (pages - 2) * PAGE, PROT_READ | PROT_WRITE) != 0)
        fail("mprotect (setup)");
    return base + PAGE;
}

int sb_setup(void)
{
    toggle_page = fenced_rw(3);
    split_run = fenced_rw(5);
    dup_fd = memfd_create("sysbench", MFD_CLOEXEC);
    if (dup_fd < 0 || ftruncate(dup_fd, DUP_LEN) != 0)
        fail("memfd (setup)");
    return LOOP_COUNT;
}

void sb_set_pages(void *page, void *run3)
{
    toggle_page = page;
    split_run = run3;
}

const char *sb_name(int k)
{
    return (k >= 0 && k < LOOP_COUNT) ? loops[k].name : NULL;
}

long long sb_run(int k, long n)
{
    long long start = clock_ns();
    loops[k].loop(n);
    return clock_ns() - start;
}

#ifndef SB_LIB
static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 200000;
    int reps = argc > 2 ? atoi(argv[2]) : 11;
    if (n < 1 || reps < 1) {
        fprintf(stderr, "usage: %s [N=200000] [REPS=11]\n", argv[0]);
        return 2;
    }
    double *per_op = malloc(reps * sizeof *per_op);
    if (per_op == NULL)
        fail("malloc");
    sb_setup();
    printf("# sysbench: N=%ld, %d repetitions after one warm-up, ns per iteration (min median max)\n", n, reps);
    for (int k = 0; k < LOOP_COUNT; k++) {
        sb_run(k, n);
        for (int r = 0; r < reps; r++)
            per_op[r] = (double)sb_run(k, n) / n;
        qsort(per_op, reps, sizeof *per_op, by_value);
        printf("%-26s %9.1f %9.1f %9.1f\n", loops[k].name, per_op[0], per_op[reps / 2], per_op[reps - 1]);
        fflush(stdout);
    }
    free(per_op);
    return 0;
}
#endif
