import ArgumentParser
import ScopeModel
import ScopeReport

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
        var output = StandardOutput()
        ExplainTextReporter(style: options.style).write(ElementReport(analysis, element: element), to: &output)
    }
}
