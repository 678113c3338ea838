/*
 * Baseline for `bench/run sources`: what the kernel alone spends producing /proc/PID/maps and
 * /proc/PID/smaps (open, read to the end, close; nothing parsed), the floor under any maps reader.
 * Also walks every VMA with the PROCMAP_QUERY ioctl (Linux 6.11 and later), with and without names.
 *
 * usage: readmaps PID [REPS=15] [BUFSIZE=1048576]
 * SourcesBench reads the lines "read-only maps|smaps ... min/med/max <min> <median> <max>" (milliseconds).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* The ioctl's argument as the kernel's UAPI defines it (older headers lack it). */
struct vma_query {
    uint64_t size;
    uint64_t query_flags;
    uint64_t query_addr;
    uint64_t vma_start;
    uint64_t vma_end;
    uint64_t vma_flags;
    uint64_t vma_page_size;
    uint64_t vma_offset;
    uint64_t inode;
    uint32_t dev_major;
    uint32_t dev_minor;
    uint32_t vma_name_size;
    uint32_t build_id_size;
    uint64_t vma_name_addr;
    uint64_t build_id_addr;
};
#define VMA_QUERY_IOCTL _IOWR('f', 17, struct vma_query)
#define VMA_QUERY_COVERING_OR_NEXT 0x10

static char *buffer;
static size_t buffer_size;

static double clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

struct drain {
    long bytes;
    long reads;
};

/* open + read() until EOF + close. */
static struct drain drain_file(const char *path)
{
    struct drain d = { 0, 0 };
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        perror(path);
        exit(1);
    }
    ssize_t got;
    while ((got = read(fd, buffer, buffer_size)) > 0) {
        d.bytes += got;
        d.reads++;
    }
    if (got < 0) {
        perror(path);
        exit(1);
    }
    close(fd);
    return d;
}

/* Every VMA through PROCMAP_QUERY; returns the count, or -1 if the kernel does not know the ioctl. */
static long query_every_vma(const char *path, char *name, uint32_t name_size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        perror(path);
        exit(1);
    }
    long count = 0;
    uint64_t next = 0;
    for (;;) {
        struct vma_query q;
        memset(&q, 0, sizeof q);
        q.size = sizeof q;
        q.query_flags = VMA_QUERY_COVERING_OR_NEXT;
        q.query_addr = next;
        if (name != NULL) {
            q.vma_name_addr = (uintptr_t)name;
            q.vma_name_size = name_size;
        }
        if (ioctl(fd, VMA_QUERY_IOCTL, &q) != 0) {
            if (errno != ENOENT)
                count = -1;          /* ENOTTY on kernels before 6.11 */
            break;
        }
        count++;
        next = q.vma_end;
    }
    close(fd);
    return count;
}

static void report(const char *label, double *ms, int reps)
{
    qsort(ms, reps, sizeof *ms, by_value);
    printf("%s ms min/med/max %.3f %.3f %.3f\n", label, ms[0], ms[reps / 2], ms[reps - 1]);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PID [REPS=15] [BUFSIZE=1048576]\n", argv[0]);
        return 2;
    }
    int reps = argc > 2 ? atoi(argv[2]) : 15;
    buffer_size = argc > 3 ? (size_t)atol(argv[3]) : (size_t)1 << 20;
    buffer = malloc(buffer_size);
    double *ms = malloc((reps > 0 ? reps : 1) * sizeof *ms);
    if (reps < 1 || buffer == NULL || ms == NULL) {
        fprintf(stderr, "readmaps: bad REPS or BUFSIZE\n");
        return 2;
    }

    const char *kinds[] = { "maps", "smaps" };
    char path[2][64];
    for (int k = 0; k < 2; k++) {
        snprintf(path[k], sizeof path[k], "/proc/%s/%s", argv[1], kinds[k]);
        struct drain d = drain_file(path[k]);   /* warm-up */
        for (int r = 0; r < reps; r++) {
            double t0 = clock_ms();
            d = drain_file(path[k]);
            ms[r] = clock_ms() - t0;
        }
        char label[160];
        snprintf(label, sizeof label, "read-only %-5s buf=%zu bytes=%ld reads=%ld ", kinds[k], buffer_size,
                 d.bytes, d.reads);
        report(label, ms, reps);
    }

    static char name[4096];
    for (int named = 0; named <= 1; named++) {
        char *dest = named ? name : NULL;
        long vmas = query_every_vma(path[0], dest, sizeof name);   /* warm-up, and the probe */
        if (vmas < 0) {
            printf("PROCMAP_QUERY not supported by this kernel\n");
            break;
        }
        for (int r = 0; r < reps; r++) {
            double t0 = clock_ms();
            vmas = query_every_vma(path[0], dest, sizeof name);
            ms[r] = clock_ms() - t0;
        }
        char label[96];
        snprintf(label, sizeof label, "PROCMAP_QUERY %s vmas=%ld ", named ? "with names" : "no names  ", vmas);
        report(label, ms, reps);
    }
    free(ms);
    free(buffer);
    return 0;
}
