import Glibc
import NIOCore
import NIOPosix

/// Why a connection could not be made, in words a person can act on: "connection refused",
/// "no route to host", "cannot resolve HOST: …". Shared by the PostgreSQL store and the MLflow
/// bridge, which both connect through SwiftNIO.
public enum NetworkFailure {
    public static func reason(_ error: any Error) -> String {
        if let failure = error as? NIOConnectionError {
            if let last = failure.connectionErrors.last { return reason(last.error) }
            if let dns = failure.dnsAError ?? failure.dnsAAAAError { return "cannot resolve \(failure.host): \(dns)" }
        }
        if let failure = error as? IOError { return String(cString: strerror(failure.errnoCode)).lowercased() }
        return "\(error)"
    }
}
