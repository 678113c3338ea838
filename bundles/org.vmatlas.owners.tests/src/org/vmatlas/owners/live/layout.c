/*
 * A process made for the classifier's tests: it makes one of each kind of region, prints what it made,
 * one "what address" or "thread TID" line each, then "ready", and waits until its stdin closes.
 * usage: layout FILE   (FILE: any readable file of at least one page, mapped read-only)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef PR_SET_VMA
#define PR_SET_VMA 0x53564d41
#define PR_SET_VMA_ANON_NAME 0
#endif

static int pipe_fds[2];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t started = PTHREAD_COND_INITIALIZER;
static int running;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    printf("thread %ld\n", (long)syscall(SYS_gettid));
    fflush(stdout);
    running++;
    pthread_cond_signal(&started);
    pthread_mutex_unlock(&lock);
    char c;
    while (read(pipe_fds[0], &c, 1) < 0) {
    }
    return NULL;
}

static void *must(void *p, const char *what)
{
    if (p == MAP_FAILED || p == NULL) {
        perror(what);
        exit(1);
    }
    return p;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: layout FILE\n");
        return 2;
    }
    long page = sysconf(_SC_PAGESIZE);
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (pipe(pipe_fds) != 0) {
        perror("pipe");
        return 1;
    }

    int memfd = memfd_create("vmatlas-layout", 0);
    if (memfd < 0 || ftruncate(memfd, 16 * page) != 0) {
        perror("memfd");
        return 1;
    }
    void *shared = must(mmap(NULL, 16 * page, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0), "memfd mmap");
    printf("memfd %p\n", shared);

    int shmid = shmget(IPC_PRIVATE, 16 * page, IPC_CREAT | 0600);
    if (shmid >= 0) {
        void *sysv = shmat(shmid, NULL, 0);
        shmctl(shmid, IPC_RMID, NULL); /* gone when we exit */
        if (sysv != (void *)-1)
            printf("sysv %p\n", sysv);
    }

    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        perror(argv[1]);
        return 1;
    }
    printf("file %p\n", must(mmap(NULL, page, PROT_READ, MAP_PRIVATE, fd, 0), "file mmap"));

    char *buffer = must(mmap(NULL, 16 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), "buffer");
    mprotect(buffer, page, PROT_NONE);
    buffer[page] = 1;
    printf("guard %p\n", (void *)buffer);
    printf("data %p\n", (void *)(buffer + page));

    void *reserved = must(mmap(NULL, 1L << 30, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0), "reserve");
    printf("reserved %p\n", reserved);

    unsigned char *code = must(mmap(NULL, page, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), "code");
    code[0] = 0xc3; /* ret */
    printf("code %p\n", (void *)code);

    void *named = must(mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), "named");
    if (prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, (unsigned long)named, 4 * page, (unsigned long)"vmatlas-named") == 0)
        printf("named %p\n", named);

    pthread_t threads[2];
    for (int i = 0; i < 2; i++) {
        if (pthread_create(&threads[i], NULL, worker, NULL) != 0) {
            perror("pthread_create");
            return 1;
        }
    }
    pthread_mutex_lock(&lock);
    while (running < 2)
        pthread_cond_wait(&started, &lock);
    pthread_mutex_unlock(&lock);
    printf("ready %ld\n", (long)getpid());

    char c;
    while (read(0, &c, 1) > 0) {
    }
    return 0;
}
