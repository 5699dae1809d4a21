import ArgumentParser
import ScopeModel
import ScopeReport

struct ExplainError: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain-error",
        abstract: "What a diagnostic code means, with a wrong and a fixed example (docs/diagnostics.md)."
    )

    @Argument(help: "A code, such as E050.")
    var code: String?

    @Flag(help: "Every code, as docs/diagnostics.md.")
    var all = false

    func validate() throws {
        if all == (code != nil) { throw ValidationError("name one code, such as E050, or pass --all") }
    }

    func run() throws {
        var output = StandardOutput()
        guard !all else {
            return DiagnosticCodesReporter().write(.init(codes: DiagnosticCode.allCases, document: true), to: &output)
        }
        guard let text = code, let found = DiagnosticCode(text: text) else {
            let codes = DiagnosticCode.allCases.map(\.rawValue)
            throw CommandFailure("no diagnostic code `\(code ?? "")`" + (Suggestion.nearest(to: (code ?? "").uppercased(), in: codes).map { " (did you mean `\($0)`?)" } ?? "")
                + "; `cuiscope explain-error --all` lists them")
        }
        DiagnosticCodesReporter().write(.init(codes: [found], document: false), to: &output)
    }
}
