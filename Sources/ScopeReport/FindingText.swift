import ScopeAnalysis

/// One finding as `check` prints it, compiler style: location, severity, message and rule, then its
/// evidence, remedy and citations. Shared by `check` and `diff`.
struct FindingText {
    let style: TextStyle
    let explainer: Explainer

    func write(_ finding: Finding, to output: inout some TextOutputStream) {
        // Piece by piece: joining the pieces with `+` first made a string for every join.
        for piece in [style.bold("\(finding.location):"), " ", style.severity(finding.severity), " ", style.bold(style.literal(finding.message)),
                      " ", style.dim("[\(finding.rule)]"), "\n"] {
            output.write(piece)
        }
        for reason in finding.evidence {
            for piece in ["  ", style.dim("evidence:"), " ", style.literal(explainer.text(reason)), "\n"] { output.write(piece) }
        }
        let cites = (finding.requirements.citations + [finding.basis]).joined(separator: "; ")
        for piece in ["  ", style.dim("remedy:"), " ", finding.remedy, "\n", "  ", style.dim("cites:"), " ", cites, "\n\n"] {
            output.write(piece)
        }
    }
}
