import BoardCore

/// Why a write from the dashboard was not saved: a rule refused it (shown under the field it
/// names), or the store could not make it (the server gone, the journal's lock not had), which
/// is no rule's doing and is shown under the form as the store said it.
enum WriteRefusal {
    case rule(RuleViolation)
    case store(String)

    var text: String {
        switch self {
        case .rule(let violation): violation.description
        case .store(let reason): reason
        }
    }
}
