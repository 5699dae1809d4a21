/// Prints a syntax tree in canonical form (docs/language.md): two-space indent, one attribute per line in
/// declaration blocks, statements in the order written, comments kept, at most one blank line anywhere and
/// exactly one around top-level blocks.
///
/// Trailing comments on consecutive lines are aligned one column apart, as gofmt does.
///
/// A relation stays on one line, its attributes inline as `{ a; b }`, so that a changed flow is a
/// one-line diff; only a relation block holding comments is spread over lines, to keep the comments.
public struct CanonicalPrinter {
    private let file: SourceFile
    private let comments: [Comment]
    private var nextComment = 0
    /// Printed bytes not yet handed to the output. Rows are written here piece by piece, without a
    /// string per row: a large model prints millions of rows.
    private let printed = ByteBuffer(capacity: 1 << 17)
    /// Consecutive rows with trailing comments, held until the run ends and their comment column is known.
    private var run: [Row] = []
    /// The row being written, when it has a trailing comment and so joins the run.
    private var commentedRow: Row?
    /// Source line where the last printed row ended; nil before the first row of a block.
    private var previousLine: Int?
    /// The line of the last offset asked about: rows come in source order, so the next is near it.
    private var lineCursor = 0

    /// The canonical text of `tree`. The tree must have parsed without errors.
    public static func format(_ tree: SyntaxTree) -> String {
        var text: [UInt8] = []
        format(tree) { text.append(contentsOf: $0) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Hands the canonical text of `tree`, as UTF-8, to `output` as it is printed, about 64 KiB at a time.
    public static func format(_ tree: SyntaxTree, to output: ([UInt8]) -> Void) {
        var printer = CanonicalPrinter(file: tree.file, comments: tree.comments)
        printer.printTopLevel(tree.statements, flush: output)
        printer.endRun()
        output(printer.printed.bytes)
    }

    private struct Row {
        var text: [UInt8] = []
        var trailingComment: String
    }

    /// Prints the run of commented rows, each comment padded to one column past the longest row.
    private mutating func endRun() {
        guard !run.isEmpty else { return }
        // Columns count Unicode scalars: every byte that does not continue a UTF-8 sequence.
        let width = { (row: Row) in row.text.count { $0 & 0xC0 != 0x80 } }
        let column = run.map(width).max()! + 2
        for var row in run {
            row.text.withUnsafeBufferPointer { printed.append($0) }
            for _ in width(row)..<column { printed.append(UInt8(ascii: " ")) }
            row.trailingComment.withUTF8 { printed.append($0) }
            printed.append(UInt8(ascii: "\n"))
        }
        run = []
    }

    /// The 1-based line of `offset`, found by stepping from the last one asked about.
    private mutating func line(of offset: Int) -> Int {
        let starts = file.lineStarts
        guard offset >= starts[lineCursor] else {
            lineCursor = file.lineIndex(of: offset)
            return lineCursor + 1
        }
        while lineCursor + 1 < starts.count, starts[lineCursor + 1] <= offset { lineCursor += 1 }
        return lineCursor + 1
    }

    private init(file: SourceFile, comments: [Comment]) {
        self.file = file
        self.comments = comments
    }

    // MARK: Rows

    /// Starts a row, whose text is then written with `write` and ended with `endRow`. A blank line comes
    /// before it when forced or when the source had one, never at the top of the file or of a block.
    private mutating func beginRow(depth: Int, from start: Int, to end: Int, forceBlank: Bool = false, trailingLimit: Int) {
        let startLine = line(of: start)
        if let previousLine, forceBlank || startLine - previousLine > 1 { blankLine() }
        // A comment on the same source line, before whatever comes next, trails this row.
        if nextComment < comments.count, comments[nextComment].offset >= end, comments[nextComment].offset < trailingLimit,
           line(of: comments[nextComment].offset) == line(of: end) {
            commentedRow = Row(trailingComment: comments[nextComment].text)
            nextComment += 1
        } else {
            endRun()
        }
        for _ in 0..<depth { write("  ") }
        previousLine = line(of: end)
    }

    private mutating func endRow() {
        if let row = commentedRow {
            run.append(row)
            commentedRow = nil
        } else {
            printed.append(UInt8(ascii: "\n"))
        }
    }

    /// Appends to the row being written.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard commentedRow != nil else { return printed.append(bytes) }
        commentedRow!.text.append(contentsOf: bytes)
    }

    private mutating func write(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    private mutating func write(text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// An identifier or a number, copied from the file: it prints as written, and a copy of its bytes costs
    /// less than reading them out of a `String`.
    private mutating func writeSource(from offset: Int, count: Int) {
        file.bytes.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[offset..<(offset + count)])) }
    }

