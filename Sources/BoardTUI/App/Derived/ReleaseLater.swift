import Dispatch

/// Lets go of `value` on a background queue, a little later. Freeing the last copy of a large
/// collection of structs (the projects of before a change, kept to compare with) releases every
/// string in it: some milliseconds at 10,000 projects, which need not be spent in a frame. The
/// delay lets the caller's own copies go first, so that the background one is the last.
func releaseLater<Value: Sendable>(_ value: Value?) {
    guard let value else { return }
    DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(100)) { withExtendedLifetime(value) {} }
}
