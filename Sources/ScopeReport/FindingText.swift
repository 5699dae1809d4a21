import ScopeAnalysis

/// One finding as `check` prints it, compiler style: location, severity, message and rule, then its
/// evidence, remedy and citations. Shared by `check` and `diff`.
struct FindingText {
    let style: TextStyle
    let explainer: Explainer

    func write(_ finding: Finding, to output: inout some TextOutputStream) {
        output.write(style.bold("\(finding.location):") + " " + style.severity(finding.severity) + " " + style.bold(style.literal(finding.message))
            + " " + style.dim("[\(finding.rule)]") + "\n")
        for reason in finding.evidence { output.write("  " + style.dim("evidence:") + " " + style.literal(explainer.text(reason)) + "\n") }
        output.write("  " + style.dim("remedy:") + " " + finding.remedy + "\n")
        let cites = finding.requirements.citations + [finding.basis]
        output.write("  " + style.dim("cites:") + " " + cites.joined(separator: "; ") + "\n\n")
    }
}
