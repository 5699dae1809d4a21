import ArgumentParser
import ScopeReport

struct Scope: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The asset inventory: every asset and provider with its category, roles and why."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    func run() throws {
        let report = ModelReport(try options.analyze(errorsAs: MachineFormat(rawValue: format.rawValue)), path: options.model)
        var output = StandardOutput()
        switch format {
        case .text: InventoryTextReporter(style: options.style).write(report, to: &output)
        case .json: ScopeJSONReporter().write(report, to: &output)
        }
    }
}
