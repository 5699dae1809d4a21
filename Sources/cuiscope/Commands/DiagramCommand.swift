import ArgumentParser
import Foundation
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
    var format: String?

    @Option(help: "boundary, dataflow or network.")
    var view: String = DiagramView.boundary.rawValue

    @Option(help: "Draw only the neighbourhood of this element.")
    var focus: String?

    @Option(help: "How many relations deep --focus reaches.")
    var depth = 1

    @Option(help: "Keep this zone expanded when large models collapse zones (repeatable).")
    var expand: [String] = []

    @Option(help: "Collapse each top-level zone into one node past this many assets.")
    var collapseAbove = 250

    @Option(help: "dot, fdp or sfdp (default: dot, sfdp for large graphs).")
    var layout: String?

    @Option(help: "Stop a layout that takes longer than this many seconds.")
    var layoutTimeout = 60

    func validate() throws {
        guard DiagramView(rawValue: view) != nil else { throw ValidationError("--view must be boundary, dataflow or network") }
        if let layout, LayoutEngine(rawValue: layout) == nil { throw ValidationError("--layout must be dot, fdp or sfdp") }
        if let format, OutputFormat(rawValue: format) == nil { throw ValidationError("--format must be svg, png, pdf or dot") }
        if format == nil, OutputFormat(path: output) == nil {
            throw ValidationError("cannot tell the format from \(output); name a .svg, .png, .pdf or .dot file, or pass --format")
        }
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if layoutTimeout < 1 { throw ValidationError("--layout-timeout must be at least 1 second") }
    }

    func run() throws {
        let analysis = try options.analyze()
        let diagramOptions = DiagramOptions(view: DiagramView(rawValue: view)!, focus: focus, depth: depth, expand: Set(expand),
                                            collapseAbove: collapseAbove)
        let diagram: Diagram
        do {
            diagram = try DiagramBuilder.build(analysis, options: diagramOptions)
        } catch let error as DiagramError {
            throw CommandFailure(error.description)
        }
        let renderer = Renderer(engine: layout.flatMap(LayoutEngine.init(rawValue:)), timeout: .seconds(layoutTimeout))
        let data: Data
        do {
            data = try renderer.render(diagram, as: format.flatMap(OutputFormat.init(rawValue:)) ?? OutputFormat(path: output)!)
        } catch let error as GraphvizError {
            throw CommandFailure(error.description)
        }
        try AtomicFile.write(data, to: output)
    }
}
