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

    @Option(help: "Analyze both at this CMMC level (1, 2 or 3) instead of each model's.")
    var level: Int?

    @Option(help: "Also write the boundary diagram of HEAD with the changes marked (svg, png, pdf or dot).")
    var diagram: String?

    @Flag(help: "Never color the output (also: NO_COLOR).")
    var noColor = false

    func validate() throws {
        if git != nil, models.count != 1 { throw ValidationError("with --git, name exactly one model") }
        if git == nil, models.count != 2 { throw ValidationError("name two models, BASE and HEAD (or one with --git REV)") }
        if let level, !(1...3).contains(level) { throw ValidationError("--level must be 1, 2 or 3") }
        if let diagram, OutputFormat(path: diagram) == nil { throw ValidationError("--diagram must name a .svg, .png, .pdf or .dot file") }
    }

    func run() throws {
        let headPath = models.last!
        let basePath: String
        let baseLoader: any SourceLoader
        if let git {
            do {
                let loader = try GitRevisionLoader(revision: git, near: headPath)
                baseLoader = loader
                basePath = "\(git):\(try loader.repository.relativePath(of: headPath))"
            } catch {
                throw CommandFailure("diff --git: \(error)")
            }
        } else {
            baseLoader = FileSystemLoader()
            basePath = models[0]
        }
        let (base, head) = try loadBoth(base: (basePath, baseLoader, git != nil ? headPath : basePath), head: headPath)
        let diff = ScopeDiff(base: base, head: head)
        switch format {
        case .text: Terminal.write(DiffTextReporter(style: TextStyle(colored: Terminal.colorEnabled(noColorFlag: noColor)))
            .render(diff, base: basePath, head: headPath))
        case .json: Terminal.write(DiffJSONReporter().render(diff, base: basePath, head: headPath))
        case .markdown: Terminal.write(DiffMarkdownReporter().render(diff, base: basePath, head: headPath))
        case .sarif: Terminal.write(SARIFReporter(artifactURI: RepositoryURI.mapper()).render(diff.newFindings))
        }
        if let diagram { try writeDiagram(diff, to: diagram) }
        if failOn.fails(diff.newFindings) || (failOnScopeGrowth && !diff.entering.isEmpty) { throw ExitStatus.findings.exitCode }
    }

    /// Loads and analyzes both sides at once, one per core: a diff costs about one `check`, not two.
    private func loadBoth(base: (shown: String, loader: any SourceLoader, path: String), head: String) throws -> (Analysis, Analysis) {
        let level = self.level
        let fromGit = git != nil
        // A model that did not exist at the revision (a new one) is compared with an empty one.
        let sides: [(loader: any SourceLoader, path: String, missingIsEmpty: Bool)] = [
            (base.loader, base.path, fromGit), (FileSystemLoader(), head, false),
        ]
        let results = ResultSlots(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let side = sides[index]
            results.set(index, Result {
                var loaded: ModelLoader.Result
                do {
                    loaded = try ModelLoader(loader: side.loader).load(path: side.path)
                } catch where side.missingIsEmpty {
                    loaded = ModelLoader.Result(model: Model(), diagnostics: [], files: [])
                }
                return (loaded, loaded.model.map { Analysis(model: $0, level: level) })
            })
        }
        let baseResult = results.get(0), headResult = results.get(1)
        let baseSide: (ModelLoader.Result, Analysis?), headSide: (ModelLoader.Result, Analysis?)
        switch (baseResult, headResult) {
        case (.failure(let error), _): throw CommandFailure("cannot read \(base.shown): \(error)")
        case (_, .failure(let error)): throw CommandFailure("cannot read \(head): \(error)")
        case (.success(let b), .success(let h)): (baseSide, headSide) = (b, h)
        }
        Terminal.report(baseSide.0.diagnostics + headSide.0.diagnostics, noColor: noColor)
        let analysisErrors = (baseSide.1?.diagnostics ?? []) + (headSide.1?.diagnostics ?? [])
        Terminal.report(analysisErrors, noColor: noColor)
        guard let baseAnalysis = baseSide.1, let headAnalysis = headSide.1,
              !analysisErrors.contains(where: { $0.severity == .error }) else { throw ExitStatus.modelErrors.exitCode }
        return (baseAnalysis, headAnalysis)
    }

    private func writeDiagram(_ diff: ScopeDiff, to path: String) throws {
        do {
            let built = try DiagramBuilder.build(diff.head, options: DiagramOptions(changes: DiagramChanges(diff)))
            try AtomicFile.write(try Renderer().render(built, as: OutputFormat(path: path)!), to: path)
        } catch let error as GraphvizError {
            throw CommandFailure(error.description)
        }
    }
}

/// Results written by concurrent jobs, one slot each.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<(ModelLoader.Result, Analysis?), Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<(ModelLoader.Result, Analysis?), Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func get(_ index: Int) -> Result<(ModelLoader.Result, Analysis?), Error> {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]!
    }
}
