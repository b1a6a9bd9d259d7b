import Foundation

/// Checks shared by the rules of every entity. Each throws a `RuleViolation` naming the field.
enum Validate {
    static func slug(_ value: String, field: String) throws {
        guard TextRules.isValidSlug(value) else {
            throw RuleViolation(
                .malformedSlug,
                "\(field) '\(value.prefix(80))' must be 1 to \(TextRules.maxSlugLength) lower-case letters, digits or dashes")
        }
    }

    static func name(_ value: String, field: String) throws {
        guard !isBlank(value) else { throw RuleViolation(.invalidName, "\(field) must not be empty") }
        guard value.utf8.count <= TextRules.maxNameLength || value.count <= TextRules.maxNameLength else {
            throw RuleViolation(.invalidName, "\(field) is \(value.count) characters; the limit is \(TextRules.maxNameLength)")
        }
        try singleLine(value, field: field)
    }

    /// Whether `value` is nothing but spaces and tabs: what trimming `CharacterSet.whitespaces`
    /// would leave empty (Unicode's space separators, the tab, and the zero-width space, which
    /// Foundation still counts), without Foundation's bridging. A test compares every scalar.
    static func isBlank(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
    }

    static func singleLine(_ value: String, field: String) throws {
        if let problem = TextRules.forbiddenCharacterProblem(in: value, field: field, allowNewlines: false) {
            throw RuleViolation(.controlCharacters, problem)
        }
    }

    static func longText(_ value: String, field: String, required: Bool = false) throws {
        if required && value.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw RuleViolation(.invalidText, "\(field) must not be empty")
        }
        // Counting characters walks grapheme clusters; a text has no more of them than bytes.
        guard value.utf8.count <= TextRules.maxLongTextLength || value.count <= TextRules.maxLongTextLength else {
            throw RuleViolation(.invalidText, "\(field) is \(value.count) characters; the limit is \(TextRules.maxLongTextLength)")
        }
        if let problem = TextRules.forbiddenCharacterProblem(in: value, field: field, allowNewlines: true) {
            throw RuleViolation(.controlCharacters, problem)
        }
    }

    static func member(_ value: String, of list: [String], field: String) throws {
        guard list.contains(value) else {
            let choices = list.prefix(12).joined(separator: ", ")
            throw RuleViolation(.unknownVocabulary, "\(field) '\(value.prefix(80))' is not one of: \(choices)")
        }
    }
}

extension Validate {
    /// References (URIs, run ids, commits) may be longer than names but stay on one line.
    static func reference(_ value: String, field: String) throws {
        guard !isBlank(value) else {
            throw RuleViolation(.invalidText, "\(field) must not be empty; leave it out instead")
        }
        guard value.utf8.count <= TextRules.maxReferenceLength else {
            throw RuleViolation(.invalidText, "\(field) is \(value.utf8.count) bytes; the limit is \(TextRules.maxReferenceLength)")
        }
        try singleLine(value, field: field)
    }

    static func lineage(_ lineage: VersionLineage) throws {
        let fields: [(String, String?)] = [
            ("source URI", lineage.sourceURI), ("run id", lineage.runID), ("code commit", lineage.codeCommit),
            ("data set", lineage.dataset),
        ]
        for case let (field, value?) in fields { try reference(value, field: field) }
        for (key, value) in lineage.tags {
            try name(key, field: "lineage tag name")
            try Validate.singleLine(value, field: "lineage tag '\(key.prefix(80))'")
            guard value.utf8.count <= TextRules.maxReferenceLength else {
                throw RuleViolation(.invalidText, "lineage tag '\(key.prefix(80))' is \(value.utf8.count) bytes; the limit is \(TextRules.maxReferenceLength)")
            }
        }
    }
}
