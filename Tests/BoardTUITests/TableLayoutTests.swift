import Testing
@testable import BoardTUI

@Suite("Sharing a table's width among its columns")
struct TableLayoutTests {
    let columns = [
        Column("Id", minimum: 4, natural: 4, priority: 100),
        Column("Name", minimum: 10, natural: 20, priority: 90),
        Column("Notes", minimum: 10, natural: 15, priority: 10),
        Column("Owner", minimum: 6, natural: 10, priority: 50),
    ]

    @Test("at their natural widths when there is room; never wider than the table")
    func natural() {
        #expect(Table.layout(columns, width: 52) == [4, 20, 15, 10])
        for width in 0...80 {
            let widths = Table.layout(columns, width: width).compactMap { $0 }
            #expect(widths.reduce(max(0, widths.count - 1), +) <= max(width, 4), "at \(width)")
        }
    }

    @Test("when narrow, the least important column goes first, then the next")
    func dropsByPriority() {
        #expect(Table.layout(columns, width: 30) == [4, 18, nil, 6])
        #expect(Table.layout(columns, width: 16) == [4, 11, nil, nil])
    }

    @Test("spare width goes to the columns whose cells are cut, not to the first column")
    func spareToCutColumns() {
        let widths = Table.layout(columns, width: 80, contentWidths: [3, 12, 40, 8])
        #expect(widths == [4, 12, 40, 8], "each column as wide as its widest cell")
        let tight = Table.layout(columns, width: 60, contentWidths: [3, 12, 40, 30])
        #expect(tight[2]! > 15 && tight[3]! > 10, "both cut columns grow: \(tight)")
        #expect(tight.compactMap { $0 }.reduce(3, +) == 60)
    }
}
