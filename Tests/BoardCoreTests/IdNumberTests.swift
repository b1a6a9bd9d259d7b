@testable import BoardCore
import Testing

@Suite("An id's number")
struct IdNumberTests {
    @Test("is the last dash-separated part read as a number, as splitting the id at its dashes reads it")
    func agreesWithSplitting() {
        let ids = ["CM-12", "PR-7", "CH-0042", "C-1-2", "CM--5", "5-", "-5", "---", "", "CM", "CM-", "12", "CM-x", "CM-12a",
                   "CM-+3", "CM--3", "CM-007", "a-b-c", "CM-x1", "-", "ＣＭ-９", "CM-\u{301}7", "a-b-99999999999999999999", "-\u{301}-4"]
        for id in ids {
            #expect(IdNumber.of(id) == (Int(id.split(separator: "-").last ?? "") ?? 0), "\(id.debugDescription)")
        }
        #expect(IdNumber.of("CM-12") == 12 && IdNumber.of("C-1-2") == 2 && IdNumber.of("5-") == 5 && IdNumber.of("CM") == 0)
    }
}
