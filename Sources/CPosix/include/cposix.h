#ifndef MLBOARD_CPOSIX_H
#define MLBOARD_CPOSIX_H

/* Posix calls Swift cannot make directly: fcntl is variadic, and Glibc's
   Swift overlay does not export the open-file-description lock constants. */

/* Blocks until an exclusive open-file-description lock on the whole file is held.
   Returns 0, or -1 with errno set. Falls back to a process-associated lock where
   OFD locks are not supported (errno EINVAL). */
int mlb_lock_exclusive(int fd);

/* Releases the lock taken by mlb_lock_exclusive. */
int mlb_unlock(int fd);

/* Tries the lock without waiting: 1 when taken, 0 when another holds it, -1 on error. */
int mlb_try_lock_exclusive(int fd);

/* inotify: returns a non-blocking, close-on-exec descriptor watching `path` for
   modification, creation and moves, or -1 where inotify is not available. */
int mlb_inotify_watch(const char *path);

/* SIGTERM and SIGHUP (a closed terminal) set a flag instead of killing the process, so the
   dashboard can restore the terminal and remove its presence heartbeat before it exits. */
void mlb_install_quit_signals(void);
int mlb_quit_requested(void);

#endif
