import BoardCore
import Foundation

/// Who is acting: `--as HANDLE`, else MLBOARD_USER, else the OS login.
public enum Identity {
    public static func resolve(explicit: String?, environment: [String: String]) -> Actor {
        let os = osUser(environment: environment)
        if let explicit, !explicit.isEmpty { return Actor(handle: explicit, osUser: os) }
        if let fromEnvironment = environment["MLBOARD_USER"], !fromEnvironment.isEmpty {
            return Actor(handle: fromEnvironment, osUser: os)
        }
        return Actor(handle: os, osUser: os)
    }

    public static func osUser(environment: [String: String]) -> String {
        if let name = getpwuid(geteuid())?.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }
}
