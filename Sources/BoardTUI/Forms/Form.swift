import BoardCore

/// One input of a form: free text, or a choice among allowed values.
public struct FormField: Sendable {
    public enum Kind: Sendable {
        case text
        case choice([String])
    }

    public var key: String
    public var label: String
    public var kind: Kind
    public var value: String
    public var required: Bool
    public var error: String?

    public init(_ key: String, _ label: String, kind: Kind = .text, value: String = "", required: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.value = value
        self.required = required
    }
}

/// A create or edit dialog. Enter submits, Esc cancels with nothing written.
public struct Form: Sendable {
    public var title: String
    public var purpose: FormPurpose
    public var fields: [FormField]
    public var focus = 0
    /// A rule's refusal after submit, shown under the form.
    public var error: String?
    /// Set when what the form edits changed underneath (another person's change arrived).
    public var staleNotice: String?
    private let initialValues: [String]

    public init(title: String, purpose: FormPurpose, fields: [FormField]) {
        self.title = title
        self.purpose = purpose
        self.fields = fields
        initialValues = fields.map(\.value)
    }

    public var hasUnsavedInput: Bool { fields.map(\.value) != initialValues }

    /// The field's value when the user changed it, else nil (edit forms send only changes).
    public func changed(_ key: String) -> String? {
        guard let index = fields.firstIndex(where: { $0.key == key }), fields[index].value != initialValues[index] else { return nil }
        return value(key)
    }

    public func value(_ key: String) -> String {
        fields.first { $0.key == key }?.value.trimmingCharacters(in: .whitespaces) ?? ""
    }

    public func optional(_ key: String) -> String? {
        let text = value(key)
        return text.isEmpty ? nil : text
    }

    mutating func type(_ character: Character) {
        guard case .text = fields[focus].kind else {
            cycleChoice(forward: true, matching: character)
            return
        }
        fields[focus].value.append(character)
        fields[focus].error = nil
    }

    mutating func backspace() {
        guard case .text = fields[focus].kind, !fields[focus].value.isEmpty else { return }
        fields[focus].value.removeLast()
    }

    /// Left/right on a choice field step through its values; typing a letter jumps to the next match.
    mutating func cycleChoice(forward: Bool, matching letter: Character? = nil) {
        guard case .choice(let options) = fields[focus].kind, !options.isEmpty else { return }
        let current = options.firstIndex(of: fields[focus].value) ?? -1
        if let letter {
            let order = (1...options.count).map { (current + $0) % options.count }
            if let hit = order.first(where: { options[$0].lowercased().first == Character(letter.lowercased()) }) {
                fields[focus].value = options[hit]
            }
            return
        }
        let next = forward ? (current + 1) % options.count : (current - 1 + options.count) % options.count
        fields[focus].value = options[next]
        fields[focus].error = nil
    }

    /// Marks empty required fields; true when none is missing.
    mutating func checkRequired() -> Bool {
        var fine = true
        for index in fields.indices where fields[index].required && fields[index].value.trimmingCharacters(in: .whitespaces).isEmpty {
            fields[index].error = "\(fields[index].label) is required"
            fine = false
        }
        return fine
    }

    /// Shows a rule's refusal under the field it names, anything else under the form.
    mutating func show(_ refusal: WriteRefusal) {
        if case .rule(let violation) = refusal {
            let lower = violation.message.lowercased()
            if let index = fields.firstIndex(where: { lower.hasPrefix($0.label.lowercased()) || lower.hasPrefix($0.key.lowercased()) }) {
                fields[index].error = refusal.text
                focus = index
                return
            }
        }
        error = refusal.text
    }
}
