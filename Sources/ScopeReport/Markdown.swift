/// Model text inside GitHub-flavoured Markdown: what it cannot carry is escaped, so no label ends a table
/// cell, a code span, a fence or a line.
enum Markdown {
    /// Plain text in a paragraph or a table cell: no markup, link, image, HTML or @mention survives.
    /// `keepingCode` leaves backticks alone, for our own messages, whose code spans hold only ids.
    static func text(_ text: String, keepingCode: Bool = false) -> String {
        // Most model text is plain ASCII with nothing to escape: one pass over its bytes in place returns it
        // as it is. The loop below makes a String per character, and cost a third of a Markdown report.
        // ASCII with something to escape is escaped a byte at a time; the rest goes through the loop below.
        var scanned = text
        let ascii = scanned.withUTF8 { bytes -> String? in
            if !bytes.contains(where: mayNeedEscape) { return text }
            return bytes.allSatisfy { $0 < 0x80 } ? asciiText(bytes, keepingCode: keepingCode) : nil
        }
        if let ascii { return ascii }
        var out = ""
        for character in text {
            switch character {
            case "`" where keepingCode: out += "`"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "@": out += "&#64;"
            case "|", "`", "\\", "*", "_", "[", "]", "!", "#", "~": out += "\\" + String(character)
            default: out += character.isNewline ? " " : String(character)
            }
        }
        return out
    }

    /// `text` for ASCII, a byte at a time: each byte is a character, but for CR LF, which is one.
    private static func asciiText(_ bytes: UnsafeBufferPointer<UInt8>, keepingCode: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "`") where keepingCode: out.append(byte)
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "@"): out += "&#64;".utf8
            case UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "~"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x0D:
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                out.append(UInt8(ascii: " "))
            case 0x0A, 0x0B, 0x0C: out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `byte` may start something `text` escapes or replaces: a character it escapes, a control
    /// (line breaks among them), or any non-ASCII byte, which the character loop judges.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "@"), UInt8(ascii: "|"),
             UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"),
             UInt8(ascii: "#"), UInt8(ascii: "~"):
            true
        case 0x20..<0x7F: false
        default: true
        }
    }

    /// A code span: shown literally, so nothing is escaped inside it.
    static func code(_ text: String) -> String { "`" + fencedLine(text) + "`" }

    /// One line of literal text in a code span or a ``` fence: a line break or a backtick could end either.
    static func fencedLine(_ text: String) -> String {
        text.map { $0 == "`" ? "'" : $0.isNewline ? " " : String($0) }.joined()
    }
}
