import ArgumentParser
import Foundation
import ScopeAnalysis
import ScopeModel
import ScopeRender
import ScopeReport

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What a design change does to scope and findings.",
        discussion: """
        `cuiscope diff BASE HEAD` compares two model files; `cuiscope diff --git REV MODEL` compares MODEL (and \
        what it includes) with the same files at git revision REV. Exit 1 when the change introduces findings at \
        or above --fail-on, or grows the boundary with --fail-on-scope-growth.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, sarif }

    @Argument(help: "BASE HEAD, or MODEL with --git.")
    var models: [String]

    @Option(help: "Compare MODEL with this git revision.")
    var git: String?

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Option(help: "Exit 1 when the change introduces findings at or above: error, warning, never.")
    var failOn: FailOn = .error

    @Flag(help: "Also exit 1 when assets enter the boundary.")
    var failOnScopeGrowth = false

    @OptionGroup var level: LevelOption

    @OptionGroup var includes: IncludeRootOption

    @Option(help: "Also write the boundary diagram of HEAD with the changes marked (svg, png, pdf or dot).")
    var diagram: String?

    @OptionGroup var color: ColorOption

    func validate() throws {
        if git != nil, models.count != 1 { throw ValidationError("with --git, name exactly one model") }
        if git == nil, models.count != 2 { throw ValidationError("name two models, BASE and HEAD (or one with --git REV)") }
        if git != nil, models.contains("-") { throw ValidationError("with --git, name the model's file: git reads it at the revision") }
        if models.count(where: { $0 == "-" }) > 1 { throw ValidationError("standard input (-) can be only one of the two models") }
        if let diagram, OutputFormat(path: diagram) == nil { throw ValidationError("--diagram must name a .svg, .png, .pdf or .dot file") }
    }

    func run() throws {
        guard let headPath = models.last else { throw CommandFailure("name the model to compare") }
        let base: ModelPair.Side
        let basePath: String
        if let git {
            do {
                let loader = try GitRevisionLoader(revision: git, near: headPath)
                base = ModelPair.Side(loader: loader, root: .path(headPath), missingIsEmpty: true, includeRoot: includes.includeRoot)
                basePath = "\(git):\(try loader.repository.relativePath(of: headPath))"
            } catch {
                throw CommandFailure("diff --git: \(error)")
            }
        } else {
            base = try side(models[0])
            basePath = models[0]
        }
        let loaded = ModelPair.load(base: base, head: try side(headPath), level: level.level)
        let (baseModel, headModel) = (try readable(loaded.base, shown: basePath), try readable(loaded.head, shown: headPath))
        Terminal.report(baseModel.loading.diagnostics + headModel.loading.diagnostics, noColor: color.noColor)
        let analysisDiagnostics = (baseModel.analysis?.diagnostics ?? []) + (headModel.analysis?.diagnostics ?? [])
        Terminal.report(analysisDiagnostics, noColor: color.noColor)
        guard let baseAnalysis = baseModel.analysis, let headAnalysis = headModel.analysis,
              !analysisDiagnostics.contains(where: { $0.severity == .error }) else {
            throw ModelInput.failure(baseModel.loading.diagnostics + headModel.loading.diagnostics + analysisDiagnostics, path: headPath,
                                     format: MachineFormat(rawValue: format.rawValue))
        }
        let diff = ScopeDiff(base: baseAnalysis, head: headAnalysis)
        if let diagram { try writeDiagram(diff, to: diagram) }
        let report = DiffReport(diff, base: basePath, head: headPath)
        var output = StandardOutput()
        switch format {
        case .text: DiffTextReporter(style: color.style).write(report, to: &output)
        case .json: DiffJSONReporter().write(report, to: &output)
        case .markdown: DiffMarkdownReporter().write(report, to: &output)
        case .sarif:
            SARIFReporter(artifactURI: RepositoryURI.mapper()).write(.init(model: diff.head.model, findings: diff.newFindings), to: &output)
        }
        if failOn.fails(diff.newFindings) || (failOnScopeGrowth && !diff.entering.isEmpty) { throw ExitStatus.findings.exitCode }
    }

    /// A model file, or standard input for `-`, read as every command reads its model.
    private func side(_ path: String) throws -> ModelPair.Side {
        ModelPair.Side(loader: FileSystemLoader(), root: .file(try ModelInput.source(path)), includeRoot: includes.includeRoot)
    }

    private func readable(_ side: Result<LoadedModel, Error>, shown: String) throws -> LoadedModel {
        do {
            return try side.get()
        } catch {
            throw CommandFailure("cannot read \(shown): \(error)")
        }
    }

    private func writeDiagram(_ diff: ScopeDiff, to path: String) throws {
        guard let format = OutputFormat(path: path) else { throw CommandFailure("cannot tell the format from \(path)") }
        do {
            let built = try DiagramBuilder.build(diff.head, options: DiagramOptions(changes: DiagramChanges(diff)))
            try OutputFile.write(try Renderer().render(built, as: format), to: path,
                                 inputs: (diff.base.model.files + diff.head.model.files).map(\.path))
        } catch let error as GraphvizError {
            throw CommandFailure(error.description)
        } catch let error as DiagramError {
            throw CommandFailure(error.description)
        }
    }
}
