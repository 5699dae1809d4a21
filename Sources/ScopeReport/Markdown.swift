/// Model text inside GitHub-flavoured Markdown: what it cannot carry is escaped, so no label ends a table
/// cell, a code span, a fence or a line.
enum Markdown {
    /// Plain text in a paragraph or a table cell: no markup, link, image, HTML or @mention survives.
    /// `keepingCode` leaves backticks alone, for our own messages, whose code spans hold only ids.
    static func text(_ text: String, keepingCode: Bool = false) -> String {
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

    /// A code span: shown literally, so nothing is escaped inside it.
    static func code(_ text: String) -> String { "`" + fencedLine(text) + "`" }

    /// One line of literal text in a code span or a ``` fence: a line break or a backtick could end either.
    static func fencedLine(_ text: String) -> String {
        text.map { $0 == "`" ? "'" : $0.isNewline ? " " : String($0) }.joined()
    }
}
