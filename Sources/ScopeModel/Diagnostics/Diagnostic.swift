/// One problem found in a model, pointing at the bytes it is about, with the places related to it.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// Another place that explains this one: "first defined here", "included from here", a cycle's step.
    public struct Note: Sendable, Hashable {
        public var message: String
        public var span: SourceSpan

        public init(_ message: String, at span: SourceSpan) {
            self.message = message
            self.span = span
        }
    }

    public var severity: Severity
    /// Stable, so that docs and CI can name it: `E050`.
    public var code: DiagnosticCode
    public var message: String
    public var span: SourceSpan
    /// What to do about it, printed on its own line: "did you mean `hosted-on`?".
    public var hint: String?
    public var notes: [Note]

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at span: SourceSpan, hint: String? = nil,
                notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.hint = hint
        self.notes = notes
    }

    public var location: SourceLocation { span.location }
}

/// Collects diagnostics in the order they were found.
public struct DiagnosticBag: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    public mutating func error(_ code: DiagnosticCode, _ message: String, at span: SourceSpan, hint: String? = nil,
                               notes: [Diagnostic.Note] = []) {
        all.append(Diagnostic(.error, code, message, at: span, hint: hint, notes: notes))
    }

    public mutating func warning(_ code: DiagnosticCode, _ message: String, at span: SourceSpan, hint: String? = nil) {
        all.append(Diagnostic(.warning, code, message, at: span, hint: hint))
    }

    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    /// Diagnostics sorted by file order of appearance, then position; stable for equal positions.
    public func sorted(fileOrder: [String]) -> [Diagnostic] {
        let rank = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return all.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element.span, rhs.element.span)
            let (lf, rf) = (rank[l.file.path] ?? Int.max, rank[r.file.path] ?? Int.max)
            if lf != rf { return lf < rf }
            if l.offset != r.offset { return l.offset < r.offset }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