    private mutating func write(_ name: Name) {
        writeSource(from: name.offset, count: name.text.utf8.count)
    }

    private mutating func blankLine() {
        endRun()
        printed.append(UInt8(ascii: "\n"))
    }

    /// Prints the comments that stand on their own lines before `offset`.
    private mutating func emitComments(before offset: Int, depth: Int, forceBlankFirst: Bool = false) {
        var first = true
        while nextComment < comments.count, comments[nextComment].offset < offset {
            let comment = comments[nextComment]
            nextComment += 1
            let line = line(of: comment.offset)
            if let previousLine, (first && forceBlankFirst) || line - previousLine > 1 { blankLine() }
            endRun()
            for _ in 0..<depth { write("  ") }
            write(text: comment.text)
            printed.append(UInt8(ascii: "\n"))
            previousLine = line
            first = false
        }
    }

    private func hasComments(in range: Range<Int>) -> Bool {
        var index = nextComment
        while index < comments.count, comments[index].offset < range.upperBound {
            if comments[index].offset >= range.lowerBound { return true }
            index += 1
        }
        return false
    }

    // MARK: Statements

    /// Prints every statement, handing what is printed to `flush` in pieces of about 64 KiB.
    private mutating func printTopLevel(_ statements: some Sequence<Statement>, flush: ([UInt8]) -> Void) {
        var previousWasBlock = false
        var iterator = statements.makeIterator()
        var next = iterator.next()
        while let statement = next {
            next = iterator.next()
            let limit = next?.start ?? Int.max
            let isBlock = if case .declaration(let declaration) = statement { printsBlock(declaration) } else { false }
            let forceBlank = isBlock || previousWasBlock
            let hadLeadingComments = nextComment < comments.count && comments[nextComment].offset < statement.start
            emitComments(before: statement.start, depth: 0, forceBlankFirst: forceBlank)
            print(statement, forceBlank: forceBlank && !hadLeadingComments, limit: limit)
            previousWasBlock = isBlock
            if printed.count >= 1 << 16 {
                flush(printed.bytes)
                printed.removeAll()
            }
        }
        emitComments(before: Int.max, depth: 0, forceBlankFirst: previousWasBlock)
    }

    private mutating func print(_ statement: Statement, forceBlank: Bool, limit: Int) {
        switch statement {
        case .declaration(let declaration):
            print(declaration, depth: 0, forceBlank: forceBlank, limit: limit)
        case .relation(let relation):
            print(relation, forceBlank: forceBlank, limit: limit)
        case .include(let include):
            beginRow(depth: 0, from: include.keywordOffset, to: include.path.offset + include.path.length, forceBlank: forceBlank,
                     trailingLimit: limit)
            write("include ")
            writeQuoted(include.path.text)
            endRow()
        case .suppress(let suppress):
            beginRow(depth: 0, from: suppress.keywordOffset, to: suppress.end, forceBlank: forceBlank, trailingLimit: limit)
            write(text: "suppress \(suppress.rule.text) on \(suppress.subjectText) ")
            writeQuoted(suppress.reason.text)
            endRow()
        }
    }

    /// Whether the declaration prints with braces: it has items, or comments inside its braces.
    private func printsBlock(_ declaration: Declaration) -> Bool {
        guard let body = declaration.body else { return false }
        return !body.items.isEmpty || hasComments(in: body.openOffset..<body.closeOffset)
    }

