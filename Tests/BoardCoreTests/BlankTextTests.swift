@testable import BoardCore
import Foundation
import Testing

@Suite("Blank text")
struct BlankTextTests {
    @Test("a one-scalar text is blank exactly when trimming Foundation's whitespaces leaves nothing, for every scalar")
    func everyScalarAsFoundationSays() {
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            if Validate.isBlank(text) != text.trimmingCharacters(in: .whitespaces).isEmpty {
                disagreements.append("U+" + String(value, radix: 16, uppercase: true))
            }
        }
        #expect(disagreements.isEmpty)
    }

    @Test("longer texts: blank only when every scalar is", arguments: ["", " \t ", "\u{00A0}\u{3000}", " a ", "\n", "\u{00A0}x"])
    func texts(text: String) {
        #expect(Validate.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty)
    }
}
