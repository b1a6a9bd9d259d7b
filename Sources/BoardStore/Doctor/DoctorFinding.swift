/// One thing `mlboard doctor` found wrong with a data directory, and what to do about it.
public struct DoctorFinding: Equatable, Sendable, Codable {
    public var path: String
    public var problem: String
    /// What a person should run or do.
    public var advice: String
    /// What `doctor --fix` would do, when it is safe to do without asking.
    public var repair: DoctorRepair?
    /// Set by `--fix`: what happened when the repair was tried.
    public var repaired: String?
}

/// Repairs that cannot lose anything: modes, groups, leftovers nobody reads.
public enum DoctorRepair: Equatable, Sendable, Codable {
    /// chmod to exactly this mode, through a descriptor opened without following links.
    case setMode(UInt32)
    /// chgrp to this group id.
    case setGroup(UInt32)
    /// Remove a file mlboard no longer reads (an old snapshot, a temporary file) or a link
    /// planted where only mlboard's own folders or notes belong.
    case remove
}
