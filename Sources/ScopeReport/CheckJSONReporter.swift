import ScopeAnalysis

/// `cuiscope check --format json`: the summary and every finding.
public struct CheckJSONReporter: Reporter {
    public init() {}

    public func write(_ report: ModelReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis
        let explainer = Explainer(model: analysis.model)
        JSON.write(.object([
            "model": .value(report.path),
            "level": .value(analysis.level),
            "summary": .value(SummaryJSON(summary: analysis.summary, level: analysis.level)),
            "findings": .elements(analysis.findings) { FindingJSON(finding: $0, explainer: explainer) },
            // The model's warnings (a suppression that matches nothing), with their codes.
            "diagnostics": .elements(analysis.diagnostics) { DiagnosticJSON(diagnostic: $0) },
        ]), to: &output)
    }
}
