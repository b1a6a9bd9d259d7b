import Foundation

/// Problems with the data directory itself, as opposed to a rule saying no.
/// The command line maps every one of them to exit code 3.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case alreadyExists(String)
    case corrupt(file: String, sequence: Int64?, reason: String)
    case badConfiguration(file: String, reason: String)
    case readOnly(String)
    case io(operation: String, path: String, errno: Int32)
    /// The kernel said no: `action` is what was tried ("read", "write").
    case permissionDenied(path: String, action: String, detail: String?)
    /// Something in the data directory is not what its name says (a link, a FIFO, a folder,
    /// a hard link, a file of another group): refused, never followed.
    case unsafeFile(path: String, problem: String)
    /// Another writer held the lock for longer than `--wait` allowed.
    case lockNotTaken(seconds: Double, holder: String)
    /// The server holding the workspace could not complete the operation (down, unreachable,
    /// the connection dropped); the message names the server and says what was stored.
    case unavailable(String)

    public var description: String {
        switch self {
        case .unavailable(let message):
            return message
        case .notFound(let what):
            return "no mlboard data directory: \(what). Create one with 'mlboard init', or point at one with --dir or MLBOARD_DIR"
        case .alreadyExists(let path):
            return "\(path) already holds an mlboard workspace"
        case .corrupt(let file, let sequence, let reason):
            let place = sequence.map { " at sequence \($0)" } ?? ""
            return "\(file) is corrupt\(place): \(reason). Nothing was repaired; run 'mlboard verify' and restore the file from a backup"
        case .badConfiguration(let file, let reason):
            return "\(file): \(reason)"
        case .readOnly(let reason):
            return "the workspace is read-only: \(reason)"
        case .io(let operation, let path, let code):
            if code == EACCES || code == EPERM {
                return StoreError.permissionDenied(path: path, action: operation, detail: nil).description
            }
            return "\(operation) \(path) failed: \(String(cString: strerror(code)))"
        case .permissionDenied(let path, let action, let detail):
            let facts = detail.map { " (\($0))" } ?? ""
            return "permission denied: \(UserNames.me) cannot \(action) \(path)\(facts). "
                + "Ask whoever owns it to run 'mlboard doctor --fix', or share it with your group"
        case .unsafeFile(let path, let problem):
            return "refusing \(path): \(problem). Run 'mlboard doctor' to see what to do"
        case .lockNotTaken(let seconds, let holder):
            return "gave up waiting for the journal lock after \(Int(seconds.rounded())) s; \(holder)"
        }
    }

    static func lastIO(_ operation: String, _ path: String) -> StoreError {
        .io(operation: operation, path: path, errno: errno)
    }
}
