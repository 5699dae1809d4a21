import ArgumentParser
import Foundation
import ScopeAnalysis
import ScopeRender
import ScopeReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One self-contained report for the assessment: summary, diagrams, inventory, providers, findings, requirements.",
        discussion: "HTML (inline CSS and SVG, no script, no network request; prints to PDF with page breaks per section) or Markdown for an SSP."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, markdown }

    @OptionGroup var options: AnalysisOptions

    @Option(name: .shortAndLong, help: "The file to write, or - for standard output.")
    var output: String

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")) (default: from the extension, .md for markdown).")
    var format: Format?

    @Option(help: "Stop a diagram layout that takes longer than this many seconds.")
    var layoutTimeout = 60

    func validate() throws {
        if layoutTimeout < 1 { throw ValidationError("--layout-timeout must be at least 1 second") }
    }

    func run() throws {
        let format = format ?? (output.hasSuffix(".md") || output.hasSuffix(".markdown") ? .markdown : .html)
        let analysis = try options.analyze()
        let model = ModelReport(analysis, path: options.model)
        let report = AssessmentReport(model, diagrams: format == .html ? try Report.figures(analysis, renderer: Renderer(timeout: .seconds(layoutTimeout)), linked: true) : Report.titles.map {
            AssessmentReport.Figure(view: $0.view.rawValue, title: $0.title, svg: "")
        })
        try OutputFile.write(to: output, inputs: analysis.model.files.map(\.path)) { stream in
            switch format {
            case .html: HTMLReportReporter().write(report, to: &stream)
            case .markdown: MarkdownReportReporter().write(report, to: &stream)
            }
        }
    }

    static let titles: [(view: DiagramView, title: String)] = [
        (.boundary, "Assessment boundary: assets by category, and the providers"),
        (.dataflow, "Data flow: where CUI goes, and what carries it"),
        (.network, "Network: zones, links and the devices between them"),
    ]

    /// Each view drawn as SVG with the diagram command's defaults; `linked` (for the HTML page), its ids
    /// prefixed by the view and its nodes linked to the inventory rows.
    static func figures(_ analysis: Analysis, renderer: Renderer, linked: Bool) throws -> [AssessmentReport.Figure] {
        return try Report.titles.map { view, title in
            do {
                let drawn = try DiagramBuilder.build(analysis, options: DiagramOptions(view: view))
                let diagram = linked ? drawn.embedded(prefix: view.rawValue + "-") : drawn
                let svg = try renderer.render(diagram, as: .svg)
                return AssessmentReport.Figure(view: view.rawValue, title: title, svg: String(decoding: svg, as: UTF8.self))
            } catch let error as DiagramError {
                throw CommandFailure(error.description)
            } catch let error as GraphvizError {
                throw CommandFailure(error.description)
            }
        }
    }
}
