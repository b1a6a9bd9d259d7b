/// The list a pane's cursor moves over, row by row: a stable id per row (the cursor stays on
/// its item when rows reorder) and the texts `/` and search-next match.
struct PaneList {
    let count: Int
    private let id: (Int) -> String
    private let fields: (Int) -> [String]

    init<Row>(_ rows: [Row], id: @escaping (Row) -> String, fields: @escaping (Row) -> [String]) {
        count = rows.count
        self.id = { id(rows[$0]) }
        self.fields = { fields(rows[$0]) }
    }

    func itemID(at index: Int) -> String? { (0..<count).contains(index) ? id(index) : nil }

    var itemIDs: [String] { (0..<count).map(id) }

    /// The row of the item with `itemID`, without making every row's id first.
    func index(of itemID: String) -> Int? { (0..<count).first { id($0) == itemID } }

    /// The searchable texts of each row, in list order.
    var searchFields: [[String]] { (0..<count).map(fields) }
}
