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
    /// Printed lines not yet handed to the output.
    private var printed = ""
    /// Consecutive rows with trailing comments, held until the run ends and their comment column is known.
    private var run: [Row] = []
    /// Source line where the last printed row ended; nil before the first row of a block.
    private var previousLine: Int?
    /// The line of the last offset asked about: rows come in source order, so the next is near it.
    private var lineCursor = 0

    /// The canonical text of `tree`. The tree must have parsed without errors.
    public static func format(_ tree: SyntaxTree) -> String {
        var text = ""
        format(tree, to: &text)
        return text
    }

    /// Writes the canonical text of `tree` to `output` as it is printed, a statement at a time.
    public static func format(_ tree: SyntaxTree, to output: inout some TextOutputStream) {
        var printer = CanonicalPrinter(file: tree.file, comments: tree.comments)
        printer.printTopLevel(tree.statements) { output.write($0) }
        printer.endRun()
        output.write(printer.printed)
    }

    private struct Row {
        var text: String
        var trailingComment: String?
    }

    private mutating func append(_ row: Row) {
        guard row.trailingComment == nil else { return run.append(row) }
        endRun()
        printed += row.text + "\n"
    }

    /// Prints the run of commented rows, each comment padded to one column past the longest row.
    private mutating func endRun() {
        guard !run.isEmpty else { return }
        let column = run.map { $0.text.unicodeScalars.count }.max()! + 2
        for row in run {
            printed += row.text + String(repeating: " ", count: column - row.text.unicodeScalars.count) + row.trailingComment! + "\n"
        }
        run = []
    }

    private mutating func blankLine() { append(Row(text: "")) }

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

    /// Writes one row. A blank line comes before it when forced or when the source had one, never at the
    /// top of the file or of a block.
    private mutating func emit(_ text: String, depth: Int, from start: Int, to end: Int, forceBlank: Bool = false,
                               trailingLimit: Int) {
        let startLine = line(of: start)
        if let previousLine, forceBlank || startLine - previousLine > 1 { blankLine() }
        var row = Row(text: String(repeating: "  ", count: depth) + text)
        // A comment on the same source line, before whatever comes next, trails this row.
        if nextComment < comments.count, comments[nextComment].offset >= end, comments[nextComment].offset < trailingLimit,
           line(of: comments[nextComment].offset) == line(of: end) {
            row.trailingComment = comments[nextComment].text
            nextComment += 1
        }
        append(row)
        previousLine = line(of: end)
    }

    /// Prints the comments that stand on their own lines before `offset`.
    private mutating func emitComments(before offset: Int, depth: Int, forceBlankFirst: Bool = false) {
        var first = true
        while nextComment < comments.count, comments[nextComment].offset < offset {
            let comment = comments[nextComment]
            nextComment += 1
            let line = line(of: comment.offset)
            if let previousLine, (first && forceBlankFirst) || line - previousLine > 1 { blankLine() }
            append(Row(text: String(repeating: "  ", count: depth) + comment.text))
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
    private mutating func printTopLevel(_ statements: [Statement], flush: (String) -> Void) {
        var previousWasBlock = false
        for (index, statement) in statements.enumerated() {
            let limit = index + 1 < statements.count ? statements[index + 1].start : Int.max
            let isBlock = if case .declaration(let declaration) = statement { printsBlock(declaration) } else { false }
            let forceBlank = isBlock || previousWasBlock
            let hadLeadingComments = nextComment < comments.count && comments[nextComment].offset < statement.start
            emitComments(before: statement.start, depth: 0, forceBlankFirst: forceBlank)
            print(statement, forceBlank: forceBlank && !hadLeadingComments, limit: limit)
            previousWasBlock = isBlock
            if printed.utf8.count >= 1 << 16 {
                flush(printed)
                printed = ""
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
            emit("include " + quoted(include.path.text), depth: 0, from: include.keywordOffset,
                 to: include.path.offset + include.path.length, forceBlank: forceBlank, trailingLimit: limit)
        case .suppress(let suppress):
            let text = "suppress \(suppress.rule.text) on \(suppress.subjectText) \(quoted(suppress.reason.text))"
            emit(text, depth: 0, from: suppress.keywordOffset, to: suppress.end, forceBlank: forceBlank, trailingLimit: limit)
        }
    }

    /// Whether the declaration prints with braces: it has items, or comments inside its braces.
    private func printsBlock(_ declaration: Declaration) -> Bool {
        guard let body = declaration.body else { return false }
        return !body.items.isEmpty || hasComments(in: body.openOffset..<body.closeOffset)
    }

    private mutating func print(_ declaration: Declaration, depth: Int, forceBlank: Bool, limit: Int) {
        var header = declaration.kind.rawValue
        if let name = declaration.name { header += " " + name.text }
        if let label = declaration.label { header += " " + quoted(label.text) }
        guard let body = declaration.body, printsBlock(declaration) else {
            let end = declaration.body.map { $0.closeOffset + 1 } ?? declaration.end
            emit(header, depth: depth, from: declaration.keywordOffset, to: end, forceBlank: forceBlank, trailingLimit: limit)
            return
        }
        emit(header + " {", depth: depth, from: declaration.keywordOffset, to: body.openOffset, forceBlank: forceBlank,
             trailingLimit: body.items.first?.start ?? body.closeOffset)
        printItems(body, depth: depth + 1)
        emit("}", depth: depth, from: body.closeOffset, to: body.closeOffset, trailingLimit: limit)
    }

    private mutating func printItems(_ body: Block, depth: Int) {
        previousLine = nil
        for (index, item) in body.items.enumerated() {
            let limit = index + 1 < body.items.count ? body.items[index + 1].start : body.closeOffset
            emitComments(before: item.start, depth: depth)
            switch item {
            case .attribute(let attribute):
                emit(text(of: attribute), depth: depth, from: attribute.key.offset, to: attribute.end, trailingLimit: limit)
            case .declaration(let declaration):
                print(declaration, depth: depth, forceBlank: false, limit: limit)
            }
        }
        emitComments(before: body.closeOffset, depth: depth)
        previousLine = nil
    }

    private mutating func print(_ relation: Relation, forceBlank: Bool, limit: Int) {
        var text = "\(relation.kind.rawValue) \(relation.from.text) \(relation.arrow.rawValue) \(relation.to.text)"
        if let carries = relation.carries {
            text += " carries " + (carries.isEmpty ? "none" : list(carries))
        }
        if !relation.via.isEmpty { text += " via " + list(relation.via) }
        if let label = relation.label { text += " " + quoted(label.text) }
        guard let body = relation.body, !body.items.isEmpty || hasComments(in: body.openOffset..<body.closeOffset) else {
            emit(text, depth: 0, from: relation.keywordOffset, to: relation.end, forceBlank: forceBlank, trailingLimit: limit)
            return
        }
        if !hasComments(in: body.openOffset..<body.closeOffset) {
            let attributes = body.items.compactMap { item -> String? in
                if case .attribute(let attribute) = item { self.text(of: attribute) } else { nil }
            }
            text += " { " + attributes.joined(separator: "; ") + " }"
            emit(text, depth: 0, from: relation.keywordOffset, to: relation.end, forceBlank: forceBlank, trailingLimit: limit)
            return
        }
        emit(text + " {", depth: 0, from: relation.keywordOffset, to: body.openOffset, forceBlank: forceBlank,
             trailingLimit: body.items.first?.start ?? body.closeOffset)
        printItems(body, depth: 1)
        emit("}", depth: 0, from: body.closeOffset, to: body.closeOffset, trailingLimit: limit)
    }

    // MARK: Values

    // Each with a path for the one element nearly every list has: a million relations print a million lists.

    private func list(_ names: [Name]) -> String {
        names.count == 1 ? names[0].text : names.map(\.text).joined(separator: ", ")
    }

    private func text(of attribute: Attribute) -> String {
        let values = attribute.values
        let written = { (value: Value) in value.kind == .string ? quoted(value.text) : value.text }
        return attribute.key.text + " " + (values.count == 1 ? written(values[0]) : values.map(written).joined(separator: ", "))
    }

    private func quoted(_ text: String) -> String {
        // Most strings need no escape.
        if !text.containsUTF8(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
