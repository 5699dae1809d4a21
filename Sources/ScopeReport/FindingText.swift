import ScopeAnalysis

/// One finding as `check` prints it, compiler style: location, severity, message and rule, then its
/// evidence, remedy and citations. Shared by `check` and `diff`.
struct FindingText {
    let style: TextStyle
    let explainer: Explainer
    /// The `cites:` lines of the findings to be written.
    let cites: CitesLines

    init(style: TextStyle, explainer: Explainer, findings: some Sequence<Finding>) {
        self.style = style
        self.explainer = explainer
        cites = CitesLines(findings)
    }

    func write(_ finding: Finding, to output: inout some TextOutputStream) {
        // Piece by piece: joining the pieces with `+`, or listing them in an array, made a string or an
        // array for every finding.
        output.write(style.bold("\(finding.location):"))
        output.write(" ")
        output.write(style.severity(finding.severity))
        output.write(" ")
        output.write(style.bold(style.literal(finding.message)))
        output.write(" ")
        output.write(style.dim("[\(finding.rule)]"))
        output.write("\n")
        for reason in finding.evidence {
            output.write("  ")
            output.write(style.dim("evidence:"))
            output.write(" ")
            output.write(style.literal(explainer.text(reason)))
            output.write("\n")
        }
        output.write("  ")
        output.write(style.dim("remedy:"))
        output.write(" ")
        output.write(finding.remedy)
        output.write("\n  ")
        output.write(style.dim("cites:"))
        output.write(" ")
        output.write(cites.line(of: finding))
        output.write("\n\n")
    }
}

/// The text after `cites:` for each distinct pair of requirements and basis among some findings, built once:
/// a rule's findings cite the same few requirements, and building the text for each finding was a quarter
/// of rendering it.
struct CitesLines: Sendable {
    private struct Entry: Sendable {
        let requirements: [Requirement]
        let basis: String
        let text: String
    }

    /// By rule id: a rule's findings cite a few lists at most.
    private var entries: [String: [Entry]] = [:]

    init(_ findings: some Sequence<Finding>) {
        for finding in findings where entry(of: finding) == nil {
            entries[finding.rule, default: []].append(Entry(requirements: finding.requirements, basis: finding.basis,
                                                            text: CitesLines.text(of: finding)))
        }
    }

    /// `AC.L2-3.1.20 (1 point, not POA&M-eligible); 32 CFR 170.19(c)(1)`.
    func line(of finding: Finding) -> String { entry(of: finding)?.text ?? CitesLines.text(of: finding) }

    private func entry(of finding: Finding) -> Entry? {
        entries[finding.rule]?.first { $0.requirements == finding.requirements && $0.basis == finding.basis }
    }

    private static func text(of finding: Finding) -> String {
        (finding.requirements.citations + [finding.basis]).joined(separator: "; ")
    }
}
