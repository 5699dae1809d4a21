import ArgumentParser
import ScopeAnalysis
import ScopeModel
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
        let analysis = try options.analyze()
        switch format {
        case .text: Terminal.write(InventoryTextReporter(style: options.style).render(analysis, path: options.model))
        case .json: Terminal.write(ScopeJSONReporter().render(analysis, path: options.model))
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Why one asset, provider, zone or data item is where it is: every relation that put it there."
    )

    @OptionGroup var options: AnalysisOptions

    @Argument(help: "The id of the element to explain.")
    var id: String

    func run() throws {
        let analysis = try options.analyze()
        guard let element = analysis.model.names[id] else {
            let hint = Suggestion.didYouMean(id, in: analysis.model.names.keys.sorted()).map { "; \($0)" } ?? ""
            throw CommandFailure("no element `\(id)` in \(options.model)\(hint)")
        }
        Terminal.write(ExplainTextReporter(style: options.style).render(analysis, element: element))
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule with its severity and references.")

    @Flag(help: "Never color the output (also: NO_COLOR).")
    var noColor = false

    func run() {
        Terminal.write(RulesTextReporter(style: TextStyle(colored: Terminal.colorEnabled(noColorFlag: noColor))).render())
    }
}
