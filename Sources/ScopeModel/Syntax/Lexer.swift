/// Splits model text into tokens. Works on bytes: the only allocations are comments.
struct Lexer {
    let file: SourceFile
    private let bytes: [UInt8]
    /// Where the tokens end: the end of the file, or of the piece being lexed.
    let end: Int
    private(set) var position = 0
    private(set) var comments: [Comment] = []
    /// Unexpected characters and unterminated strings: at most one per line, so a line of garbage is
    /// one message, not thousands.
    var diagnostics = DiagnosticBag()
    /// The line of the last message, counted from 0: the next message on it is dropped.
    private var lastReportedLine = -1

    /// Tokens from `offset` on, which must start a line's token (a statement's keyword), up to `end`, which
    /// must start a line.
    init(file: SourceFile, from offset: Int = 0, to end: Int? = nil) {
        self.file = file
        self.bytes = file.bytes
        self.end = end ?? file.bytes.count
        // A UTF-8 byte-order mark is not part of the model.
        position = offset == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : min(offset, bytes.count)
    }

    mutating func next() -> Token {
        skipSpaceAndComments()
        let start = position
        guard position < end else { return Token(kind: .endOfFile, start: start, end: start) }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\n"):
            position += 1
            return Token(kind: .newline, start: start, end: position)
        case UInt8(ascii: ";"): return single(.semicolon)
        case UInt8(ascii: "{"): return single(.leftBrace)
        case UInt8(ascii: "}"): return single(.rightBrace)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "-"):
            if peek(1) == UInt8(ascii: ">") { position += 2; return Token(kind: .arrow, start: start, end: position) }
            if peek(1) == UInt8(ascii: "-") { position += 2; return Token(kind: .dashDash, start: start, end: position) }
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "-"), peek(2) == UInt8(ascii: ">") {
                position += 3
                return Token(kind: .bothArrow, start: start, end: position)
            }
        default:
            if Lexer.isIdentifierStart(byte) { return identifier() }
            if Lexer.isDigit(byte) { return number() }
        }
        return invalid()
    }

    /// Moves to `offset`, where a token starts, past bytes that need no tokens: they were read before.
    mutating func move(to offset: Int) {
        position = offset
    }

    /// Moves, without making tokens, to the end of the statement being read: the first newline or `;`
    /// outside strings, comments and braces, or the end. What is skipped is neither checked nor reported:
    /// the caller reads it with tokens later, and checks that they end here.
    mutating func skipStatement() {
        var depth = 0
        let stops = Lexer.statementBytes
        while position < end {
            // Most bytes are words and spaces, stepped over at once: a million relations are skipped.
            position = bytes.withUnsafeBufferPointer { bytes in
                stops.withUnsafeBufferPointer { stops in
                    var at = position
                    while at < end, !stops[Int(bytes[at])] { at += 1 }
                    return at
                }
            }
            guard position < end else { break }
            switch bytes[position] {
            case UInt8(ascii: "\n"), UInt8(ascii: ";"):
                if depth == 0 { return }
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: "\""):
                // As `string()` reads it: a backslash takes the next byte, and a newline ends it unterminated.
                position += 1
                while position < end, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\n") {
                    position += bytes[position] == UInt8(ascii: "\\") && position + 1 < end && !Lexer.isControl(bytes[position + 1]) ? 2 : 1
                }
                if position < end, bytes[position] == UInt8(ascii: "\n") { continue }
            case UInt8(ascii: "#"):
                skipToEndOfLine()
                continue
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                skipToEndOfLine()
                continue
            default: break
            }
            position += 1
        }
        position = min(position, end)
    }

    /// The bytes `skipStatement` looks at: statement ends, braces, and the starts of strings and comments.
    private static let statementBytes: [Bool] = (0...255).map { "\n;{}\"#/".utf8.contains(UInt8($0)) }

    /// Moves to the newline that ends the current line (a comment's end), or to the end.
    private mutating func skipToEndOfLine() {
        while position < end, bytes[position] != UInt8(ascii: "\n") { position += 1 }
    }

    private func peek(_ ahead: Int) -> UInt8? {
        position + ahead < end ? bytes[position + ahead] : nil
    }

    private mutating func single(_ kind: TokenKind) -> Token {
        position += 1
        return Token(kind: kind, start: position - 1, end: position)
    }

    private mutating func skipSpaceAndComments() {
        while true {
            position = bytes.withUnsafeBufferPointer { [end, position] bytes in
                var at = position
                while at < end, Lexer.isSpace(bytes[at]) { at += 1 }
                return at
            }
            guard position < end, bytes[position] == UInt8(ascii: "#") || (bytes[position] == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/")) else {
                return
            }
            let start = position
            skipToEndOfLine()
            var end = position
            while end > start, Lexer.isSpace(bytes[end - 1]) { end -= 1 }
            comments.append(Comment(offset: start, text: file.text(start..<end)))
        }
    }

    /// White space within a line.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    // Identifiers may contain `-` but never end in it nor contain `--`, so `a->b` is `a -> b`.
    private mutating func identifier() -> Token {
        let start = position
        // Through a buffer pointer, in a local: every name of a million relations passes here.
        position = bytes.withUnsafeBufferPointer { [end] bytes in
            var at = start + 1
            while at < end {
                if Lexer.continuesIdentifier(bytes[at]) {
                    at += 1
                } else if bytes[at] == UInt8(ascii: "-"), at + 1 < end, Lexer.continuesIdentifier(bytes[at + 1]) {
                    at += 2
                } else {
                    break
                }
            }
            return at
        }
        if position - start > Lexer.maximumIdentifierLength {
            report(.identifierTooLong, "an identifier of \(position - start) characters is too long", at: span(start, start + 1),
                   hint: "identifiers have at most \(Lexer.maximumIdentifierLength) characters")
            return Token(kind: .invalid, start: start, end: position)
        }
        return Token(kind: .identifier, start: start, end: position)
    }

    /// Longer identifiers are errors: no message echoes a megabyte, and suggestions stay cheap.
    static let maximumIdentifierLength = 128

    private mutating func number() -> Token {
        let start = position
        while position < end, Lexer.isDigit(bytes[position]) { position += 1 }
        if position < end, Lexer.isIdentifierStart(bytes[position]) {
            // `3rd`, `10g`: one bad token, not a number followed by an identifier.
            while position < end, Lexer.isIdentifierStart(bytes[position]) || Lexer.isDigit(bytes[position]) {
                position += 1
            }
            report(.identifierStartsWithDigit, "an identifier cannot start with a digit", at: span(start, position),
                   hint: "start identifiers with a letter or `_`")
            return Token(kind: .invalid, start: start, end: position)
        }
        return Token(kind: .number, start: start, end: position)
    }

    private mutating func string() -> Token {
        let start = position
        position += 1
        while position < end {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return Token(kind: .string, start: start, end: position)
            case UInt8(ascii: "\n"):
                return unterminatedString(from: start)
            case UInt8(ascii: "\\") where position + 1 < end && !Lexer.isControl(bytes[position + 1]):
                position += 2
            case let byte where Lexer.isControl(byte) || (byte == 0xC2 && (0x80...0x9F).contains(peek(1) ?? 0)):
                // Raw control characters would reach terminals, SVG and DOT: only the escapes `\n` and `\t` are allowed.
                let scalar = byte == 0xC2 ? UInt32(peek(1) ?? 0) : UInt32(byte)
                let hex = String(scalar, radix: 16, uppercase: true)
                let width = byte == 0xC2 ? 2 : 1
                report(.controlCharacter, "control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex) in a string",
                       at: span(position, position + width),
                       hint: "write a line break as `\\n` and a tab as `\\t`; other control characters cannot be written")
                position += width
            default:
                position += 1
            }
        }
        position = min(position, end)
        return unterminatedString(from: start)
    }

    /// C0 controls other than tab, and DEL: never allowed raw inside a string.
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n")) || byte == 0x7F
    }

    private mutating func unterminatedString(from start: Int) -> Token {
        report(.unterminatedString, "unterminated string", at: span(start, start + 1),
               hint: "close it with `\"` on the same line; write a newline as `\\n`")
        return Token(kind: .invalid, start: start, end: position)
    }

    private mutating func invalid() -> Token {
        let start = position
        // Take the whole UTF-8 sequence (or the one bad byte), so a caret sits under one character.
        position += 1
        while position < end, bytes[position] & 0xC0 == 0x80, position - start < 4 { position += 1 }
        let text = file.text(start..<position)
        let printable = text.unicodeScalars.first.map { $0.value >= 0x20 && $0.value != 0xFFFD && $0.value != 0x7F } ?? false
        let hex = String(bytes[start], radix: 16, uppercase: true)
        let shown = printable ? "`\(text)`" : "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
        let hint: String? = switch text {
        case "-": "a relation arrow is `->`, `<->` or `--`; an identifier cannot end in `-`"
        case "<": "the two-way flow arrow is `<->`"
        case "'": "strings are written in double quotes"
        case "/": "comments start with `#` or `//`"
        default: nil
        }
        report(.unexpectedCharacter, "unexpected \(shown)", at: span(start, position), hint: hint)
        return Token(kind: .invalid, start: start, end: position)
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, at span: SourceSpan, hint: String?) {
        // Found only now: messages are rare, and a lexer that tracked its line would pay on every newline.
        let line = file.lineIndex(of: span.offset)
        guard lastReportedLine != line else { return }
        lastReportedLine = line
        diagnostics.error(code, message, at: span, hint: hint)
    }

    private func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(file: file, offset: start, length: end - start)
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func continuesIdentifier(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: ".")
    }
}
