import ScopeAnalysis

/// `cuiscope check --format json`: the summary and every finding.
public struct CheckJSONReporter: Reporter {
    public init() {}

    public func write(_ report: ModelReport, to output: inout some TextOutputStream) {
        JSON.write(Document(report), to: &output)
    }

    struct Document: Encodable {
        let model: String
        let level: Int
        let summary: SummaryJSON
        let findings: [FindingJSON]
        /// The model's warnings (a suppression that matches nothing), with their codes.
        let diagnostics: [DiagnosticJSON]

        init(_ report: ModelReport) {
            let explainer = Explainer(model: report.analysis.model)
            model = report.path
            level = report.analysis.level
            summary = SummaryJSON(summary: report.analysis.summary, level: report.analysis.level)
            findings = report.analysis.findings.map { FindingJSON(finding: $0, explainer: explainer) }
            diagnostics = report.analysis.diagnostics.map(DiagnosticJSON.init)
        }
    }
}
