import ArgumentParser
import Foundation
import ScopeReport

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the asset inventory, the providers or the POA&M as CSV, for the assessment.",
        discussion: "CSV per RFC 4180 (CRLF, quoted fields); a cell that a spreadsheet would run as a formula starts with '."
    )

    enum Document: String, ExpressibleByArgument, CaseIterable { case inventory, providers, poam }

    @Argument(help: "What to write: \(Document.allCases.map(\.rawValue).joined(separator: ", ")).")
    var document: Document

    @OptionGroup var options: AnalysisOptions

    @Option(name: .shortAndLong, help: "The file to write, or - for standard output.")
    var output: String

    func run() throws {
        let report = ModelReport(try options.analyze(), path: options.model)
        switch document {
        case .inventory: try emit(InventoryCSVReporter(), report)
        case .providers: try emit(ProvidersCSVReporter(), report)
        case .poam: try emit(POAMCSVReporter(), report)
        }
    }

    /// Streams to standard output, or writes the file atomically (never over the model).
    private func emit<R: Reporter>(_ reporter: R, _ report: ModelReport) throws where R.Input == ModelReport {
        if output == "-" {
            var stream = StandardOutput()
            reporter.write(report, to: &stream)
        } else {
            try OutputFile.write(Data(reporter.render(report).utf8), to: output, inputs: report.analysis.model.files.map(\.path))
        }
    }
}
