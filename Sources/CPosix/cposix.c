#define _GNU_SOURCE
#include "cposix.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <pthread.h>
#include <time.h>
#ifdef __linux__
#include <sys/inotify.h>
#endif

int mlb_inotify_watch(const char *path) {
#ifdef __linux__
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) return -1;
    if (inotify_add_watch(fd, path, IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE) < 0) {
        close(fd);
        return -1;
    }
    return fd;
#else
    (void)path;
    return -1;
#endif
}

static volatile sig_atomic_t quit_requested = 0;

static void note_quit(int signal_number) {
    (void)signal_number;
    quit_requested = 1;
}

void mlb_install_quit_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = note_quit;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}

int mlb_quit_requested(void) { return quit_requested; }

static int ofd_lock_range(int fd, int command, short type, long long start, long long length) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = (off_t)start;
    fl.l_len = (off_t)length;
    return fcntl(fd, command, &fl);
}

static int try_lock_range(int fd, short type, long long start, long long length) {
    int rc;
    do { rc = ofd_lock_range(fd, F_OFD_SETLK, type, start, length); } while (rc == -1 && errno == EINTR);
    if (rc == 0) return 1;
    if (errno == EAGAIN || errno == EACCES) return 0;
    return -1;
}

int mlb_try_lock_exclusive(int fd) { return try_lock_range(fd, F_WRLCK, 0, 0); }

int mlb_unlock_range(int fd, long long start, long long length) {
    int rc;
    do { rc = ofd_lock_range(fd, F_OFD_SETLK, F_UNLCK, start, length); } while (rc == -1 && errno == EINTR);
    return rc;
}

int mlb_unlock(int fd) { return mlb_unlock_range(fd, 0, 0); }

int mlb_range_is_locked(int fd, long long start, long long length) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = (off_t)start;
    fl.l_len = (off_t)length;
    int rc;
    do { rc = fcntl(fd, F_OFD_GETLK, &fl); } while (rc == -1 && errno == EINTR);
    if (rc != 0) return -1;
    return fl.l_type == F_UNLCK ? 0 : 1;
}

/* The timed wait: a blocking F_OFD_SETLKW that a timer interrupts. The timer signals this
   thread only, first at the deadline and then every 20 ms, through a handler installed
   without SA_RESTART, so the wait returns EINTR and the deadline is checked; a tick that lands
   before the call blocks is followed by another. No tick comes before the deadline: fifty
   queued writers ticking every 20 ms woke 2,500 times a second for nothing. */
#define MLB_LOCK_TICK_SIGNAL (SIGRTMIN + 4)

static void lock_tick(int signal_number) { (void)signal_number; }

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int mlb_lock_range_within(int fd, int exclusive, long long start, long long length, int timeout_ms) {
    short type = exclusive ? F_WRLCK : F_RDLCK;
    int taken = try_lock_range(fd, type, start, length);
    if (taken != 0 || timeout_ms == 0) return taken;
    if (timeout_ms < 0) {
        int rc;
        do { rc = ofd_lock_range(fd, F_OFD_SETLKW, type, start, length); } while (rc == -1 && errno == EINTR);
        return rc == 0 ? 1 : -1;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = lock_tick;
    sigemptyset(&action.sa_mask);
    if (sigaction(MLB_LOCK_TICK_SIGNAL, &action, NULL) != 0) return -1;
    sigset_t tick;
    sigemptyset(&tick);
    sigaddset(&tick, MLB_LOCK_TICK_SIGNAL);
    pthread_sigmask(SIG_UNBLOCK, &tick, NULL);

    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_THREAD_ID;
    event.sigev_signo = MLB_LOCK_TICK_SIGNAL;
    event._sigev_un._tid = (pid_t)syscall(SYS_gettid);
    timer_t timer;
    if (timer_create(CLOCK_MONOTONIC, &event, &timer) != 0) return -1;
    struct itimerspec every;
    memset(&every, 0, sizeof every);
    every.it_value.tv_sec = timeout_ms / 1000;
    every.it_value.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
    every.it_interval.tv_nsec = 20 * 1000000L;
    timer_settime(timer, 0, &every, NULL);

    long long deadline = now_ms() + timeout_ms;
    int result;
    while (1) {
        if (ofd_lock_range(fd, F_OFD_SETLKW, type, start, length) == 0) { result = 1; break; }
        if (errno != EINTR) { result = -1; break; }
        if (now_ms() >= deadline) { result = 0; break; }
    }
    int saved = errno;
    timer_delete(timer);
    errno = saved;
    return result;
}

int mlb_lock_exclusive_within(int fd, int timeout_ms) {
    return mlb_lock_range_within(fd, 1, 0, 0, timeout_ms < 0 ? -1 : timeout_ms == 0 ? 1 : timeout_ms);
}

int mlb_file_facts(int dirfd, const char *name, struct mlb_file_facts *facts) {
    struct statx sx;
    int flags = AT_SYMLINK_NOFOLLOW | AT_STATX_SYNC_AS_STAT;
    if (name[0] == '\0') flags |= AT_EMPTY_PATH;
    unsigned int mask = STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_UID | STATX_GID | STATX_INO | STATX_SIZE;
    if (statx(dirfd, name, flags, mask, &sx) != 0) return -1;
    facts->device = ((unsigned long long)sx.stx_dev_major << 32) | sx.stx_dev_minor;
    facts->inode = sx.stx_ino;
    facts->size = sx.stx_size;
    facts->mode = sx.stx_mode;
    facts->links = sx.stx_nlink;
    facts->owner = sx.stx_uid;
    facts->group = sx.stx_gid;
    return 0;
}

int mlb_clear_nonblocking(int fd) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
}

int mlb_syncfs(int fd) {
    return syncfs(fd);
}
