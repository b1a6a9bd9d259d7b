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

    public var description: String {
        switch self {
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
            return "\(operation) \(path) failed: \(String(cString: strerror(code)))"
        }
    }

    static func lastIO(_ operation: String, _ path: String) -> StoreError {
        .io(operation: operation, path: path, errno: errno)
    }
}
