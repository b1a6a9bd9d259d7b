import CNCurses
import Foundation
import Glibc

/// The only code that talks to ncurses: it copies a cell buffer to the screen (ncurses sends
/// just the differences) and decodes key presses.
final class NCursesScreen {
    private var attributes: [StyleRole: (attrs: attr_t, pair: Int16)] = [:]
    private let useColor: Bool

    init(noColor: Bool, mouse: Bool) {
        setlocale(LC_ALL, "")
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(mlb_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        nodelay(mlb_stdscr(), true)
        useColor = !noColor && has_colors()
        if useColor {
            start_color()
            use_default_colors()
        }
        if mouse {
            mousemask(mmask_t(mlb_all_mouse_events()), nil)
        }
    }

    var size: (width: Int, height: Int) { (Int(mlb_cols()), Int(mlb_lines())) }

    func apply(_ theme: Theme) {
        let mapping = ColorMapping(colors: Int(mlb_colors()))
        attributes = [:]
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = theme.style(for: role)
            var attrs = mlb_a_normal()
            for attribute in style.attributes { attrs |= NCursesScreen.flag(attribute) }
            var pair: Int16 = 0
            if useColor {
                pair = Int16(index + 1)
                init_pair(pair, mapping.number(for: style.foreground), mapping.number(for: style.background))
            } else if [.selection, .tabActive, .badge, .input, .severityCritical].contains(role) {
                attrs |= mlb_a_reverse()  // without colour, these must still stand out
            }
            attributes[role] = (attrs, pair)
        }
    }

    private static func flag(_ attribute: TextAttribute) -> attr_t {
        switch attribute {
        case .bold: mlb_a_bold()
        case .dim: mlb_a_dim()
        case .underline: mlb_a_underline()
        case .reverse: mlb_a_reverse()
        case .italic: mlb_a_italic()
        }
    }

    /// Copies the buffer, one run of same-styled cells at a time. On a terminal that is not
    /// UTF-8, line-drawing characters go out through the terminal's alternate character set.
    func draw(_ buffer: CellBuffer) {
        let lineDrawingByLetter = TerminalCharset.current == .ascii
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let style = buffer[x, y].style
                var run = ""
                var start = x
                let look = attributes[style] ?? (mlb_a_normal(), 0)
                mlb_set_style(look.attrs, look.pair)
                while x < buffer.width && buffer[x, y].style == style {
                    let cell = buffer[x, y]
                    if lineDrawingByLetter, let letter = LineDrawing.letters[cell.character] {
                        mvaddstr(Int32(y), Int32(start), run)
                        mvaddch(Int32(y), Int32(x), mlb_acs(letter))
                        run = ""
                        start = x + 1
                    } else if !cell.isContinuation {
                        run.append(cell.character)
                    }
                    x += 1
                }
                mvaddstr(Int32(y), Int32(start), run)
            }
        }
        mlb_set_style(mlb_a_normal(), 0)
        refresh()
    }

    /// Every key waiting, decoded; returns at once when none is.
    func readKeys() -> [Key] {
        var keys: [Key] = []
        while true {
            var code: wint_t = 0
            let result = wget_wch(mlb_stdscr(), &code)
            if result == ERR { break }
            if result == mlb_key_code_yes() {
                if let key = NCursesScreen.functionKey(Int32(code)) { keys.append(key) }
            } else if let key = NCursesScreen.characterKey(UInt32(code)) {
                keys.append(key)
            }
        }
        return keys
    }

    /// Mouse events since the last read: (x, y, button) with button 1 a click, 4 wheel up, 5 wheel down.
    func readMouse() -> (x: Int, y: Int, button: Int)? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return (Int(event.x), Int(event.y), Int(mlb_mouse_button(event.bstate)))
    }

    private static func characterKey(_ code: UInt32) -> Key? {
        switch code {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(code + 96)!))
        default:
            guard let scalar = UnicodeScalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    static let mouseKey: Key = .character("\u{F8FF}")

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouseKey
        default: return nil
        }
    }

    /// Sends text to the system clipboard with OSC 52, which works over ssh.
    func copyToClipboard(_ text: String) {
        let sequence = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
        _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    func end() {
        endwin()
    }
}
