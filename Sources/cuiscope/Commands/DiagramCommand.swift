import ArgumentParser
import Foundation
import ScopeModel
import ScopeRender

struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Render a boundary, data-flow or network diagram through libgraphviz.",
        discussion: "The format comes from the output file's extension (svg, png, pdf, dot) or --format."
    )

    @OptionGroup var options: AnalysisOptions

    @Option(name: .shortAndLong, help: "The file to write.")
    var output: String

    @Option(help: "svg, png, pdf or dot (default: from the output file's extension).")
    var format: OutputFormat?

    @Option(help: "boundary, dataflow or network.")
    var view: DiagramView = .boundary

    @Option(help: "Draw only the neighbourhood of this element.")
    var focus: String?

    @Option(help: "How many relations deep --focus reaches.")
    var depth = 1

    @Option(help: "Keep this zone expanded when large models collapse zones (repeatable).")
    var expand: [String] = []

    @Option(help: "Collapse each top-level zone into one node past this many assets.")
    var collapseAbove = 250

    @Option(help: "Past this many nodes, fold collapsed zones and loose assets into one node per category.")
    var maxNodes = 120

    @Option(help: "dot, fdp or sfdp (default: dot, sfdp for large graphs).")
    var layout: LayoutEngine?

    @Option(help: "Stop a layout that takes longer than this many seconds.")
    var layoutTimeout = 60

    @Option(help: "Findings on the figure: none (a clean SSP figure), marks (numbered badges and a key) or labels (rule ids).")
    var findings: FindingMarks = .labels

    @Option(help: "Fit the drawing to this paper: letter, legal, tabloid, a4 or a3.")
    var page: PaperSize?

    @Flag(help: "Turn the --page paper to landscape.")
    var landscape = false

    @Option(help: "The revision a --page figure's title block names (default: git describe, when the model is in a git repository).")
    var revision: String?

    @Option(help: "The date the title block names (default: the revision's commit date).")
    var date: String?

    func validate() throws {
        if format == nil, OutputFormat(path: output) == nil {
            throw ValidationError("cannot tell the format from \(output); name a .svg, .png, .pdf or .dot file, or pass --format")
        }
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if maxNodes < 1 { throw ValidationError("--max-nodes must be at least 1") }
        if layoutTimeout < 1 { throw ValidationError("--layout-timeout must be at least 1 second") }
        if landscape, page == nil { throw ValidationError("--landscape turns a --page; name the paper too, such as --page letter") }
        if revision != nil || date != nil, page == nil {
            throw ValidationError("--revision and --date go in the title block of a --page figure; name the paper too, such as --page letter")
        }
    }

    func run() throws {
        guard let format = format ?? OutputFormat(path: output) else { throw CommandFailure("cannot tell the format from \(output)") }
        let analysis = try options.analyze()
        let diagramOptions = DiagramOptions(view: view, focus: focus, depth: depth, expand: Set(expand), collapseAbove: collapseAbove,
                                            maximumNodes: maxNodes,
                                            findings: findings, page: page.map { Page(paper: $0, landscape: landscape) },
                                            title: page == nil ? nil : titleBlock())
        let diagram: Diagram
        do {
            diagram = try DiagramBuilder.build(analysis, options: diagramOptions)
        } catch let error as DiagramError {
            throw CommandFailure(error.description)
        }
        let data: Data
        do {
            data = try Renderer(engine: layout, timeout: .seconds(layoutTimeout)).render(diagram, as: format)
        } catch let error as GraphvizError {
            throw CommandFailure(error.description)
        }
        try OutputFile.write(data, to: output, inputs: analysis.model.files.map(\.path))
        // Said on stderr when the diagram itself went to standard output.
        let said = "wrote \(output) (\(view.rawValue) view, \(format.rawValue), \(diagram.nodeCount) nodes)\n"
        if output == "-" || output == "/dev/stdout" { Terminal.writeError(said) } else { Terminal.write(said) }
    }

    /// The model, and its revision and date: as given, else from git when the model is in a repository.
    private func titleBlock() -> TitleBlock {
        // A given revision names no commit to take a date from, so git is asked only when none is given.
        let git = revision != nil || options.model == "-" ? nil : (try? GitRepository(containing: options.model))?.revision()
        return TitleBlock(model: options.model, revision: revision ?? git?.name, date: date ?? git?.date)
    }
}

extension FindingMarks: ExpressibleByArgument {}
extension PaperSize: ExpressibleByArgument {}
