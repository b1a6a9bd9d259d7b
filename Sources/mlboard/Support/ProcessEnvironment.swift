import Glibc

/// The process's environment as a dictionary, read once from `environ`: Foundation's
/// `ProcessInfo.environment` builds a new one at each ask, at a tenth of a millisecond each.
enum ProcessEnvironment {
    static let current: [String: String] = {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
            if let equals = text.firstIndex(of: "="), variables[String(text[..<equals])] == nil {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return variables
    }()
}
