/// Model text inside GitHub-flavoured Markdown: what it cannot carry is escaped, so no label ends a table
/// cell, a code span, a fence or a line.
enum Markdown {
    /// Plain text in a paragraph or a table cell: no markup, link, image, HTML or @mention survives.
    /// `keepingCode` leaves backticks alone, for our own messages, whose code spans hold only ids.
    static func text(_ text: String, keepingCode: Bool = false) -> String {
        // Most model text has nothing to escape: one pass over its bytes in place returns it as it is. ASCII
        // is escaped a byte at a time; other text goes through the characters, since a combining mark makes
        // one character of the byte before it. A String per character cost a third of a Markdown report.
        var scanned = text
        let ascii = scanned.withUTF8 { bytes -> String? in
            if !bytes.contains(where: { $0 >= 0x80 || replacement(for: $0, keepingCode: keepingCode) != nil }) { return text }
            return bytes.allSatisfy { $0 < 0x80 } ? asciiText(bytes, keepingCode: keepingCode) : nil
        }
        if let ascii { return ascii }
        var out = ""
        for character in text {
            if character.isNewline {
                out += " "
            } else if let byte = character.asciiValue, let replacement = replacement(for: byte, keepingCode: keepingCode) {
                out += replacement
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// `text` for ASCII: each byte is a character, but for CR LF, which is one, and one space.
    private static func asciiText(_ bytes: UnsafeBufferPointer<UInt8>, keepingCode: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
            if let replacement = replacement(for: byte, keepingCode: keepingCode) { out += replacement.utf8 } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What an ASCII character becomes in Markdown text; nil when it stays as it is.
    private static func replacement(for byte: UInt8, keepingCode: Bool) -> String? {
        switch byte {
        case UInt8(ascii: "`") where keepingCode: nil
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "@"): "&#64;"
        case UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "~"):
            "\\" + String(UnicodeScalar(byte))
        // Line breaks: LF, VT, FF and CR end a table cell or a line.
        case 0x0A, 0x0B, 0x0C, 0x0D: " "
        default: nil
        }
    }

    /// A code span: shown literally, so nothing is escaped inside it.
    static func code(_ text: String) -> String { "`" + fencedLine(text) + "`" }

    /// One line of literal text in a code span or a ``` fence: a line break or a backtick could end either.
    static func fencedLine(_ text: String) -> String {
        text.map { $0 == "`" ? "'" : $0.isNewline ? " " : String($0) }.joined()
    }
}
