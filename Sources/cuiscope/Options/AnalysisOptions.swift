import ArgumentParser
import ScopeAnalysis
import ScopeReport

/// What every command that analyzes one model takes: the model, `--level` and `--no-color`.
struct AnalysisOptions: ParsableArguments {
    @Argument(help: "The model file (*.scope), or - for standard input.")
    var model: String

    @OptionGroup var level: LevelOption

    @OptionGroup var includes: IncludeRootOption

    @OptionGroup var color: ColorOption

    var style: TextStyle { color.style }

    /// Loads and analyzes the model; model errors exit 2, also written to stdout in `errorsAs` when given.
    func analyze(errorsAs format: MachineFormat? = nil) throws -> Analysis {
        let loaded = try ModelInput.load(model, includeRoot: includes.includeRoot, noColor: color.noColor, errorsAs: format)
        let analysis = Analysis(model: loaded, level: level.level)
        Terminal.report(analysis.diagnostics, noColor: color.noColor)
        if analysis.diagnostics.contains(where: { $0.severity == .error }) {
            throw ModelInput.failure(analysis.diagnostics, path: model, format: format)
        }
        ProcessLifetime.keep(analysis)
        return analysis
    }
}
