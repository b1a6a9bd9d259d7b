import BoardCore
import BoardStore
import CPosix
import Foundation
import Glibc

/// How the dashboard should start.
public struct DashboardOptions: Sendable {
    public var theme: String?
    public var mouse: Bool
    public var environment: [String: String]

    public init(theme: String?, mouse: Bool, environment: [String: String]) {
        self.theme = theme
        self.mouse = mouse
        self.environment = environment
    }
}

/// The app loop: draw, sleep until a key or a change from another process arrives (no busy
/// loop; a five-second tick keeps "ago" figures and presence fresh), handle, repeat.
public enum DashboardRunner {
    public static func run(store: any WorkspaceStoring, me: Actor, options: DashboardOptions) throws {
        let settings = UserSettings.load(environment: options.environment)
        var keyMap = KeyMap.standard
        var problems = settings.problems
        problems += keyMap.remap(settings.keyEntries, file: settings.file)

        let dashboard = Dashboard(workspace: StoreWorkspace(store: store, me: me), keyMap: keyMap)
        let library = ThemeLibrary.standard(environment: options.environment, executable: executableURL())
        dashboard.themeNames = library.names
        let noColor = !(options.environment["NO_COLOR"] ?? "").isEmpty
        let startTheme = library.load(options.theme ?? settings.theme ?? (noColor ? "monochrome" : "default"))
        problems += startTheme.problems
        dashboard.reportSettingsProblems(problems)
        for warning in store.warnings { dashboard.complain(warning) }

        let wake = WakePipe()
        let watcher = store.watch { wake.signal() }
        let presence = PresenceKeeper(store.presence(of: me.handle))
        presence.refresh { wake.signal() }

        mlb_install_quit_signals()
        InterruptKey.install(waking: wake)
        let screen = NCursesScreen(noColor: noColor, mouse: options.mouse || settings.mouse)
        screen.apply(startTheme.theme)
        defer {
            screen.end()
            watcher.stop()
            presence.leave()
        }
        var lastHeartbeat = Date()
        var silentWakes = 0
        let readsDone = Mailbox<Result<[ActivityEntry], any Error>>()
        while !dashboard.isQuitting && mlb_quit_requested() == 0 {
            let size = screen.size
            screen.draw(dashboard.render(width: size.width, height: size.height))
            let woken = waitForInput(wake: wake, milliseconds: 5000)
            if woken.terminalGone { break }
            if woken.journalChanged {
                do {
                    dashboard.remoteChangesArrived(try store.refreshWithoutWaiting(wake: { wake.signal() }))
                } catch {
                    dashboard.complain("\(error)")
                }
            }
            if let read = readsDone.take() { dashboard.olderActivityArrived(read) }
            if let others = presence.takeOthers() { dashboard.othersPresent = others }
            if InterruptKey.take() { dashboard.handle(.control("c")) }
            let keys = screen.readKeys()
            // Input said ready but held no key, again and again: end of input, the terminal is gone.
            silentWakes = woken.inputReady && keys.isEmpty ? silentWakes + 1 : 0
            if silentWakes >= 50 { break }
            var terminalWork: [TerminalEffect] = []
            for key in keys {
                if key == NCursesScreen.mouseKey {
                    if let mouse = screen.readMouse() { dashboard.handleMouse(x: mouse.x, y: mouse.y, button: mouse.button, height: size.height) }
                } else {
                    terminalWork += dashboard.handle(key)
                }
            }
            for work in terminalWork {
                switch work {
                case .copy(let text):
                    screen.copyToClipboard(text)
                case .switchTheme(let name):
                    let loaded = library.load(name)
                    screen.apply(loaded.theme)
                    if loaded.problems.isEmpty { dashboard.say("theme \(name)") } else { dashboard.reportSettingsProblems(loaded.problems) }

                }
            }
            if let read = dashboard.olderActivityToRead() {
                DispatchQueue.global(qos: .userInitiated).async {
                    readsDone.put(Result { try read() })
                    wake.signal()
                }
            }
            if let work = store.cacheWork() {  // off the input path: the state is a value, copied as it is now
                DispatchQueue.global(qos: .utility).async { try? work.run() }
            }
            if Date().timeIntervalSince(lastHeartbeat) >= 4.5 {
                presence.refresh { wake.signal() }
                lastHeartbeat = Date()
            }
        }
    }

    /// Sleeps in poll() until a key is waiting, the watcher rang, or the tick passed. Says
    /// whether the watcher rang (the journal changed), and whether the terminal is gone: a
    /// terminal closed without a SIGHUP reaching us (started through su, sudo or runuser, and
    /// the ssh session dropped) reports hang-up or end of input, and then nothing will ever
    /// read our screen again.
    private static func waitForInput(wake: WakePipe, milliseconds: Int32) -> (journalChanged: Bool, terminalGone: Bool, inputReady: Bool) {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 2, milliseconds)
        let changed = fds[1].revents != 0
        if changed { wake.drain() }
        return (changed, terminalIsGone(fds[0].revents), fds[0].revents & Int16(POLLIN) != 0)
    }

    private static func terminalIsGone(_ events: Int16) -> Bool {
        events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private static func executableURL() -> URL {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: path)
    }
}

/// Lets the watcher's thread wake the app loop out of poll().
final class WakePipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        _ = ends.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
        readEnd = ends[0]
        writeEnd = ends[1]
        _ = fcntl(readEnd, F_SETFL, O_NONBLOCK)
        _ = fcntl(writeEnd, F_SETFL, O_NONBLOCK)
    }

    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}
