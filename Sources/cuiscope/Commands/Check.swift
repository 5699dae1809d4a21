import ArgumentParser
import ScopeAnalysis
import ScopeReport

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyze a model: findings grouped by severity, then the scope summary."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Option(help: "Exit 1 on findings at or above: error, warning, never.")
    var failOn: FailOn = .error

    func run() throws {
        let analysis = try options.analyze(errorsAs: MachineFormat(rawValue: format.rawValue))
        let report = ModelReport(analysis, path: options.model)
        var output = StandardOutput()
        switch format {
        case .text: CheckTextReporter(style: options.style).write(report, to: &output)
        case .json: CheckJSONReporter().write(report, to: &output)
        case .sarif:
            SARIFReporter(artifactURI: RepositoryURI.mapper())
                .write(.init(model: analysis.model, findings: analysis.findings, diagnostics: analysis.diagnostics), to: &output)
        }
        if failOn.fails(analysis.findings) { throw ExitStatus.findings.exitCode }
    }
}
