extension Decider {
    func recordBridgeSync(_ bridge: String, _ target: String, _ pulled: Int, _ pushed: Int) throws -> [Event] {
        try requireActor()
        try Validate.slug(bridge, field: "bridge")
        try Validate.reference(target, field: "bridge target")
        guard pulled >= 0 && pushed >= 0 else {
            throw RuleViolation(.invalidText, "a bridge sync counts pulled versions and pushed changes, 0 or more")
        }
        return [.bridgeSynced(BridgeSync(bridge: bridge, target: target, pulled: pulled, pushed: pushed, at: now, by: actor.handle))]
    }
}
