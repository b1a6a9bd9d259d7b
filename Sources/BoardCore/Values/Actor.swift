/// Who made a change: the stakeholder handle they act as, and the OS account they used.
public struct Actor: Codable, Hashable, Sendable {
    public var handle: String
    public var osUser: String

    public init(handle: String, osUser: String) {
        self.handle = handle
        self.osUser = osUser
    }
}
