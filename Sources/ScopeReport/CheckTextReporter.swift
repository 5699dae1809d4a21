import ScopeAnalysis

/// `cuiscope check`: findings grouped by severity, compiler style, then the suppressed ones and the scope summary.
public struct CheckTextReporter: Reporter {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func write(_ report: ModelReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis
        let explainer = Explainer(model: analysis.model)
        // The findings are in report order already: errors, then warnings, then infos. By index: a filtered
        // copy of the findings cost a copy and a release of each.
        let findings = analysis.findings
        let active = findings.indices.filter { !findings[$0].isSuppressed }
        let findingText = FindingText(style: style, explainer: explainer, findings: active.lazy.map { findings[$0] })
        TextBatches.write(count: active.count, to: &output) { index, text in findingText.write(findings[active[index]], to: &text) }
        let suppressed = analysis.findings.compactMap { finding in finding.suppression.map { (finding, $0) } }
        if !suppressed.isEmpty {
            output.write(style.bold("suppressed (\(suppressed.count))") + "\n")
            for (finding, suppression) in suppressed {
                output.write("  \(finding.location): [\(finding.rule)] \(explainer.text(finding.subject)): \(style.literal(suppression.reason))\n")
            }
            output.write("\n")
        }
        ScopeSummaryText(style: style).write(report, to: &output)
    }
}