    private mutating func print(_ declaration: Declaration, depth: Int, forceBlank: Bool, limit: Int) {
        guard let body = declaration.body, printsBlock(declaration) else {
            let end = declaration.body.map { $0.closeOffset + 1 } ?? declaration.end
            beginRow(depth: depth, from: declaration.keywordOffset, to: end, forceBlank: forceBlank, trailingLimit: limit)
            writeHeader(of: declaration)
            endRow()
            return
        }
        beginRow(depth: depth, from: declaration.keywordOffset, to: body.openOffset, forceBlank: forceBlank,
                 trailingLimit: body.items.first?.start ?? body.closeOffset)
        writeHeader(of: declaration)
        write(" {")
        endRow()
        printItems(body, depth: depth + 1)
        printClose(body, depth: depth, limit: limit)
    }

    private mutating func writeHeader(of declaration: Declaration) {
        write(text: declaration.kind.rawValue)
        if let name = declaration.name {
            write(" ")
            write(name)
        }
        if let label = declaration.label {
            write(" ")
            writeQuoted(label.text)
        }
    }

    private mutating func printItems(_ body: Block, depth: Int) {
        previousLine = nil
        for index in body.items.indices {
            let item = body.items[index]
            let limit = index + 1 < body.items.count ? body.items[index + 1].start : body.closeOffset
            emitComments(before: item.start, depth: depth)
            switch item {
            case .attribute(let attribute):
                beginRow(depth: depth, from: attribute.key.offset, to: attribute.end, trailingLimit: limit)
                write(attribute)
                endRow()
            case .declaration(let declaration):
                print(declaration, depth: depth, forceBlank: false, limit: limit)
            }
        }
        emitComments(before: body.closeOffset, depth: depth)
        previousLine = nil
    }

    private mutating func printClose(_ body: Block, depth: Int, limit: Int) {
        beginRow(depth: depth, from: body.closeOffset, to: body.closeOffset, trailingLimit: limit)
        write("}")
        endRow()
    }

    private mutating func print(_ relation: Relation, forceBlank: Bool, limit: Int) {
        if let body = relation.body, hasComments(in: body.openOffset..<body.closeOffset) {
            beginRow(depth: 0, from: relation.keywordOffset, to: body.openOffset, forceBlank: forceBlank,
                     trailingLimit: body.items.first?.start ?? body.closeOffset)
            writeHead(of: relation)
            write(" {")
            endRow()
            printItems(body, depth: 1)
            printClose(body, depth: 0, limit: limit)
            return
        }
        beginRow(depth: 0, from: relation.keywordOffset, to: relation.end, forceBlank: forceBlank, trailingLimit: limit)
        writeHead(of: relation)
        if let items = relation.body?.items, !items.isEmpty {
            write(" { ")
            var first = true
            for case .attribute(let attribute) in items {
                if !first { write("; ") }
                write(attribute)
                first = false
            }
            write(" }")
        }
        endRow()
    }

    /// The relation up to its block, which stays on one line.
    private mutating func writeHead(of relation: Relation) {
        write(text: relation.kind.rawValue)
        write(" ")
        write(relation.from)
        write(" ")
        write(text: relation.arrow.rawValue)
        write(" ")
        write(relation.to)
        if let carries = relation.carries {
            write(" carries ")
            if carries.isEmpty { write("none") } else { write(carries) }
        }
        if !relation.via.isEmpty {
            write(" via ")
            write(relation.via)
        }
        if let label = relation.label {
            write(" ")
            writeQuoted(label.text)
        }
    }

    // MARK: Values

    private mutating func write(_ names: [Name]) {
        for index in names.indices {
            if index > 0 { write(", ") }
            write(names[index])
        }
    }

    private mutating func write(_ attribute: Attribute) {
        write(attribute.key)
        write(" ")
        let values = attribute.values
        for index in values.indices {
            if index > 0 { write(", ") }
            let value = values[index]
            if value.kind == .string { writeQuoted(value.text) } else { writeSource(from: value.offset, count: value.length) }
        }
    }

    private mutating func writeQuoted(_ text: String) {
        write("\"")
        // Most strings need no escape.
        if !text.containsUTF8(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }) {
            write(text: text)
        } else {
            var escaped = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            write(text: escaped)
        }
        write("\"")
    }
}
