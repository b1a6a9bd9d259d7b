import Glibc

enum SignalMask {
    /// A parent (a test runner, a service manager) may start us with signals blocked; a
    /// command-line tool should still stop on SIGTERM and SIGINT, so take a clean mask.
    static func unblockAll() {
        var empty = sigset_t()
        sigemptyset(&empty)
        sigprocmask(SIG_SETMASK, &empty, nil)
    }
}
