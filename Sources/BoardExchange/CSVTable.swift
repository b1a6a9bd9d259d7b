import CSV
import Foundation

/// A table with a header row, written and read as RFC 4180 CSV (CRLF line ends, fields quoted when
/// they hold a comma, quote or line break, quotes doubled) in UTF-8, using yaslab/CSV.swift.
public struct CSVTable: Equatable, Sendable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    public func encoded() throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: headers)
        for row in rows { try writer.write(row: row) }
        // CSV.swift writes a line break before each row; an empty row ends the last record with one.
        writer.beginNewRow()
        try writer.write(field: "")
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw ExchangeError.unreadable("the CSV writer produced nothing")
        }
        return data
    }

    /// Reads a header row and records; a leading UTF-8 byte-order mark is ignored.
    public static func decode(_ data: Data) throws -> CSVTable {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw ExchangeError.unreadable("not UTF-8 text")
        }
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() {
            if row.allSatisfy(\.isEmpty) { continue }
            rows.append(row)
        }
        if let error = reader.error { throw ExchangeError.unreadable("not valid CSV: \(error)") }
        return CSVTable(headers: reader.headerRow ?? [], rows: rows)
    }
}
