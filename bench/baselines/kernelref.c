/*
 * Baseline for `bench/run model`: the Linux kernel itself as a region model. Applies the benchmark's
 * deterministic op stream (see README.md here) as real mmap(MAP_FIXED) / munmap / mprotect calls inside
 * an empty 1 GiB arena of this process, then counts the VMAs left in the arena from /proc/self/maps.
 * The arena is fenced by MAP_SHARED pages, which private anonymous VMAs never merge with.
 *
 * usage: kernelref [OPS=1000000] [REPS=3]
 * One line per repetition; ModelBench reads "-> <n> ops/s" and "final VMAs in arena <n>" from the first.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define PAGE_SIZE_BYTES 4096UL
#define ARENA_PAGES 262144UL          /* 1 GiB */
#define MAX_LEN_PAGES 256UL

/* splitmix64; draw(n) keeps the top 63 bits, as Java's (next() >>> 1) % n does. */
struct stream {
    uint64_t state;
};

static inline uint64_t stream_next(struct stream *s)
{
    uint64_t x = s->state += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

static inline uint64_t draw(struct stream *s, uint64_t n)
{
    return (stream_next(s) >> 1) % n;
}

static const int prot_table[4] = { PROT_NONE, PROT_READ, PROT_READ | PROT_WRITE, PROT_READ | PROT_EXEC };

static long long clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* VMAs of this process lying wholly inside [from, to). */
static int vmas_within(uintptr_t from, uintptr_t to)
{
    FILE *maps = fopen("/proc/self/maps", "r");
    if (maps == NULL) {
        perror("/proc/self/maps");
        exit(1);
    }
    char *line = NULL;
    size_t cap = 0;
    int count = 0;
    while (getline(&line, &cap, maps) > 0) {
        char *rest;
        uintptr_t start = strtoull(line, &rest, 16);
        uintptr_t end = (*rest == '-') ? strtoull(rest + 1, NULL, 16) : 0;
        if (start >= from && end <= to && end > start)
            count++;
    }
    free(line);
    fclose(maps);
    return count;
}

/* One repetition: fresh arena, the whole stream, the VMA count. Returns the elapsed ns of the calls. */
static long long replay(long ops, int *vmas, long *enomem)
{
    size_t arena_bytes = ARENA_PAGES * PAGE_SIZE_BYTES;
    size_t fenced = arena_bytes + 2 * PAGE_SIZE_BYTES;
    char *fence = mmap(NULL, fenced, PROT_NONE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (fence == MAP_FAILED) {
        perror("mmap (arena)");
        exit(1);
    }
    char *arena = fence + PAGE_SIZE_BYTES;
    if (munmap(arena, arena_bytes) != 0) {     /* leaves one shared guard page at each end */
        perror("munmap (arena)");
        exit(1);
    }

    struct stream s = { 42 };
    long refused = 0;
    long long start = clock_ns();
    for (long i = 0; i < ops; i++) {
        uint64_t kind = draw(&s, 10);
        uint64_t first = draw(&s, ARENA_PAGES);
        uint64_t last = first + 1 + draw(&s, MAX_LEN_PAGES);
        if (last > ARENA_PAGES)
            last = ARENA_PAGES;
        int prot = prot_table[draw(&s, 4)];
        char *addr = arena + first * PAGE_SIZE_BYTES;
        size_t len = (last - first) * PAGE_SIZE_BYTES;

        if (kind < 4) {
            if (mmap(addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0) == MAP_FAILED) {
                perror("mmap");
                exit(1);
            }
        } else if (kind < 7) {
            if (munmap(addr, len) != 0) {
                perror("munmap");
                exit(1);
            }
        } else if (mprotect(addr, len, prot) != 0) {
            if (errno != ENOMEM) {              /* ENOMEM: a hole in the range, expected */
                perror("mprotect");
                exit(1);
            }
            refused++;
        }
    }
    long long elapsed = clock_ns() - start;

    *vmas = vmas_within((uintptr_t)arena, (uintptr_t)(arena + arena_bytes));
    *enomem = refused;
    munmap(fence, fenced);
    return elapsed;
}

int main(int argc, char **argv)
{
    long ops = argc > 1 ? atol(argv[1]) : 1000000;
    int reps = argc > 2 ? atoi(argv[2]) : 3;
    if (ops < 1 || reps < 1) {
        fprintf(stderr, "usage: %s [OPS=1000000] [REPS=3]\n", argv[0]);
        return 2;
    }
    for (int r = 0; r < reps; r++) {
        int vmas;
        long enomem;
        long long ns = replay(ops, &vmas, &enomem);
        printf("kernel, op stream of %ld calls in %.1f ms -> %.0f ops/s (%.1f ns/op), final VMAs in arena %d, "
               "mprotect ENOMEM %ld\n", ops, ns / 1e6, ops / (ns / 1e9), (double)ns / ops, vmas, enomem);
        fflush(stdout);
    }
    return 0;
}
