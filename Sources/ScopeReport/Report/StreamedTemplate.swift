import Mustache

/// A Mustache template whose long lists are written a row at a time, so that no page is ever whole in
/// memory: the template's own text is rendered from a small context, and the body of each streamed section
/// once per row, a batch of rows on every core (`TextBatches`). The output is what Mustache gives for the
/// whole template with every list in the context.
///
/// A streamed section stands at the template's top level, and its body reads only its own row's values.
struct StreamedTemplate: Sendable {
    /// One streamed list: how many rows, and the values of each, made only when its row is written.
    struct Rows {
        let count: Int
        let row: @Sendable (Int) -> [String: Any]
    }

    /// What a page shows: its own values, and its streamed lists by section name.
    struct Page {
        var context: [String: Any]
        var rows: [String: Rows]
    }

    private enum Part: Sendable {
        case text(MustacheTemplate)
        case rows(name: String, body: MustacheTemplate)
    }

    private let parts: [Part]

    /// Splits `text` at each top-level section named in `streamed`. The templates are ours and tested, so
    /// a parse error is a bug, not an input error.
    init(_ text: String, streamed: [String]) {
        // A pragma (`{{% CONTENT_TYPE: …}}`) applies to the template it is in, so every part repeats it.
        let pragma = text.hasPrefix("{{%") ? String(text[...text.firstIndex(of: "\n")!]) : ""
        func template(_ part: Substring) -> MustacheTemplate { try! MustacheTemplate(string: pragma + part) }
        var parts: [Part] = []
        var cursor = text.index(text.startIndex, offsetBy: pragma.count)
        while let (name, open) = streamed.compactMap({ name in text[cursor...].range(of: "{{#\(name)}}").map { (name, $0) } })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            let close = text[open.upperBound...].range(of: "{{/\(name)}}")!
            let (textEnd, bodyStart) = Self.bounds(of: open, in: text)
            let (bodyEnd, next) = Self.bounds(of: close, in: text)
            parts.append(.text(template(text[cursor..<textEnd])))
            parts.append(.rows(name: name, body: template(text[bodyStart..<bodyEnd])))
            cursor = next
        }
        parts.append(.text(template(text[cursor...])))
        self.parts = parts
    }

    /// Writes the page: the template's text from its context, each streamed section from its rows.
    func write(_ page: Page, to output: inout some TextOutputStream) {
        for part in parts {
            switch part {
            case .text(let template):
                output.write(template.render(page.context))
            case .rows(let name, let body):
                guard let rows = page.rows[name] else { continue }
                let row = rows.row
                TextBatches.write(count: rows.count, to: &output) { index, text in text.write(body.render(row(index))) }
            }
        }
    }

    /// Where the text before a section tag ends and the text after it begins. A tag alone on its line
    /// takes the whole line with it, as Mustache's standalone tags do.
    private static func bounds(of tag: Range<String.Index>, in text: String) -> (before: String.Index, after: String.Index) {
        let lineStart = text[..<tag.lowerBound].lastIndex(of: "\n").map(text.index(after:)) ?? text.startIndex
        let alone = text[lineStart..<tag.lowerBound].allSatisfy { $0 == " " || $0 == "\t" }
            && (tag.upperBound == text.endIndex || text[tag.upperBound] == "\n")
        guard alone else { return (tag.lowerBound, tag.upperBound) }
        return (lineStart, tag.upperBound == text.endIndex ? tag.upperBound : text.index(after: tag.upperBound))
    }
}
