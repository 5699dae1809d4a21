import ArgumentParser
import Foundation
import ScopeAnalysis
import ScopeModel
import ScopeReport

struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Design changes that shrink the assessment scope, each verified on the model (docs/advisor.md).",
        discussion: """
        Each suggestion is the model edit that makes it and its effect, computed by analyzing the edited model. \
        `--apply N -o FILE` writes the model with suggestion N applied; `cuiscope diff MODEL FILE` then shows that effect.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Option(help: "Weights per category and costs per move kind, such as cui=3,spa=3,crma=1,separate-link=1.")
    var weights: String?

    @Option(help: "The cheapest combination that brings the scope to at most this many units, or the best reachable.")
    var target: Int?

    @Option(help: "Write the model with this suggestion applied to the --output file.")
    var apply: Int?

    @Option(name: .shortAndLong, help: "The file --apply writes.")
    var output: String?

    func validate() throws {
        if apply != nil, output == nil { throw ValidationError("--apply needs -o FILE, the model to write") }
        if output != nil, apply == nil { throw ValidationError("-o names the file --apply writes; pass --apply N") }
        if let apply, apply < 1 { throw ValidationError("--apply takes a suggestion's rank, from 1") }
        if let target, target < 0 { throw ValidationError("--target must be 0 or more units") }
        if let weights { _ = try parsedWeights(weights) }
    }

    private func parsedWeights(_ text: String) throws -> AdvisorWeights {
        do {
            return try AdvisorWeights(parsing: text)
        } catch {
            throw ValidationError("--weights: \(error)")
        }
    }

    func run() throws {
        let analysis = try options.analyze(errorsAs: MachineFormat(rawValue: format.rawValue))
        let advice = Advice(analysis, weights: try weights.map(parsedWeights) ?? AdvisorWeights(), target: target)
        if let apply, let output { return try write(advice, applying: apply, to: output) }
        let report = AdviceReport(advice, path: options.model)
        var stream = StandardOutput()
        switch format {
        case .text: AdviceTextReporter(style: options.style).write(report, to: &stream)
        case .json: AdviceJSONReporter().write(report, to: &stream)
        case .markdown: AdviceMarkdownReporter().write(report, to: &stream)
        }
    }

    /// The model with one suggestion applied, only the lines involved changed.
    private func write(_ advice: Advice, applying rank: Int, to output: String) throws {
        guard advice.suggestions.indices.contains(rank - 1), let root = advice.analysis.model.files.first else {
            throw CommandFailure("there is no suggestion \(rank): advise found \(advice.suggestions.count)")
        }
        let suggestion = advice.suggestions[rank - 1]
        let text = ModelEditor(file: root).apply(suggestion.edits)
        try OutputFile.write(Data(text.utf8), to: output, inputs: advice.analysis.model.files.map(\.path))
        let said = "wrote \(output): suggestion \(rank) applied; `cuiscope diff \(options.model) \(output)` shows its effect\n"
        if output == "-" || output == "/dev/stdout" { Terminal.writeError(said) } else { Terminal.write(said) }
    }
}
