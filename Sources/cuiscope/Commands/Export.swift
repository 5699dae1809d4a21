import ArgumentParser
import Foundation
import ScopeModel
import ScopeRender
import ScopeReport

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the asset inventory, the providers or the POA&M as CSV, or the SSP as OSCAL, for the assessment.",
        discussion: """
        CSV per RFC 4180 (CRLF, quoted fields); a cell that a spreadsheet would run as a formula starts with '. \
        oscal writes an OSCAL 1.1.2 System Security Plan (JSON) with the diagrams as back-matter.
        """
    )

    enum Document: String, ExpressibleByArgument, CaseIterable { case inventory, providers, poam, oscal }

    @Argument(help: "What to write: \(Document.allCases.map(\.rawValue).joined(separator: ", ")).")
    var document: Document

    @OptionGroup var options: AnalysisOptions

    @Option(name: .shortAndLong, help: "The file to write, or - for standard output.")
    var output: String

    @Option(help: "The OSCAL SSP's last-modified date, YYYY-MM-DD or an RFC 3339 date-time (default: the date of the last commit that changed the model, else 1970-01-01).")
    var lastModified: String?

    @Option(help: "The href of the profile the OSCAL SSP imports, such as trestle://profiles/cmmc/profile.json (default: a back-matter resource naming NIST SP 800-171 r2).")
    var profile: String?

    func validate() throws {
        if profile != nil, document != .oscal { throw ValidationError("--profile is the OSCAL SSP's import; use it with `export oscal`") }
        if lastModified != nil, document != .oscal { throw ValidationError("--last-modified dates the OSCAL SSP; use it with `export oscal`") }
        if let lastModified, Export.dateTime(lastModified) == nil {
            throw ValidationError("--last-modified \(lastModified) is not a date: write YYYY-MM-DD or an RFC 3339 date-time such as 2026-12-03T09:00:00Z")
        }
    }

    func run() throws {
        let report = ModelReport(try options.analyze(), path: options.model)
        switch document {
        case .inventory: try emit(InventoryCSVReporter(), report)
        case .providers: try emit(ProvidersCSVReporter(), report)
        case .poam: try emit(POAMCSVReporter(), report)
        case .oscal:
            let figures = try Report.figures(report.analysis, renderer: Renderer(), linked: false)
            try emit(OSCALSSPReporter(), OSCALReport(AssessmentReport(report, diagrams: figures), lastModified: lastModifiedDate(), profile: profile), report)
        }
    }

    /// As given, else the date of the last commit that changed the model: never the clock, so the same model
    /// gives the same bytes.
    private func lastModifiedDate() -> String {
        let git = options.model == "-" ? nil : (try? GitRepository(containing: options.model))?.lastChange(of: options.model)
        return (lastModified ?? git).flatMap(Export.dateTime) ?? "1970-01-01T00:00:00Z"
    }

    /// `2026-12-03` as `2026-12-03T00:00:00Z`; an RFC 3339 date-time with its offset as it is; nil otherwise.
    static func dateTime(_ text: String) -> String? {
        let date = #/\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/#
        if text.wholeMatch(of: date) != nil { return text + "T00:00:00Z" }
        let time = #/\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)/#
        return text.wholeMatch(of: time) != nil ? text : nil
    }

    /// Streams to standard output, or to the file written atomically (never over the model).
    private func emit<R: Reporter>(_ reporter: R, _ report: ModelReport) throws where R.Input == ModelReport {
        try emit(reporter, report, report)
    }

    private func emit<R: Reporter>(_ reporter: R, _ input: R.Input, _ report: ModelReport) throws {
        try OutputFile.write(to: output, inputs: report.analysis.model.files.map(\.path)) { reporter.write(input, to: &$0) }
    }
}
