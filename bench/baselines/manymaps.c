/*
 * Baseline for `bench/run sources`: a process with a chosen number of VMAs, to time the /proc maps and
 * smaps readers at the scale of large real processes. It maps N pages read-only in one go and turns every
 * second page PROT_NONE, so neighbours differ and the kernel keeps N separate VMAs. With `file` the pages
 * are a private mapping of a sparse file, so each maps line carries a device, an inode, an offset and a path.
 * It then prints its PID on a line of its own and waits to be killed.
 *
 * usage: manymaps anon|file N [FILE=vmatlas-manymaps-backing-file.bin]
 * (one process holds at most vm.max_map_count VMAs, 65530 by default, its own few included)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int usage(const char *self)
{
    fprintf(stderr, "usage: %s anon|file N [FILE]\n", self);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return usage(argv[0]);
    int file_backed = strcmp(argv[1], "file") == 0;
    if (!file_backed && strcmp(argv[1], "anon") != 0)
        return usage(argv[0]);
    long n = atol(argv[2]);
    if (n < 1)
        return usage(argv[0]);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t len = (size_t)n * page;

    int fd = -1;
    int flags = MAP_PRIVATE | MAP_ANONYMOUS;
    if (file_backed) {
        const char *path = argc > 3 ? argv[3] : "vmatlas-manymaps-backing-file.bin";
        fd = open(path, O_RDWR | O_CREAT, 0644);
        if (fd < 0 || ftruncate(fd, (off_t)len) != 0) {
            perror(path);
            return 1;
        }
        flags = MAP_PRIVATE;
    }
    char *base = mmap(NULL, len, PROT_READ, flags, fd, 0);
    if (base == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    for (long i = 1; i < n; i += 2) {
        if (mprotect(base + (size_t)i * page, page, PROT_NONE) != 0) {
            fprintf(stderr, "mprotect of page %ld of %ld: ", i, n);
            perror(NULL);
            return 1;
        }
    }

    printf("%ld\n", (long)getpid());
    fflush(stdout);
    for (;;)
        pause();
}
