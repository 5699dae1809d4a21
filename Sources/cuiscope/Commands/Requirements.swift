import ArgumentParser
import ScopeModel
import ScopeReport

struct RequirementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requirements",
        abstract: "What each category owes, the NIST SP 800-171 requirements the findings put at risk, and the 110 with their SPRS points.",
        discussion: "With an asset id: what that asset's category owes, and the requirements its findings touch."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: AnalysisOptions

    @Argument(help: "An asset id, to report on that asset only.")
    var id: String?

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    func run() throws {
        let analysis = try options.analyze(errorsAs: MachineFormat(rawValue: format.rawValue))
        var asset: Int?
        if let id {
            guard case .asset(let a) = analysis.model.names[id] else {
                let assets = analysis.model.assets.map(\.id)
                let hint = Suggestion.didYouMean(id, in: assets).map { "; \($0)" } ?? ""
                throw CommandFailure("no asset `\(id)` in \(options.model)\(hint)")
            }
            asset = a
        }
        let report = RequirementsReport(analysis, path: options.model, asset: asset)
        var output = StandardOutput()
        switch format {
        case .text: RequirementsTextReporter(style: options.style).write(report, to: &output)
        case .json: RequirementsJSONReporter().write(report, to: &output)
        }
    }
}
