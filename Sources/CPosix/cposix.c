#define _GNU_SOURCE
#include "cposix.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/inotify.h>
#endif

static int lock_command(int fd, int ofd_cmd, int classic_cmd, short type) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0;
    fl.l_len = 0;
#ifdef F_OFD_SETLKW
    int rc;
    do { rc = fcntl(fd, ofd_cmd, &fl); } while (rc == -1 && errno == EINTR);
    if (rc == 0 || errno != EINVAL) return rc;
#else
    (void)ofd_cmd;
#endif
    int rc2;
    do { rc2 = fcntl(fd, classic_cmd, &fl); } while (rc2 == -1 && errno == EINTR);
    return rc2;
}

int mlb_lock_exclusive(int fd) {
#ifdef F_OFD_SETLKW
    return lock_command(fd, F_OFD_SETLKW, F_SETLKW, F_WRLCK);
#else
    return lock_command(fd, 0, F_SETLKW, F_WRLCK);
#endif
}

int mlb_unlock(int fd) {
#ifdef F_OFD_SETLK
    return lock_command(fd, F_OFD_SETLK, F_SETLK, F_UNLCK);
#else
    return lock_command(fd, 0, F_SETLK, F_UNLCK);
#endif
}

int mlb_try_lock_exclusive(int fd) {
#ifdef F_OFD_SETLK
    int rc = lock_command(fd, F_OFD_SETLK, F_SETLK, F_WRLCK);
#else
    int rc = lock_command(fd, 0, F_SETLK, F_WRLCK);
#endif
    if (rc == 0) return 1;
    if (errno == EAGAIN || errno == EACCES) return 0;
    return -1;
}

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
