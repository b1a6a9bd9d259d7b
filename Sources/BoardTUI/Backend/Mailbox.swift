import Foundation

/// One result handed from another thread to the input loop, which wakes and takes it.
final class Mailbox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func put(_ new: Value) { lock.withLock { value = new } }

    func take() -> Value? {
        lock.withLock {
            defer { value = nil }
            return value
        }
    }
}
