/// One change to a model file's text, naming the statement it edits by the offset of its keyword (the
/// offset every element's and relation's span starts at). Applied by `ModelEditor`, which touches only the
/// lines involved and keeps every comment.
public enum ModelEdit: Hashable, Sendable {
    /// Sets `key value` in the statement's block: replaces the values when written, else adds the attribute
    /// (opening a block when the statement has none).
    case setAttribute(statement: Int, key: String, value: String)
    /// Removes one value from an attribute's list, and the attribute when it was the only one.
    case removeValue(statement: Int, key: String, value: String)
    /// Adds `carries none` to an unlabeled flow.
    case carryNothing(flow: Int)
    /// Deletes the statement, with its line when it stands alone on it.
    case delete(statement: Int)
}

/// Applies edits to one model file's text, reading only the statements they name.
public struct ModelEditor {
    public let file: SourceFile

    public init(file: SourceFile) { self.file = file }

    /// The block of the statement at `offset`, and where its header (or block) ends.
    private func statement(at offset: Int) -> (statement: Statement, block: Block?, end: Int)? {
        switch Parser.statement(in: file, at: offset) {
        case .declaration(let declaration)?: (.declaration(declaration), declaration.body, declaration.end)
        case .relation(let relation)?: (.relation(relation), relation.body, relation.end)
        default: nil
        }
    }

    /// A replacement of bytes: what `edits` change, in file order.
    public struct Replacement: Hashable, Sendable {
        public var range: Range<Int>
        public var text: String
    }

    /// The text of the file with `edits` applied. An edit naming no statement of this file changes nothing.
    public func apply(_ edits: [ModelEdit]) -> String {
        let replacements = self.replacements(edits)
        var bytes = file.bytes
        for replacement in replacements.reversed() {
            bytes.replaceSubrange(replacement.range, with: Array(replacement.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The byte replacements `edits` make, sorted by position, non-overlapping.
    public func replacements(_ edits: [ModelEdit]) -> [Replacement] {
        edits.flatMap(replacements(for:)).sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    private func replacements(for edit: ModelEdit) -> [Replacement] {
        switch edit {
        case .setAttribute(let statement, let key, let value):
            guard let (_, block, end) = self.statement(at: statement) else { return [] }
            return [setting(key, to: value, in: block, headerEnd: end)]
        case .removeValue(let statement, let key, let value):
            guard let block = self.statement(at: statement)?.block,
                  let attribute = block.items.lazy.compactMap(\.attribute).first(where: { $0.key.text == key }),
                  let position = attribute.values.firstIndex(where: { $0.text == value }) else { return [] }
            let values = attribute.values
            if values.count == 1 { return [removing(from: attribute.key.offset, to: attribute.end)] }
            let range = position == 0 ? values[0].offset..<values[1].offset : values[position - 1].end..<values[position].end
            return [Replacement(range: range, text: "")]
        case .carryNothing(let flow):
            guard case .relation(let relation)? = statement(at: flow)?.statement, relation.carries == nil else { return [] }
            let end = relation.to.offset + relation.to.text.utf8.count
            return [Replacement(range: end..<end, text: " carries none")]
        case .delete(let statement):
            guard let end = self.statement(at: statement)?.end else { return [] }
            return [removing(from: statement, to: end)]
        }
    }

    private func setting(_ key: String, to value: String, in block: Block?, headerEnd: Int) -> Replacement {
        guard let block else { return Replacement(range: headerEnd..<headerEnd, text: " { \(key) \(value) }") }
        let attributes = block.items.compactMap(\.attribute)
        if let written = attributes.first(where: { $0.key.text == key }), let first = written.values.first {
            return Replacement(range: first.offset..<written.end, text: value)
        }
        let open = block.openOffset + 1
        if block.items.isEmpty { return Replacement(range: open..<block.closeOffset, text: " \(key) \(value) ") }
        let openLine = file.lineRange(containing: block.openOffset)
        if file.lineRange(containing: block.items[0].start) == openLine {
            // A one-line block: `{ wireless yes }` becomes `{ separation logical; wireless yes }`.
            return Replacement(range: open..<open, text: " \(key) \(value);")
        }
        // After the last attribute, before any nested declaration, as `fmt` lays a block out.
        if let last = attributes.last {
            let line = file.lineRange(containing: last.key.offset)
            let indent = file.text(line.lowerBound..<last.key.offset)
            let after = nextLineStart(after: last.end)
            return Replacement(range: after..<after, text: "\(indent)\(key) \(value)\(lineBreak)")
        }
        let firstLine = file.lineRange(containing: block.items[0].start)
        let indent = file.text(firstLine.lowerBound..<block.items[0].start)
        return Replacement(range: firstLine.lowerBound..<firstLine.lowerBound, text: "\(indent)\(key) \(value)\(lineBreak)\(lineBreak)")
    }

    /// Where the line after the one holding `offset` starts (past its CRLF or LF); the end of the file on the last.
    private func nextLineStart(after offset: Int) -> Int {
        let next = file.lineIndex(of: offset) + 1
        return next < file.lineStarts.count ? file.lineStarts[next] : file.bytes.count
    }

    /// The file's own line break: a model written on Windows keeps its CRLF.
    private var lineBreak: String {
        guard let first = file.bytes.firstIndex(of: UInt8(ascii: "\n")) else { return "\n" }
        return first > 0 && file.bytes[first - 1] == UInt8(ascii: "\r") ? "\r\n" : "\n"
    }

    /// Removes `start..<end`: its whole lines when nothing else but blanks and a comment shares them, else the
    /// text and the `;` separating it from its neighbour.
    private func removing(from start: Int, to end: Int) -> Replacement {
        let first = file.lineRange(containing: start), last = file.lineRange(containing: max(start, end - 1))
        let before = file.bytes[first.lowerBound..<start], after = file.bytes[end..<last.upperBound]
        let blank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let restIsComment = after.drop(while: blank).first.map { $0 == UInt8(ascii: "#") } ?? true
        if before.allSatisfy(blank), restIsComment {
            let lineEnd = nextLineStart(after: last.lowerBound)
            // No two blank lines meet where the statement was, and none is left at the end of the file.
            func isBlank(_ line: Range<Int>) -> Bool { file.bytes[line].allSatisfy(blank) }
            let previous = first.lowerBound > 0 ? file.lineRange(containing: first.lowerBound - 1) : nil
            if let previous, isBlank(previous), lineEnd >= file.bytes.count || isBlank(file.lineRange(containing: lineEnd)) {
                return Replacement(range: previous.lowerBound..<lineEnd, text: "")
            }
            return Replacement(range: first.lowerBound..<lineEnd, text: "")
        }
        var upper = end
        while upper < last.upperBound, blank(file.bytes[upper]) { upper += 1 }
        if upper < last.upperBound, file.bytes[upper] == UInt8(ascii: ";") {
            upper += 1
            while upper < last.upperBound, blank(file.bytes[upper]) { upper += 1 }
            return Replacement(range: start..<upper, text: "")
        }
        // The last item of a one-line block: take the `;` before it instead.
        var lower = start
        while lower > first.lowerBound, blank(file.bytes[lower - 1]) { lower -= 1 }
        if lower > first.lowerBound, file.bytes[lower - 1] == UInt8(ascii: ";") { lower -= 1 }
        return Replacement(range: lower..<end, text: "")
    }
}

extension BlockItem {
    var attribute: Attribute? {
        if case .attribute(let attribute) = self { return attribute }
        return nil
    }
}

extension Value {
    /// The offset just past the value as written.
    var end: Int { offset + length }
}
