import BoardCore
import Foundation

/// The comments of a workspace, read from the journal on demand. The state keeps only the
/// comment counter; this keeps where each comment's line is: an index up to where this process
/// began (read from this user's cache, extended from the journal, or rebuilt when it cannot be
/// trusted), and the lines this process applied since. Only lines the store accepted are ever
/// noted, so nothing after a refused line is shown. Use from the store's thread.
final class CommentHistory {
    let indexURL: URL
    /// Where this process began noting comments itself: the snapshot it opened, or the start.
    private var notedFrom = JournalPosition.start
    /// Comments applied by this process since `notedFrom`.
    private var noted = CommentIndex.empty
    /// The index up to `notedFrom`, read at the first question about comments.
    private var base: CommentIndex?
    /// Threads already read, with the number of lines they were read from.
    private var threads: [CommentTarget: (lines: Int, comments: [Comment])] = [:]

    init(indexURL: URL) {
        self.indexURL = indexURL
    }

    /// Begins noting at `position`, where the state was taken from a snapshot (or the start).
    func begin(at position: JournalPosition) {
        notedFrom = position
        noted = CommentIndex(position: position)
        base = position == .start ? CommentIndex.empty : nil
        threads = [:]
    }

    /// Notes a record the store applied, whose line runs from `lineStart` to `lineEnd` (after its newline).
    func note(_ record: EventRecord, lineStart: UInt64, lineEnd: UInt64) {
        guard let comment = record.comment else { return }
        noted.note(comment.target, at: JournalSpan(offset: lineStart, length: UInt32(lineEnd - lineStart - 1), sequence: record.sequence))
    }

    /// The comments on `target`, oldest first.
    func comments(on target: CommentTarget, in folder: WorkspaceFolder) throws -> [Comment] {
        try rebuildingWhenStale(folder) { base in
            let spans = (base.spans[target] ?? []) + (noted.spans[target] ?? [])
            if let thread = threads[target], thread.lines == spans.count { return thread.comments }
            let comments = try JournalSpanReader.records(at: spans, in: folder).compactMap(\.comment)
                .filter { $0.target == target }.sorted(by: Comment.threadOrder)
            threads[target] = (spans.count, comments)
            return comments
        }
    }

    /// Every comment, in the order they were written.
    func allComments(in folder: WorkspaceFolder) throws -> [Comment] {
        try rebuildingWhenStale(folder) { base in
            let spans = Array(base.spans.values.joined()) + Array(noted.spans.values.joined())
            return try JournalSpanReader.records(at: spans, in: folder).compactMap(\.comment)
        }
    }

    /// Runs `read` on the index up to `notedFrom`; when a span in it does not name its line, the
    /// index is rebuilt from the journal once and `read` runs again.
    private func rebuildingWhenStale<T>(_ folder: WorkspaceFolder, _ read: (CommentIndex) throws -> T) throws -> T {
        do {
            return try read(try baseIndex(folder))
        } catch is StaleSpan {
            let rebuilt = try CommentIndexBuilder.extend(.empty, to: notedFrom, in: folder)
            base = rebuilt
            threads = [:]
            do {
                return try read(rebuilt)
            } catch let stale as StaleSpan {
                throw StoreError.corrupt(file: JournalReader.fileName, sequence: stale.sequence, reason: "the line is not where this process read it")
            }
        }
    }

    private func baseIndex(_ folder: WorkspaceFolder) throws -> CommentIndex {
        if let base { return base }
        let read = try Self.index(through: notedFrom, url: indexURL, in: folder)
        base = read
        return read
    }

    /// The index of the journal up to `end`: this user's index file where it can be trusted,
    /// extended from the journal where it stops short; rebuilt from the journal otherwise.
    static func index(through end: JournalPosition, url: URL, in folder: WorkspaceFolder) throws -> CommentIndex {
        guard end != .start else { return .empty }
        let found = CommentIndexFile.read(from: url, journal: folder)
        if let found, found.position.sequence >= end.sequence { return found.cut(at: end) }
        return try CommentIndexBuilder.extend(found ?? .empty, to: end, in: folder)
    }

    /// The work of bringing this user's index file up to `position` (where the store stands),
    /// to run off the command's path, on any thread.
    func indexWork(at position: JournalPosition, folderPath: String) -> @Sendable () throws -> Void {
        var recent = noted
        recent.position = position
        let (url, notedFrom, later, base) = (indexURL, notedFrom, recent, base)
        return {
            let folder = try WorkspaceFolder.open(folderPath)
            if let onDisk = CommentIndexFile.read(from: url, journal: folder), onDisk.position.sequence >= position.sequence { return }
            let earlier = try base ?? CommentHistory.index(through: notedFrom, url: url, in: folder)
            try CommentIndexFile.write(earlier.followed(by: later), to: url)
        }
    }
}
