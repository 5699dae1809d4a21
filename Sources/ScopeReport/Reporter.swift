import ScopeAnalysis
import ScopeModel

/// One output format: a small stateless type that turns a result into text. The commands pick one from
/// `--format`; every reporter writes to any text stream, a string or standard output alike.
public protocol Reporter: Sendable {
    associatedtype Input
    func write(_ input: Input, to output: inout some TextOutputStream)
}

extension Reporter {
    /// The whole report as one string.
    public func render(_ input: Input) -> String {
        var text = ""
        write(input, to: &text)
        return text
    }
}

/// What reports on one model read: its analysis, and its path as the user gave it.
public struct ModelReport: Sendable {
    public let analysis: Analysis
    public let path: String

    public init(_ analysis: Analysis, path: String) {
        self.analysis = analysis
        self.path = path
    }
}

/// What reports on a design change read: the diff, and both models' paths as the user gave them.
public struct DiffReport: Sendable {
    public let diff: ScopeDiff
    public let base: String
    public let head: String

    public init(_ diff: ScopeDiff, base: String, head: String) {
        self.diff = diff
        self.base = base
        self.head = head
    }
}

/// What `explain` reads: an analysis and the element to explain.
public struct ElementReport: Sendable {
    public let analysis: Analysis
    public let element: ElementRef

    public init(_ analysis: Analysis, element: ElementRef) {
        self.analysis = analysis
        self.element = element
    }
}
