/*
 * processes.c — processes vs. threads in one file.
 *
 *   gcc -Wall -O2 -pthread processes.c -o processes && ./processes
 *
 * The parent fork()s a child that execvp()s `ls -l`, then waits for it with waitpid().
 * Meanwhile four threads increment a shared counter under a mutex, and a counting
 * semaphore limits how many of them may be in the "download" section at once.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define NUM_THREADS 4
#define ITERATIONS 100000
#define MAX_CONCURRENT_DOWNLOADS 2

static long counter = 0;
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static sem_t download_slots;

static void *worker(void *arg) {
    int id = *(int *)arg;

    for (int i = 0; i < ITERATIONS; i++) {
        pthread_mutex_lock(&counter_lock);   /* critical section: one thread at a time */
        counter++;
        pthread_mutex_unlock(&counter_lock);
    }

    sem_wait(&download_slots);               /* at most MAX_CONCURRENT_DOWNLOADS inside */
    printf("thread %d: downloading...\n", id);
    struct timespec pause = {.tv_sec = 0, .tv_nsec = 100 * 1000 * 1000};
    nanosleep(&pause, NULL);
    printf("thread %d: done\n", id);
    sem_post(&download_slots);

    return NULL;
}

static int run_child(void) {
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return -1;
    }
    if (pid == 0) {
        /* Child: replace this process image with `ls -l`. */
        char *argv[] = {"ls", "-l", NULL};
        execvp(argv[0], argv);
        perror("execvp");                    /* only reached if exec failed */
        _exit(127);
    }

    /* Parent: reap the child so it does not stay a zombie. */
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) {
        perror("waitpid");
        return -1;
    }
    if (WIFEXITED(status)) {
        printf("child %d exited with status %d\n", (int)pid, WEXITSTATUS(status));
        return WEXITSTATUS(status);
    }
    if (WIFSIGNALED(status)) {
        printf("child %d killed by signal %d\n", (int)pid, WTERMSIG(status));
    }
    return -1;
}

int main(void) {
    pthread_t threads[NUM_THREADS];
    int ids[NUM_THREADS];

    if (sem_init(&download_slots, 0, MAX_CONCURRENT_DOWNLOADS) != 0) {
        perror("sem_init");
        return EXIT_FAILURE;
    }

    for (int i = 0; i < NUM_THREADS; i++) {
        ids[i] = i;
        int err = pthread_create(&threads[i], NULL, worker, &ids[i]);
        if (err != 0) {
            fprintf(stderr, "pthread_create: %s\n", strerror(err));
            return EXIT_FAILURE;
        }
    }

    int child_status = run_child();

    for (int i = 0; i < NUM_THREADS; i++) {
        pthread_join(threads[i], NULL);
    }
    sem_destroy(&download_slots);
    pthread_mutex_destroy(&counter_lock);

    printf("counter = %ld (expected %d)\n", counter, NUM_THREADS * ITERATIONS);
    return child_status == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
