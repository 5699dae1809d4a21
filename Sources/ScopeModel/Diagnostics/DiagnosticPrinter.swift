/// Prints diagnostics like a compiler: `FILE:LINE:COLUMN: error: MESSAGE`, the source line, a caret
/// under the token, then the hint.
public struct DiagnosticPrinter: Sendable {
    /// ANSI colors for a terminal.
    public var colored: Bool
    /// Source lines longer than this are shown as a window around the caret.
    public var maximumLineWidth = 120

    public init(colored: Bool = false) { self.colored = colored }

    public func render(_ diagnostic: Diagnostic) -> String { render(diagnostic, excerpt: true) }

    /// Every diagnostic; a source line is shown once, under the first diagnostic on it, so a line of
    /// garbage is printed once however many errors it holds.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        var previous: (file: ObjectIdentifier, line: Int)?
        for diagnostic in diagnostics {
            let line = (ObjectIdentifier(diagnostic.span.file), diagnostic.span.file.lineIndex(of: diagnostic.span.offset))
            out += render(diagnostic, excerpt: previous.map { $0 != line } ?? true)
            previous = line
        }
        return out
    }

    private func render(_ diagnostic: Diagnostic, excerpt withExcerpt: Bool) -> String {
        let label = diagnostic.severity == .error ? paint("error:", "1;31") : paint("warning:", "1;35")
        var out = paint("\(diagnostic.location):", "1") + " \(label) " + paint(diagnostic.message, "1") + " "
            + paint("[\(diagnostic.code.rawValue)]", "2") + "\n"
        if withExcerpt { out += excerpt(diagnostic.span) }
        if let hint = diagnostic.hint {
            out += "  " + paint("hint:", "1;36") + " " + hint + "\n"
        }
        // Related places, each at its own location with its own excerpt, as compilers print notes.
        for note in diagnostic.notes {
            out += paint("\(note.span.location):", "1") + " " + paint("note:", "1;34") + " " + note.message + "\n"
            out += excerpt(note.span)
        }
        return out
    }

    private func excerpt(_ span: SourceSpan) -> String {
        let snippet = self.snippet(file: span.file, offset: span.offset, length: span.length)
        return "  " + snippet.line + "\n" + "  " + snippet.caretIndent + paint(snippet.marker, "1;32") + "\n"
    }

    /// The source line (possibly windowed), the whitespace before the caret (tabs kept so it lines up),
    /// and the caret with `~` under the rest of the token.
    func snippet(file: SourceFile, offset: Int, length: Int) -> (line: String, caretIndent: String, marker: String) {
        let range = file.lineRange(containing: offset)
        let start = min(max(offset, range.lowerBound), range.upperBound)
        var scalars = Array(file.text(range.lowerBound..<range.upperBound).unicodeScalars)
        var column = file.text(range.lowerBound..<start).unicodeScalars.count
        // The marker spans the token's characters, not its bytes.
        let width = max(1, min(file.text(start..<min(start + max(length, 0), range.upperBound)).unicodeScalars.count, 60))

        var prefix = "", suffix = ""
        if scalars.count > maximumLineWidth {
            let first = max(0, min(column - maximumLineWidth / 2, scalars.count - maximumLineWidth))
            let last = min(scalars.count, first + maximumLineWidth)
            if first > 0 { prefix = "…" }
            if last < scalars.count { suffix = "…" }
            scalars = Array(scalars[first..<last])
            column -= first
            column += prefix.isEmpty ? 0 : 1
        }
        // Control characters (C0, DEL, C1) would garble or drive the terminal; show them as U+FFFD, one column wide.
        let shown = scalars.map { DiagnosticPrinter.isControl($0) ? "\u{FFFD}" : Character($0) }
        let line = prefix + String(shown) + suffix
        let lineScalars = Array(line.unicodeScalars)
        let indent = String(lineScalars.prefix(column).map { $0 == "\t" ? "\t" : " " })
        let marker = "^" + String(repeating: "~", count: max(0, width - 1))
        return (line, indent, marker)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
