/// A form: one row per field, the focused one marked, errors under their field.
enum FormOverlay {
    static func draw(_ form: Form, in rect: Rect, into buffer: inout CellBuffer) {
        let height = form.fields.count * 2 + 4 + (form.error == nil ? 0 : 2) + (form.staleNotice == nil ? 0 : 2)
        let inner = Panel.open(form.title, width: 78, height: height, in: rect, into: &buffer)
        let labelWidth = 30
        var y = inner.y
        if let notice = form.staleNotice {
            buffer.write("⚠ " + notice, x: inner.x, y: y, style: .warning, maxWidth: inner.width)
            y += 2
        }
        for (index, field) in form.fields.enumerated() {
            let focused = index == form.focus
            let label = (field.required ? "* " : "  ") + field.label
            buffer.write(DisplayWidth.fit(label, to: labelWidth), x: inner.x, y: y, style: focused ? .key : .normal)
            let valueWidth = inner.width - labelWidth
            var value = field.value
            if case .choice(let options) = field.kind {
                let position = (options.firstIndex(of: value) ?? 0) + 1
                value = "◀ \(value) ▶  (\(position)/\(options.count))"
            } else if focused {
                value += "▏"
            }
            buffer.write(DisplayWidth.fit(value, to: valueWidth), x: inner.x + labelWidth, y: y, style: focused ? .input : .normal)
            if let error = field.error {
                buffer.write("  " + error, x: inner.x, y: y + 1, style: .error, maxWidth: inner.width)
            }
            y += 2
        }
        if let error = form.error {
            Panel.lines([(error, .error)], from: y, in: inner, into: &buffer)
        }
        buffer.write("Enter submit · Esc cancel (nothing is written) · ←/→ choose", x: inner.x, y: inner.maxY - 1, style: .muted)
    }
}
