import Glibc
import Synchronization

/// Ctrl-C reaches the dashboard as a key, so that a form with unsaved input can ask first.
/// The terminal stays in cbreak mode (Ctrl-Z still suspends), so Ctrl-C arrives as SIGINT.
/// Installed before ncurses starts, this handler replaces the one ncurses would install
/// (which ends the program at once with status 1). It only notes the key and wakes the app
/// loop through its pipe, whichever thread the signal lands on.
enum InterruptKey {
    private static let pressed = Atomic<Bool>(false)
    private static let wakeDescriptor = Atomic<Int32>(-1)

    static func install(waking wake: WakePipe) {
        wakeDescriptor.store(wake.writeEnd, ordering: .relaxed)
        signal(SIGINT) { _ in
            InterruptKey.pressed.store(true, ordering: .relaxed)
            var byte: UInt8 = 3
            _ = write(InterruptKey.wakeDescriptor.load(ordering: .relaxed), &byte, 1)
        }
    }

    /// Whether Ctrl-C was pressed since the last call.
    static func take() -> Bool {
        pressed.exchange(false, ordering: .relaxed)
    }
}
