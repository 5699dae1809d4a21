/// The kinds of token in the model language.
public enum TokenKind: UInt8, Sendable {
    case identifier, string, number
    /// A newline or `;`: both end a statement.
    case newline, semicolon
    case leftBrace, rightBrace, comma
    /// `->`, `<->`, `--`.
    case arrow, bothArrow, dashDash
    case endOfFile
    /// Bytes that form no token; the lexer has already reported them.
    case invalid

    var isStatementEnd: Bool { self == .newline || self == .semicolon || self == .endOfFile }

    /// How the kind is named in "expected ..." messages.
    var spelling: String {
        switch self {
        case .identifier: "an identifier"
        case .string: "a string"
        case .number: "a number"
        case .newline: "end of line"
        case .semicolon: "`;`"
        case .leftBrace: "`{`"
        case .rightBrace: "`}`"
        case .comma: "`,`"
        case .arrow: "`->`"
        case .bothArrow: "`<->`"
        case .dashDash: "`--`"
        case .endOfFile: "end of file"
        case .invalid: "an invalid character"
        }
    }
}

/// One token: its kind and byte range in the file.
public struct Token: Sendable {
    public var kind: TokenKind
    public var start: Int
    public var end: Int

    var length: Int { end - start }
}

/// A `#` or `//` comment, kept for the canonical printer.
public struct Comment: Sendable, Hashable {
    /// Byte offset of the `#` or `//`.
    @Offset32 public var offset: Int
    /// The comment text, from its marker to the end of the line, trailing white space removed.
    public var text: String
}
