import Foundation

/// mlboard-bench: figures for the shared data directory, side by side with SQLite and the
/// disk. Run in release: `swift run -c release mlboard-bench [--quick] [--only SECTION...]`.
/// Sections: commit, contention, open, history, sync, frames, signed-commit, signed-verify, signed-open, verify,
/// postgres (the signed ones need ssh-keygen, ssh-agent and ssh-add on PATH; postgres starts a throwaway
/// cluster with Debian's server binaries under /usr/lib/postgresql). Hidden child modes serve the sections
/// that need separate processes.

let arguments = Array(CommandLine.arguments.dropFirst())
// Frames are measured as a UTF-8 terminal gets them (the dashboard calls setlocale too);
// without this, the C locale makes panes draw their ASCII fallback.
setlocale(LC_ALL, "C.UTF-8")

func runChild(_ mode: String, _ rest: [String]) throws -> Bool {
    switch mode {
    case "child-mlboard-writer": try ContentionBench.mlboardWriter(rest)
    case "child-sqlite-writer": ContentionBench.sqliteWriter(rest)
    case "child-open": try OpenBench.child(rest)
    case "child-first-frame": try HistoryBench.childFirstFrame(rest)
    case "child-sync-writer": try SyncBench.writer(rest)
    case "child-pg-sync-writer": try PostgresSyncBench.writer(rest)
    case "child-pg-open": try PostgresOpenBench.child(rest)
    case "child-pg-comments": try PostgresCommentsBench.child(rest)
    default: return false
    }
    fflush(nil)
    return true
}

do {
    if let mode = arguments.first, mode.hasPrefix("child-") {
        guard try runChild(mode, Array(arguments.dropFirst())) else { fatalError("unknown child mode \(mode)") }
        exit(0)
    }
    let quick = arguments.contains("--quick")
    var only = Set<String>()
    var framesProjects: Int?
    var index = 0
    func refuse(_ message: String) -> Never {
        FileHandle.standardError.write(Data("mlboard-bench: \(message)\n".utf8))
        exit(2)
    }
    func value(after flag: String) -> String {
        index += 1
        guard index < arguments.count else { refuse("\(flag) needs a value") }
        return arguments[index]
    }
    while index < arguments.count {
        switch arguments[index] {
        case "--quick": break
        case "--only": only.insert(value(after: "--only"))
        case "--frames-projects":
            guard let count = Int(value(after: "--frames-projects")), count > 0 else { refuse("--frames-projects needs a positive whole number") }
            framesProjects = count
        case "-h", "--help":
            print("usage: mlboard-bench [--quick] [--only commit|contention|open|history|sync|frames|signed-commit|signed-verify|signed-open|verify|postgres|startup]... [--frames-projects N]")
            exit(0)
        default:
            refuse("unknown argument \(arguments[index])")
        }
        index += 1
    }
    func wanted(_ section: String) -> Bool { only.isEmpty || only.contains(section) }
    #if DEBUG
    print("warning: a debug build; figures mean little. Use `swift run -c release mlboard-bench`.")
    #endif
    print("# mlboard-bench\(quick ? " --quick" : "")")
    print("temporary folder: \(NSTemporaryDirectory())")
    print("load average at start: \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown")")
    fflush(nil)
    if wanted("commit") { _ = try DurableCommitBench.run(quick: quick) }
    if wanted("contention") { try ContentionBench.run(quick: quick) }
    if wanted("open") { try OpenBench.run(quick: quick) }
    if wanted("history") { try HistoryBench.run(quick: quick) }
    if wanted("sync") { try SyncBench.run(quick: quick) }
    if wanted("frames") { try FrameBench.run(projects: framesProjects ?? (quick ? 1_000 : 10_000)) }
    if wanted("signed-commit") { try SignedCommitBench.run(quick: quick) }
    if wanted("signed-verify") { try SignedVerifyBench.run(quick: quick) }
    if wanted("signed-open") { try SignedOpenBench.run(quick: quick) }
    if wanted("verify") { try VerifyBench.run(quick: quick) }
    if wanted("postgres") { try PostgresBench.run(quick: quick) }
    if wanted("startup") { try StartupBench.run(quick: quick) }
} catch {
    FileHandle.standardError.write(Data("mlboard-bench: \(error)\n".utf8))
    exit(1)
}
