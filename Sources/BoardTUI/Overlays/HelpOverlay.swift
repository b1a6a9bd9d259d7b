/// Every key of the current pane and the global ones, generated from the key map; above them,
/// each problem found in the user's settings, whole.
enum HelpOverlay {
    static func draw(
        keyMap: KeyMap, scope: KeyScope, problems: [String] = [], signing: String? = nil, scroll: Int, in rect: Rect,
        into buffer: inout CellBuffer
    ) {
        let inner = Panel.open("Keys (j/k scroll, Esc closes)", width: 76, height: rect.height, in: rect, into: &buffer)
        var lines: [(String, StyleRole)] = []
        if let signing {
            lines += Panel.wrap("Signing: \(signing)", width: max(1, inner.width)).map { ($0, .muted) }
            lines.append(("", .normal))
        }
        if !problems.isEmpty {
            lines.append(("Problems in your settings (the defaults are used instead)", .error))
            for problem in problems {
                lines += Panel.wrap(problem, width: max(1, inner.width - 2)).enumerated().map { ($0.offset == 0 ? "• " : "  ") + $0.element }
                    .map { ($0, .normal) }
            }
            lines.append(("", .normal))
        }
        for section in [scope, .global] where scope != .global || section == .global {
            lines.append((section == .global ? (scope.isOverlay ? "Also here" : "Everywhere") : "This pane (\(section.rawValue))", .title))
            for binding in section == .global ? keyMap.globalBindings(reaching: scope) : keyMap.bindings(in: section) {
                let keys = binding.keys.map(\.description).joined(separator: " ")
                lines.append((DisplayWidth.fit(keys, to: 14) + binding.help, .normal))
            }
            lines.append(("", .normal))
        }
        lines.append(("In forms: Tab/↓ next field, ←/→ choose, Enter submit, Esc cancel.", .muted))
        lines.append(("Confirmations: y yes, n or Esc no. Ctrl-C quits from anywhere.", .muted))
        lines.append(("In a detail or review, q or Esc closes it; j/k scroll it.", .muted))
        let start = min(scroll, max(0, lines.count - inner.height))
        Panel.lines(Array(lines.dropFirst(start)), from: inner.y, in: inner, into: &buffer)
    }
}
