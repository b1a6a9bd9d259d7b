import BoardCore

/// `[keys]` of config.toml: `ACTION = "key, key"` (global) or `SCOPE.ACTION = "key"`.
extension KeyMap {
    /// Applies the text's `[keys]` entries; returns the problems, each naming file and line.
    public mutating func remap(with text: String, file: String) -> [String] {
        let toml = TomlFile(text: text)
        return toml.problems.map { "\(file): \($0)" } + remap(toml.entries, file: file)
    }

    /// Applies the entries below `[keys]` and ignores the rest. A bad entry, or one whose keys
    /// would collide with another binding of its scope (or shadow a global movement key), is
    /// reported with its line and the binding keeps its default keys.
    mutating func remap(_ entries: [TomlFile.Entry], file: String) -> [String] {
        var problems: [TomlFile.Problem] = []
        var remapped: [(index: Int, entry: TomlFile.Entry, key: String)] = []
        let defaults = bindings
        for entry in entries {
            guard let key = entry.key(below: "keys") else { continue }
            switch binding(for: key, value: entry.value) {
            case .refused(let message):
                problems.append(.init(line: entry.line, key: key, message: message))
            case .found(let index, let keys):
                bindings[index].keys = keys
                remapped.append((index, entry, key))
            }
        }
        // The later line gives way; giving way can uncover another collision, so look again.
        while let loser = remapped.lastIndex(where: { collision(for: $0.index) != nil }),
              let other = collision(for: remapped[loser].index) {
            let (index, entry, key) = remapped.remove(at: loser)
            let shared = bindings[index].keys.filter(other.keys.contains).map(\.description).joined(separator: ", ")
            let otherName = other.scope == .global ? other.action.rawValue : "\(other.scope.rawValue).\(other.action.rawValue)"
            bindings[index].keys = defaults[index].keys
            let kept = defaults[index].keys.map(\.description).joined(separator: ", ")
            problems.append(.init(line: entry.line, key: key, message: "\(shared) is already bound to \(otherName); kept \(kept)"))
        }
        return problems.sorted { $0.line < $1.line }.map { "\(file): \($0)" }
    }

    private enum Lookup {
        case found(index: Int, keys: [Key])
        case refused(String)
    }

    private func binding(for key: String, value: TomlFile.Value) -> Lookup {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let scope = parts.count == 2 ? KeyScope(rawValue: parts[0]) : parts.count == 1 ? .global : nil
        guard let scope, let action = Action(rawValue: parts.last ?? "") else {
            return .refused("not an action; write SCOPE.ACTION or ACTION, e.g. approvals.approve")
        }
        guard case .string(let text) = value else {
            return .refused("write the keys in quotes, e.g. \"j, Down\"")
        }
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let keys = names.compactMap { name in
            name.unicodeScalars.contains(where: TextRules.isForbidden) ? nil : Key(name: name)
        }
        guard keys.count == names.count, !keys.isEmpty else {
            return .refused("'\(text)' is not a list of key names (e.g. j, Enter, Ctrl-r, S-Tab, Down)")
        }
        guard let index = bindings.firstIndex(where: { $0.scope == scope && $0.action == action }) else {
            return .refused("action '\(action.rawValue)' has no key in scope '\(scope.rawValue)'")
        }
        return .found(index: index, keys: keys)
    }

    /// Another binding that shares a key with the one at `index` where both can be asked for:
    /// the same scope, or a global movement key that a scope's binding would hide.
    private func collision(for index: Int) -> Binding? {
        let binding = bindings[index]
        return bindings.indices.lazy.filter { $0 != index }.map { bindings[$0] }.first { other in
            let meets = other.scope == binding.scope
                || (other.scope == .global && other.action.isMovement)
                || (binding.scope == .global && binding.action.isMovement)
            return meets && other.keys.contains(where: binding.keys.contains)
        }
    }
}

extension Action {
    /// Moving the cursor works in every pane, so no pane may take these keys.
    var isMovement: Bool {
        [.up, .down, .left, .right, .pageUp, .pageDown, .top, .bottom].contains(self)
    }
}
