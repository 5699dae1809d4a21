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
        let analysis = try options.analyze()
        switch format {
        case .text: Terminal.write(CheckTextReporter(style: options.style).render(analysis, path: options.model))
        case .json: Terminal.write(CheckJSONReporter().render(analysis, path: options.model))
        case .sarif: Terminal.write(SARIFReporter(artifactURI: RepositoryURI.mapper()).render(analysis.findings))
        }
        if failOn.fails(analysis.findings) { throw ExitStatus.findings.exitCode }
    }
}
