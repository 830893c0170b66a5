/* Hover a call below: TIL Companion explains it from your notes. */
#include <semaphore.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static sem_t slots;

int main(void) {
    sem_init(&slots, 0, 1);
    pid_t child = fork();
    if (child == 0) {
        sem_wait(&slots);
        puts("child: inside the critical section");
        sem_post(&slots);
        _exit(0);
    }
    waitpid(child, NULL, 0); /* reap the child so it does not stay a zombie */
    return 0;
}
