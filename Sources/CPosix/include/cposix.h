#ifndef MLBOARD_CPOSIX_H
#define MLBOARD_CPOSIX_H

/* Posix calls Swift cannot make directly: fcntl is variadic, and Glibc's
   Swift overlay does not export the open-file-description lock constants. */

/* Open-file-description locks on a whole file. There is no fallback to process-associated
   locks: those drop when the process closes any descriptor of the file, which readers of the
   journal do all the time. Where OFD locks are missing, these fail with errno EINVAL. */

/* Takes an exclusive lock, waiting at most timeout_ms (forever when negative).
   Returns 1 when taken, 0 when the time ran out, -1 with errno set on error. */
int mlb_lock_exclusive_within(int fd, int timeout_ms);

/* Tries the lock without waiting: 1 when taken, 0 when another holds it, -1 on error. */
int mlb_try_lock_exclusive(int fd);

/* Releases the lock. */
int mlb_unlock(int fd);

/* The same on the bytes [start, start + length) only (length 0: to the end of any file), so
   one file can hold many locks: shared (exclusive 0) or exclusive. timeout_ms 0 only tries. */
int mlb_lock_range_within(int fd, int exclusive, long long start, long long length, int timeout_ms);
int mlb_unlock_range(int fd, long long start, long long length);

/* 1 when another open file description holds a lock on any of those bytes, 0 when none
   does, -1 on error. Takes nothing. */
int mlb_range_is_locked(int fd, long long start, long long length);

/* What mlboard checks of a file before trusting it. Read with statx and a mask without
   times: asking for a file's times makes Linux (6.13 and later, multigrain timestamps) give
   its next write a fine-grained time, and then a commit's fdatasync writes the inode too. */
struct mlb_file_facts {
    unsigned long long device;
    unsigned long long inode;
    unsigned long long size;
    unsigned int mode;
    unsigned int links;
    unsigned int owner;
    unsigned int group;
};

/* Facts of `name` in directory `dirfd` without following a final symbolic link, or of
   `dirfd` itself when name is "". Returns 0, or -1 with errno set. */
int mlb_file_facts(int dirfd, const char *name, struct mlb_file_facts *facts);

/* fcntl(fd, F_SETFL, flags & ~O_NONBLOCK): files are opened non-blocking so a FIFO cannot
   hang the open; regular files are then used as usual. */
int mlb_clear_nonblocking(int fd);

/* inotify: returns a non-blocking, close-on-exec descriptor watching `path` for
   modification, creation and moves, or -1 where inotify is not available. */
int mlb_inotify_watch(const char *path);

/* SIGTERM and SIGHUP (a closed terminal) set a flag instead of killing the process, so the
   dashboard can restore the terminal and remove its presence heartbeat before it exits. */
void mlb_install_quit_signals(void);
int mlb_quit_requested(void);

/* syncfs(fd): flushes the whole file system that holds fd, one flush for many new files.
   Returns 0, or -1 with errno set. */
int mlb_syncfs(int fd);

#endif
