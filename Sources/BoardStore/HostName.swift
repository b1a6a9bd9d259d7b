import Glibc

/// This machine's name as `gethostname` gives it; empty when it cannot be had.
enum HostName {
    static var current: String {
        var host = [CChar](repeating: 0, count: 256)
        guard gethostname(&host, host.count) == 0 else { return "" }
        return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
