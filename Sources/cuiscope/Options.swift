import ArgumentParser
import ScopeAnalysis
import ScopeModel
import ScopeReport

/// Options every analyzing command shares (CLI.md).
struct AnalysisOptions: ParsableArguments {
    @Argument(help: "The model file (*.scope), or - for standard input.")
    var model: String

    @Option(help: "Analyze at this CMMC level (1, 2 or 3) instead of the model's.")
    var level: Int?

    @Flag(help: "Never color the output (also: NO_COLOR).")
    var noColor = false

    func validate() throws {
        if let level, !(1...3).contains(level) { throw ValidationError("--level must be 1, 2 or 3") }
    }

    var style: TextStyle { TextStyle(colored: Terminal.colorEnabled(noColorFlag: noColor)) }

    /// Loads and analyzes the model; model errors (including unknown rules in `suppress`) exit 2.
    func analyze() throws -> Analysis {
        let analysis = Analysis(model: try ModelInput.load(model, noColor: noColor), level: level)
        Terminal.report(analysis.diagnostics, noColor: noColor)
        if analysis.diagnostics.contains(where: { $0.severity == .error }) { throw ExitStatus.modelErrors.exitCode }
        return analysis
    }
}

/// `--fail-on`: the severity from which findings make the exit code 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, never

    func fails(_ findings: [Finding]) -> Bool {
        switch self {
        case .never: false
        case .error: findings.contains { !$0.isSuppressed && $0.severity == .error }
        case .warning: findings.contains { !$0.isSuppressed && $0.severity >= .warning }
        }
    }
}
