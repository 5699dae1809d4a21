import Foundation

/// Parses one model file into a `SyntaxTree`. It never stops at the first error: after a bad statement it
/// skips to the end of that statement and goes on, so one run reports every error in the file.
public struct Parser {
    /// Zones nest; past this depth the parser reports the block instead of recursing further.
    public static let maximumNesting = 64
    /// Past this many errors a file is not a model worth reading on: parsing stops, so a file of garbage
    /// costs linear time and prints a screenful, not its whole self.
    public static let maximumErrors = 50

    private var lexer: Lexer
    private var token: Token
    private var diagnostics = DiagnosticBag()
    private let file: SourceFile
    /// The declarations, includes and relations made so far.
    private var counts = StatementCounts()
    /// Set: top-level relations are skipped, and where each is written is kept in `deferred`.
    private var defersRelations = false
    private var deferred: [DeferredRelation] = []

    /// Parses `file`; the tree holds whatever could be read, the diagnostics say what could not.
    ///
    /// `deferringRelations`: a file parsed in pieces leaves its top-level relations out of the tree, and keeps
    /// where each is written (`SyntaxTree.deferred`) for `parseRelations`, which reads them once every name
    /// is known. A million relations then never wait in a tree: the loader's way.
    public static func parse(_ file: SourceFile, deferringRelations: Bool = false) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        // Four pieces per core: pieces of declarations parse slower than pieces of relations, and with one
        // piece per core, one core sat idle for a fifth of the pass. Pieces of at least 1 MiB: each costs a
        // job and an array of statements.
        parse(file, pieceSize: max(1 << 20, file.bytes.count / (4 * Parallel.cores) + 1), deferringRelations: deferringRelations)
    }

    /// Parses a file of several `pieceSize` bytes in pieces, on every core. Only a file without errors is
    /// parsed this way: when a piece has an error, the whole file is parsed again in one piece, so that
    /// messages and recovery are exactly those of a parse from the top. A file in one piece defers nothing.
    static func parse(_ file: SourceFile, pieceSize: Int, deferringRelations: Bool = false) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        let starts = pieceStarts(in: file, pieceSize: pieceSize)
        if starts.count > 1 {
            let pieces = Parallel.map(starts.count) { index in
                var parser = Parser(file: file, from: starts[index], to: index + 1 < starts.count ? starts[index + 1] : nil)
                parser.defersRelations = deferringRelations
                let statements = parser.parseStatements()
                return (statements: statements, comments: parser.lexer.comments, counts: parser.counts, deferred: parser.deferred,
                        clean: parser.errorCount == 0)
            }
            if pieces.allSatisfy(\.clean) {
                return (SyntaxTree(file: file, pieces: pieces.map(\.statements), comments: Array(pieces.map(\.comments).joined()),
                                   counts: pieces.map(\.counts).reduce(StatementCounts(), +), deferred: pieces.map(\.deferred)), [])
            }
        }
        var parser = Parser(file: file)
        let statements = parser.parseStatements()
        var diagnostics = parser.diagnostics
        diagnostics.append(contentsOf: parser.lexer.diagnostics.all)
        let tree = SyntaxTree(file: file, pieces: [statements], comments: parser.lexer.comments, counts: parser.counts, deferred: [[]])
        // One message per place: bad UTF-8 outside a string is also an unexpected byte to the lexer.
        var seen = Set<Int>()
        var unique = diagnostics.sorted(fileOrder: [file.path]).filter { seen.insert($0.span.offset).inserted }
        if let stop = parser.stoppedAt { unique.append(stopped(at: stop)) }
        return (tree, unique)
    }

    /// Said once where parsing gave up, after `maximumErrors` errors.
    static func stopped(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.error, .tooManyErrors, "too many errors in \(span.file.path); stopped reading it here", at: span,
                   hint: "is this a model file? fix the errors above and run again")
    }

    /// The one statement that starts at `offset` (a keyword), nested declarations included, read without
    /// the rest of the file: what an edit of a large model needs. Nil when no statement starts there.
    public static func statement(in file: SourceFile, at offset: Int) -> Statement? {
        var parser = Parser(file: file, from: offset)
        return parser.token.kind == .identifier ? parser.parseStatement() : nil
    }

    /// Where a large file is cut into pieces: about every `pieceSize` bytes, before a line that starts,
    /// unindented, with a keyword that only a top-level statement may start. In a file without errors such
    /// a line always starts a statement: inside a block the parser would report the block unterminated.
    static func pieceStarts(in file: SourceFile, pieceSize: Int) -> [Int] {
        var starts = [0]
        var line = 0
        while starts[starts.count - 1] + pieceSize < file.bytes.count {
            let target = starts[starts.count - 1] + pieceSize
            while line < file.lineStarts.count,
                  file.lineStarts[line] < target || !opensTopLevelStatement(file.bytes, at: file.lineStarts[line]) { line += 1 }
            guard line < file.lineStarts.count else { break }
            starts.append(file.lineStarts[line])
        }
        return starts
    }

    /// The keywords no block may hold (`zone` and `asset` may nest in a zone), each with the space after it.
    private static let topLevelKeywords: [[UInt8]] = Keyword.allCases.filter { isTopLevelOnly($0, in: .declaration(.zone)) }
        .map { Array($0.rawValue.utf8) + [UInt8(ascii: " ")] }

    private static func opensTopLevelStatement(_ bytes: [UInt8], at offset: Int) -> Bool {
        topLevelKeywords.contains { keyword in
            offset + keyword.count <= bytes.count && bytes[offset..<(offset + keyword.count)].elementsEqual(keyword)
        }
    }

    private init(file: SourceFile, from offset: Int = 0, to end: Int? = nil) {
        self.file = file
        lexer = Lexer(file: file, from: offset, to: end)
        token = Token(kind: .endOfFile, start: 0, end: 0)
        if offset == 0 { reportInvalidUTF8() }
        advance()
    }

    // MARK: Tokens

    /// Where parsing stopped after `maximumErrors` errors.
    private var stoppedAt: SourceSpan?

    private mutating func advance() {
        guard stoppedAt == nil else { return }
        token = lexer.next()
        if errorCount >= Parser.maximumErrors {
            stoppedAt = span(token)
            token = Token(kind: .endOfFile, start: token.start, end: token.start)
        }
    }

    private func text(_ token: Token) -> String { file.text(token.start..<token.end) }

    private func span(_ token: Token) -> SourceSpan { SourceSpan(file: file, offset: token.start, length: token.length) }

    /// The keyword the current token spells, if it is one.
    private var keyword: Keyword? {
        token.kind == .identifier ? Keyword.match(file.bytes, token.start..<token.end) : nil
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier: "`\(text(token))`"
        case .string: "a string"
        case .number: "`\(text(token))`"
        default: token.kind.spelling
        }
    }

    private var errorCount: Int { diagnostics.all.count + lexer.diagnostics.all.count }

    /// Whether the current token is the first thing on its line, unindented.
    private var startsLine: Bool { token.start == 0 || file.bytes[token.start - 1] == UInt8(ascii: "\n") }

    private mutating func skipStatementEnds() {
        while token.kind == .newline || token.kind == .semicolon { advance() }
    }

    /// Skips the rest of a broken statement, including any block it opens, but not a `}` that closes
    /// the enclosing block.
    private mutating func recover() {
        var depth = 0
        while true {
            switch token.kind {
            case .endOfFile: return
            case .newline where depth == 0, .semicolon where depth == 0: return
            case .leftBrace: depth += 1
            case .rightBrace:
                if depth == 0 { return }
                depth -= 1
            default: break
            }
            advance()
        }
    }

    /// Reports `message` at the current token and skips the statement.
    private mutating func fail(_ code: DiagnosticCode, _ message: String, hint: String? = nil) {
        if token.kind != .invalid { diagnostics.error(code, message, at: span(token), hint: hint) }
        recover()
    }

    /// After a complete statement: only a statement end (or the `}` of the enclosing block) may follow.
    private mutating func expectStatementEnd(insideBlock: Bool) {
        // `startsLine`: an unterminated block gave up at a statement on a line of its own.
        if token.kind.isStatementEnd || (insideBlock && token.kind == .rightBrace) || startsLine { return }
        fail(.expectedStatementEnd, "expected end of statement, found \(describe(token))",
             hint: "put each statement on its own line or separate them with `;`")
    }

    // MARK: Statements

    private mutating func parseStatements() -> [Statement] {
        var statements: [Statement] = []
        // At most one statement per line: reserving up front spares a large model many regrowths.
        statements.reserveCapacity(file.lineIndex(of: lexer.end) - file.lineIndex(of: lexer.position) + 1)
        while true {
            skipStatementEnds()
            switch token.kind {
            case .endOfFile:
                return statements
            case .rightBrace:
                diagnostics.error(.unexpectedBrace, "unexpected `}`", at: span(token), hint: "this `}` closes no block")
                while token.kind == .rightBrace { advance() }
            case .leftBrace:
                fail(.unknownStatement, "expected a statement, found `{`", hint: "`{` must be on the same line as the statement it opens")
            case .identifier:
                let errorsBefore = errorCount
                var statement = parseStatement()
                expectStatementEnd(insideBlock: false)
                if errorCount > errorsBefore, case .declaration(var declaration)? = statement {
                    declaration.hasSyntaxErrors = true
                    statement = .declaration(declaration)
                }
                if let statement { statements.append(statement) }
            default:
                fail(.unknownStatement, "expected a statement, found \(describe(token))", hint: Parser.statementHint)
            }
        }
    }

    private static let statementKeywords = DeclarationKind.allCases.map(\.rawValue)
        + RelationKind.allCases.map(\.rawValue) + ["include", "suppress"]
    private static let statementHint = "a statement starts with one of: " + statementKeywords.joined(separator: ", ")

    private mutating func parseStatement() -> Statement? {
        let keyword = self.keyword
        if let kind = keyword?.declarationKind { return parseDeclaration(kind, depth: 0).map(Statement.declaration) }
        if let kind = keyword?.relationKind {
            if defersRelations {
                deferRelation(kind)
                return nil
            }
            guard let relation = parseRelation(kind) else { return nil }
            counts.relations.count(kind)
            return .relation(relation)
        }
        switch keyword {
        case .include:
            counts.includes += 1
            return parseInclude().map(Statement.include)
        case .suppress: return parseSuppress().map(Statement.suppress)
        default:
            let word = text(token)
            let hint = Suggestion.didYouMean(word, in: Parser.statementKeywords)
                ?? (AttributeNames.all.contains(word) ? "`\(word)` is an attribute: write it inside the `{ }` block of a declaration"
                    : Parser.statementHint)
            fail(.unknownStatement, "unknown statement `\(word)`", hint: hint)
            return nil
        }
    }

    private mutating func expectName(_ what: String, after previous: String) -> Name? {
        guard token.kind == .identifier else {
            fail(.expectedToken, "expected \(what) after `\(previous)`, found \(describe(token))")
            return nil
        }
        defer { advance() }
        return Name(text: text(token), offset: token.start)
    }

    private mutating func parseString() -> Value {
        defer { advance() }
        let contents = (token.start + 1)..<(token.end - 1)
        // Most strings hold no escape: their text is the file's, without a decoded copy.
        if !file.bytes[contents].contains(UInt8(ascii: "\\")) {
            return Value(text: file.text(contents), offset: token.start, length: token.length, kind: .string)
        }
        let raw = file.bytes[contents]
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "\\"), index + 1 < raw.endIndex {
                let escaped = raw[index + 1]
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): decoded.append(escaped)
                case UInt8(ascii: "n"): decoded.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): decoded.append(UInt8(ascii: "\t"))
                default:
                    diagnostics.error(.unknownEscape, "unknown escape `\\\(file.text((index + 1)..<(index + 2)))` in a string",
                                      at: SourceSpan(file: file, offset: index, length: 2),
                                      hint: "a string may contain \\\", \\\\, \\n and \\t")
                    decoded.append(escaped)
                }
                index += 2
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        return Value(text: String(decoding: decoded, as: UTF8.self), offset: token.start, length: token.length, kind: .string)
    }

    // MARK: Declarations

    private mutating func parseDeclaration(_ kind: DeclarationKind, depth: Int) -> Declaration? {
        let keywordToken = token
        advance()
        var name: Name?
        if kind == .organization {
            guard token.kind == .string else {
                fail(.expectedToken, "expected the organization's name in quotes after `organization`",
                     hint: "write `organization \"Acme Precision Parts\" { ... }`")
                return nil
            }
        } else {
            guard let parsed = expectName("an identifier", after: kind.rawValue) else { return nil }
            name = parsed
        }
        let label = token.kind == .string ? parseString() : nil
        var declaration = Declaration(name: name, keywordOffset: keywordToken.start, label: label, kind: kind, body: nil,
                                      end: label.map { $0.offset + $0.length } ?? name.map { $0.offset + $0.text.utf8.count } ?? keywordToken.end)
        if token.kind == .leftBrace {
            declaration.body = parseBlock(owner: .declaration(kind), depth: depth + 1)
            declaration.end = (declaration.body?.closeOffset ?? declaration.end) + 1
        }
        counts.declarations += 1
        if kind == .asset { counts.assets += 1 } else if kind == .zone { counts.zones += 1 }
        return declaration
    }

    private enum BlockOwner {
        case declaration(DeclarationKind)
        case relation(RelationKind)
    }

    private mutating func parseBlock(owner: BlockOwner, depth: Int) -> Block {
        let open = token
        advance()
        if depth > Parser.maximumNesting {
            diagnostics.error(.nestedTooDeep, "blocks nested more than \(Parser.maximumNesting) deep", at: span(open),
                              hint: "flatten the zones: a top-level asset may name its zone with `zone ID`")
            var block = Block(items: [], openOffset: open.start, closeOffset: open.start)
            var nesting = 1
            while token.kind != .endOfFile {
                if token.kind == .leftBrace { nesting += 1 }
                if token.kind == .rightBrace {
                    nesting -= 1
                    if nesting == 0 { block.closeOffset = token.start; advance(); return block }
                }
                advance()
            }
            return block
        }
        var items: [BlockItem] = []
        while true {
            skipStatementEnds()
            switch token.kind {
            case .rightBrace:
                defer { advance() }
                return Block(items: items, openOffset: open.start, closeOffset: token.start)
            case .endOfFile:
                if stoppedAt == nil {
                    diagnostics.error(.unterminatedBlock, "unterminated block: this `{` has no matching `}`", at: span(open),
                                      hint: "add `}` after the block's last line")
                }
                return Block(items: items, openOffset: open.start, closeOffset: token.start)
            case .identifier:
                // A top-level statement at column 1 means the block was never closed: say so once, and
                // let the statement parse where it belongs instead of reporting every line after it.
                if startsLine, Parser.isTopLevelOnly(keyword, in: owner) {
                    diagnostics.error(.unterminatedBlock, "unterminated block: this `{` has no matching `}`", at: span(open),
                                      hint: "add `}` after the block's last line")
                    return Block(items: items, openOffset: open.start, closeOffset: token.start)
                }
                let errorsBefore = errorCount
                guard var item = parseBlockItem(owner: owner, depth: depth) else {
                    expectStatementEnd(insideBlock: true)
                    continue
                }
                expectStatementEnd(insideBlock: true)
                if errorCount > errorsBefore, case .declaration(var declaration) = item {
                    declaration.hasSyntaxErrors = true
                    item = .declaration(declaration)
                }
                items.append(item)
            default:
                fail(.expectedToken, "expected an attribute name, found \(describe(token))")
            }
        }
    }

    /// Statements that cannot stand inside a block of `owner` (in an asset block `zone` is an attribute).
    private static func isTopLevelOnly(_ keyword: Keyword?, in owner: BlockOwner) -> Bool {
        switch keyword {
        case .zone?, .asset?:
            if case .declaration(.zone) = owner { return false }
            return keyword == .asset
        case .organization?, .data?, .provider?, .flow?, .link?, .access?, .protects?, .include?, .suppress?: return true
        case .carries?, .via?, .none?, .on?, nil: return false
        }
    }

    private mutating func parseBlockItem(owner: BlockOwner, depth: Int) -> BlockItem? {
        let keyword = self.keyword
        if case .declaration(.zone) = owner, keyword == .zone || keyword == .asset {
            return parseDeclaration(keyword == .zone ? .zone : .asset, depth: depth).map(BlockItem.declaration)
        }
        let word = text(token)
        if Parser.isTopLevelOnly(keyword, in: owner) {
            let place: String = switch owner {
            case .declaration(let kind): "a `\(kind.rawValue)` block"
            case .relation(let kind): "the block of a `\(kind.rawValue)`"
            }
            let hint = word == "asset" ? "assets nest only inside zones; or write it at the top level with `zone ID`"
                : "write it at the top level, outside every block"
            fail(.misplacedKeyword, "`\(word)` cannot appear inside \(place)", hint: hint)
            return nil
        }
        let key = Name(text: word, offset: token.start)
        advance()
        var values = AttributeValues()
        var end = key.offset + key.text.utf8.count
        while true {
            switch token.kind {
            case .identifier, .number:
                values.append(Value(text: text(token), offset: token.start, length: token.length,
                                    kind: token.kind == .number ? .number : .identifier))
                end = token.end
                advance()
            case .string:
                let value = parseString()
                values.append(value)
                end = value.offset + value.length
            default:
                if values.isEmpty {
                    fail(.expectedToken, "expected a value after `\(word)`, found \(describe(token))")
                } else {
                    fail(.expectedToken, "expected a value after `,`, found \(describe(token))")
                }
                return nil
            }
            guard token.kind == .comma else { break }
            advance()
        }
        return .attribute(Attribute(key: key, end: end, values: values))
    }

    // MARK: Relations

    private mutating func parseRelation(_ kind: RelationKind) -> Relation? {
        guard var relation = parseRelationEnds(kind), parseClauses(of: &relation) else { return nil }
        return relation
    }

    /// A relation's keyword, ends and arrow, up to its first clause.
    private mutating func parseRelationEnds(_ kind: RelationKind) -> Relation? {
        let keywordToken = token
        advance()
        guard let from = expectName("an identifier", after: kind.rawValue) else { return nil }
        let arrow: Arrow
        switch token.kind {
        case .arrow: arrow = .forward
        case .bothArrow: arrow = .both
        case .dashDash: arrow = .undirected
        default:
            let expected = kind == .link ? "`--`" : kind == .flow ? "`->` or `<->`" : "`->`"
            fail(.expectedToken, "expected \(expected) after `\(from.text)`, found \(describe(token))")
            return nil
        }
        let arrowToken = token
        advance()
        guard let to = expectName("an identifier", after: arrow.rawValue) else { return nil }
        return Relation(from: from, keywordOffset: keywordToken.start, to: to, arrowOffset: arrowToken.start,
                        carries: nil, via: [], label: nil, kind: kind, arrow: arrow, body: nil, carriesOffset: 0,
                        end: to.offset + to.text.utf8.count)
    }

    /// The `carries` and `via` clauses, label and block that follow a relation's ends. False on an error.
    private mutating func parseClauses(of relation: inout Relation) -> Bool {
        let kind = relation.kind
        var sawVia = false
        clauses: while true {
            switch token.kind {
            case .identifier where keyword == .carries:
                guard relation.carries == nil else { fail(.repeatedClause, "`carries` is given twice"); return false }
                relation.carriesOffset = token.start
                advance()
                if keyword == Keyword.none {
                    relation.carries = []
                    relation.end = token.end
                    advance()
                } else {
                    guard let names = parseNameList(after: "carries") else { return false }
                    relation.carries = names
                    relation.end = names.last.map { $0.offset + $0.text.utf8.count } ?? relation.end
                }
            case .identifier where keyword == .via:
                guard !sawVia else { fail(.repeatedClause, "`via` is given twice", hint: "list every device once: `via fw, sw-2`"); return false }
                sawVia = true
                advance()
                guard let names = parseNameList(after: "via") else { return false }
                relation.via = names
                relation.end = names.last.map { $0.offset + $0.text.utf8.count } ?? relation.end
            case .string:
                guard relation.label == nil else { fail(.repeatedClause, "the relation already has a label"); return false }
                let label = parseString()
                relation.label = label
                relation.end = label.offset + label.length
            case .leftBrace:
                let body = parseBlock(owner: .relation(kind), depth: 1)
                relation.body = body
                relation.end = body.closeOffset + 1
                break clauses
            case .identifier:
                let word = text(token)
                fail(.expectedToken, "unexpected `\(word)` in a `\(kind.rawValue)`",
                     hint: Suggestion.didYouMean(word, in: ["carries", "via"])
                        ?? "after its ends a relation takes `carries`, `via`, a label in quotes, then `{ attributes }`")
                return false
            default:
                break clauses
            }
        }
        return true
    }

    /// Skips the relation at the current token, counted, and keeps where it is written.
    private mutating func deferRelation(_ kind: RelationKind) {
        let start = token.start
        lexer.skipStatement()
        deferred.append(DeferredRelation(start: start, end: lexer.position, kind: kind))
        counts.relations.count(kind)
        advance()
    }

    /// Reads the deferred relations `relations` of `file` in order, giving each to `body`, which returns false
    /// to stop. False when `body` stopped, or when one of them is not a relation without errors that ends where
    /// it was skipped to: then the skip may have hidden other statements, and the loader parses the file again
    /// without deferring, so that every message is that of one parse.
    static func parseRelations(in file: SourceFile, _ relations: ArraySlice<DeferredRelation>, _ body: (Relation) -> Bool) -> Bool {
        parseRelations(in: file, relations, knownClauses: { _, _ -> Never? in nil }) { relation, _, _ in body(relation) }
    }

    /// `parseRelations(in:_:_:)`, giving `body` the bytes of each relation's clauses (all that follows its
    /// second end) too. `known` is asked first what is known of clauses of those bytes in a relation of that
    /// kind, read before without errors: when it knows something, they are skipped, and `body` gets it with the
    /// relation's keyword, ends and arrow alone.
    static func parseRelations<Known>(in file: SourceFile, _ relations: ArraySlice<DeferredRelation>,
                                      knownClauses known: (RelationKind, Range<Int>) -> Known?,
                                      _ body: (Relation, _ clauses: Range<Int>, Known?) -> Bool) -> Bool {
        guard let first = relations.first else { return true }
        // Not optional: reads through an optional parser copied it (an outlined destroy of `Parser?` per read).
        var parser = Parser(file: file, from: first.start)
        for deferred in relations {
            // One parser for a run of relations; a new one after a statement that was not deferred.
            if parser.token.start != deferred.start { parser = Parser(file: file, from: deferred.start) }
            guard var relation = parser.parseRelationEnds(deferred.kind), parser.errorCount == 0,
                  parser.token.start <= deferred.end else { return false }
            let clauses = parser.token.start..<deferred.end
            let knowledge = clauses.isEmpty ? nil : known(deferred.kind, clauses)
            if knowledge != nil {
                parser.lexer.move(to: deferred.end)
                parser.advance()
            } else {
                guard parser.parseClauses(of: &relation) else { return false }
            }
            guard parser.errorCount == 0, parser.token.kind.isStatementEnd, parser.token.start == deferred.end,
                  body(relation, clauses, knowledge) else { return false }
            parser.skipStatementEnds()
        }
        return true
    }

    private mutating func parseNameList(after keyword: String) -> [Name]? {
        var names: [Name] = []
        repeat {
            if !names.isEmpty { advance() }
            guard let name = expectName("an identifier", after: names.isEmpty ? keyword : ",") else { return nil }
            names.append(name)
        } while token.kind == .comma
        return names
    }

    // MARK: include and suppress

    private mutating func parseInclude() -> Include? {
        let keywordToken = token
        advance()
        guard token.kind == .string else {
            fail(.expectedToken, "expected a file path in quotes after `include`", hint: "write `include \"sites/plant-2.scope\"`")
            return nil
        }
        return Include(keywordOffset: keywordToken.start, path: parseString())
    }

    private mutating func parseSuppress() -> Suppress? {
        let keywordToken = token
        advance()
        guard let rule = expectName("a rule id", after: "suppress") else { return nil }
        guard keyword == .on else {
            fail(.expectedToken, "expected `on` after the rule id, found \(describe(token))",
                 hint: "write `suppress \(rule.text) on ID \"why\"`")
            return nil
        }
        advance()
        guard let subject = expectName("the id of an element or a relation", after: "on") else { return nil }
        var relation: (arrow: Arrow, to: Name)?
        if [.arrow, .bothArrow, .dashDash].contains(token.kind) {
            let arrow: Arrow = token.kind == .arrow ? .forward : token.kind == .bothArrow ? .both : .undirected
            let arrowText = text(token)
            advance()
            guard let to = expectName("an identifier", after: arrowText) else { return nil }
            relation = (arrow, to)
        }
        guard token.kind == .string else {
            fail(.expectedToken, "expected the justification in quotes, found \(describe(token))",
                 hint: "every suppression says why: `suppress \(rule.text) on \(subject.text) \"SOP-9 ...\"`")
            return nil
        }
        let reason = parseString()
        return Suppress(keywordOffset: keywordToken.start, rule: rule, subject: subject, relation: relation, reason: reason,
                        end: reason.offset + reason.length)
    }

    // MARK: Encoding

    /// Model files are UTF-8. The first bad sequence is reported; strings and comments are then repaired.
    private mutating func reportInvalidUTF8() {
        let bytes = file.bytes
        // Eight ASCII bytes at a time, the whole of most models; a word with a high bit is checked byte by byte.
        let asciiWords = bytes.withUnsafeBytes { raw in
            var words = 0
            while (words + 1) * 8 <= raw.count, raw.loadUnaligned(fromByteOffset: words * 8, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                words += 1
            }
            return words
        }
        var index = asciiWords * 8
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00..<0x80: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && index + length <= bytes.count
            if valid {
                for i in 1..<length where bytes[index + i] & 0xC0 != 0x80 { valid = false }
            }
            if valid, length == 3 {
                let scalar = (Int(byte & 0x0F) << 12) | (Int(bytes[index + 1] & 0x3F) << 6)
                valid = scalar >= 0x800 && !(0xD800...0xDFFF).contains(scalar)
            }
            if valid, length == 4 {
                let scalar = (Int(byte & 0x07) << 18) | (Int(bytes[index + 1] & 0x3F) << 12)
                valid = scalar >= 0x10000 && scalar <= 0x10FFFF
            }
            guard valid else {
                diagnostics.error(.invalidUTF8, "the file is not valid UTF-8", at: SourceSpan(file: file, offset: index, length: 1),
                                  hint: "save the model as UTF-8 text")
                return
            }
            index += length
        }
    }
}
