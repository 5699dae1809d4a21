import ScopeModel

/// A model diagnostic in JSON: its code, severity, message, hint, location and notes (docs/output.md).
struct DiagnosticJSON: Encodable {
    let diagnostic: Diagnostic

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(diagnostic.code.rawValue, forKey: .code)
        try container.encode(diagnostic.severity.rawValue, forKey: .severity)
        try container.encode(diagnostic.message, forKey: .message)
        try container.encode(diagnostic.hint, forKey: .hint)
        try container.encode(LocationJSON(diagnostic.location), forKey: .location)
        try container.encode(diagnostic.notes.map { NoteJSON(message: $0.message, location: LocationJSON($0.span.location)) }, forKey: .notes)
    }

    struct NoteJSON: Encodable {
        let message: String
        let location: LocationJSON
    }

    enum Key: String, CodingKey { case code, severity, message, hint, location, notes }
}

/// `--format json` when the model has errors: `{"model": PATH, "diagnostics": [...]}` instead of a report.
public struct DiagnosticsJSONReporter: Reporter {
    public struct Input: Sendable {
        public let path: String
        public let diagnostics: [Diagnostic]

        public init(path: String, diagnostics: [Diagnostic]) {
            self.path = path
            self.diagnostics = diagnostics
        }
    }

    public init() {}

    public func write(_ input: Input, to output: inout some TextOutputStream) {
        JSON.write(Document(model: input.path, diagnostics: input.diagnostics.map(DiagnosticJSON.init)), to: &output)
    }

    struct Document: Encodable {
        let model: String
        let diagnostics: [DiagnosticJSON]
    }
}
