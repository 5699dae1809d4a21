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
    /// Printed lines; a blank line is an empty row.
    private var rows: [Row] = []
    /// Source line where the last printed row ended; nil before the first row of a block.
    private var previousLine: Int?

    /// The canonical text of `tree`. The tree must have parsed without errors.
    public static func format(_ tree: SyntaxTree) -> String {
        var printer = CanonicalPrinter(file: tree.file, comments: tree.comments)
        printer.printTopLevel(tree.statements)
        return printer.render()
    }

    private struct Row {
        var text: String
        var trailingComment: String?
    }

    /// Joins the rows, padding each run of consecutive commented rows to a common comment column.
    private func render() -> String {
        var output = ""
        var index = 0
        while index < rows.count {
            var end = index
            while end < rows.count, rows[end].trailingComment != nil { end += 1 }
            if end == index {
                output += rows[index].text + "\n"
                index += 1
                continue
            }
            let column = rows[index..<end].map { $0.text.unicodeScalars.count }.max()! + 2
            for row in rows[index..<end] {
                let padding = String(repeating: " ", count: column - row.text.unicodeScalars.count)
                output += row.text + padding + row.trailingComment! + "\n"
            }
            index = end
        }
        return output
    }

    private mutating func blankLine() { rows.append(Row(text: "")) }

    private init(file: SourceFile, comments: [Comment]) {
        self.file = file
        self.comments = comments
    }

    // MARK: Rows

    /// Writes one row. A blank line comes before it when forced or when the source had one, never at the
    /// top of the file or of a block.
    private mutating func emit(_ text: String, depth: Int, from start: Int, to end: Int, forceBlank: Bool = false,
                               trailingLimit: Int) {
        let startLine = file.line(of: start)
        if let previousLine, forceBlank || startLine - previousLine > 1 { blankLine() }
        var row = Row(text: String(repeating: "  ", count: depth) + text)
        // A comment on the same source line, before whatever comes next, trails this row.
        if nextComment < comments.count, comments[nextComment].offset >= end, comments[nextComment].offset < trailingLimit,
           file.line(of: comments[nextComment].offset) == file.line(of: end) {
            row.trailingComment = comments[nextComment].text
            nextComment += 1
        }
        rows.append(row)
        previousLine = file.line(of: end)
    }

    /// Prints the comments that stand on their own lines before `offset`.
    private mutating func emitComments(before offset: Int, depth: Int, forceBlankFirst: Bool = false) {
        var first = true
        while nextComment < comments.count, comments[nextComment].offset < offset {
            let comment = comments[nextComment]
            nextComment += 1
            let line = file.line(of: comment.offset)
            if let previousLine, (first && forceBlankFirst) || line - previousLine > 1 { blankLine() }
            rows.append(Row(text: String(repeating: "  ", count: depth) + comment.text))
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

    private mutating func printTopLevel(_ statements: [Statement]) {
        var previousWasBlock = false
        for (index, statement) in statements.enumerated() {
            let limit = index + 1 < statements.count ? statements[index + 1].start : Int.max
            let isBlock = if case .declaration(let declaration) = statement { printsBlock(declaration) } else { false }
            let forceBlank = isBlock || previousWasBlock
            let hadLeadingComments = nextComment < comments.count && comments[nextComment].offset < statement.start
            emitComments(before: statement.start, depth: 0, forceBlankFirst: forceBlank)
            print(statement, forceBlank: forceBlank && !hadLeadingComments, limit: limit)
            previousWasBlock = isBlock
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
            text += " carries " + (carries.isEmpty ? "none" : carries.map(\.text).joined(separator: ", "))
        }
        if !relation.via.isEmpty { text += " via " + relation.via.map(\.text).joined(separator: ", ") }
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

    private func text(of attribute: Attribute) -> String {
        attribute.key.text + " " + attribute.values.map { value in
            value.kind == .string ? quoted(value.text) : value.text
        }.joined(separator: ", ")
    }

    private func quoted(_ text: String) -> String {
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
