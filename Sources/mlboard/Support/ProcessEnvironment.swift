import Glibc

/// The process's environment as a dictionary, read once from `environ`: Foundation's
/// `ProcessInfo.environment` builds a new one at each ask, at a tenth of a millisecond each.
/// Of two entries with one name the first counts, as for `getenv`.
enum ProcessEnvironment {
    static let current: [String: String] = {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return variables
    }()
}
