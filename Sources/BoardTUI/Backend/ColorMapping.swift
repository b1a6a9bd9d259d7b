/// Maps theme colours onto what the terminal offers: 256 colours, 16, 8, or none.
struct ColorMapping {
    let colors: Int

    /// The curses colour number, or -1 for the terminal's own colour.
    func number(for color: ThemeColor) -> Int16 {
        switch color {
        case .terminalDefault: return -1
        case .ansi(let index): return Int16(colors >= 16 ? index : index % 8)
        case .indexed(let index):
            if colors >= 256 { return Int16(index) }
            if index < 16 { return Int16(colors >= 16 ? index : index % 8) }
            return number(for: .rgb(ColorMapping.rgb(ofIndexed: index).0, ColorMapping.rgb(ofIndexed: index).1, ColorMapping.rgb(ofIndexed: index).2))
        case .rgb(let r, let g, let b):
            if colors >= 256 { return Int16(ColorMapping.xterm256(r, g, b)) }
            return Int16(ColorMapping.nearestAnsi(r, g, b, count: colors >= 16 ? 16 : 8))
        }
    }

    /// The nearest entry of the xterm 6x6x6 cube or grey ramp.
    static func xterm256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ value: UInt8) -> Int { value < 48 ? 0 : value < 115 ? 1 : (Int(value) - 35) / 40 }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let grey = average > 238 ? 255 : 232 + max(0, (average - 8) / 10)
        let cubeRGB = rgb(ofIndexed: cube)
        let greyRGB = rgb(ofIndexed: grey)
        return distance(cubeRGB, (r, g, b)) <= distance(greyRGB, (r, g, b)) ? cube : grey
    }

    static func rgb(ofIndexed index: Int) -> (UInt8, UInt8, UInt8) {
        if index < 16 { return ansiPalette[index] }
        if index >= 232 {
            let value = UInt8(8 + (index - 232) * 10)
            return (value, value, value)
        }
        let cube = index - 16
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        return (steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6])
    }

    static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func nearestAnsi(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int) -> Int {
        (0..<count).min { distance(ansiPalette[$0], (r, g, b)) < distance(ansiPalette[$1], (r, g, b)) } ?? 7
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
