import Foundation
import ScopeAnalysis
import ScopeModel

/// `cuiscope check`: findings grouped by severity, compiler style, then the scope summary.
public struct CheckTextReporter: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func render(_ analysis: Analysis, path: String) -> String {
        var out = ""
        let active = analysis.findings.filter { !$0.isSuppressed }
        for severity in Severity.allCases {
            for finding in active where finding.severity == severity { out += render(finding) }
        }
        let suppressed = analysis.findings.filter(\.isSuppressed)
        if !suppressed.isEmpty {
            out += style.bold("suppressed (\(suppressed.count))") + "\n"
            for finding in suppressed {
                out += "  \(finding.location): [\(finding.rule)] \(finding.subject): \(finding.suppression!.reason)\n"
            }
            out += "\n"
        }
        out += ScopeSummaryText(style: style).render(analysis, path: path)
        return out
    }

    func render(_ finding: Finding) -> String {
        var out = style.bold("\(finding.location):") + " " + style.severity(finding.severity) + " " + style.bold(finding.message)
            + " " + style.dim("[\(finding.rule)]") + "\n"
        for line in finding.evidence { out += "  " + style.dim("evidence:") + " " + line + "\n" }
        out += "  " + style.dim("remedy:") + " " + finding.remedy + "\n"
        let cites = finding.requirements.map(\.citation) + [finding.basis]
        out += "  " + style.dim("cites:") + " " + cites.joined(separator: "; ") + "\n\n"
        return out
    }
}

/// The summary that closes `check`: assets per category, providers in scope, finding counts, SPRS exposure.
struct ScopeSummaryText {
    let style: TextStyle

    func render(_ analysis: Analysis, path: String) -> String {
        let model = analysis.model
        let summary = analysis.summary
        var out = style.bold("Scope of \(path)") + " (CMMC level \(analysis.level)"
            + (analysis.level == 1 ? ")" : ", \(model.organization.effectiveAssessment.rawValue) assessment)") + "\n"
        var table = Table(header: ["category", "assets", "ids"])
        for category in AssetCategory.allCases where (summary.categories[category] ?? 0) > 0 {
            let ids = model.assets.indices.filter { analysis.assetCategories[$0] == category }.map { model.assets[$0].id }
            let shown = ids.count > 8 ? ids.prefix(8).joined(separator: ", ") + ", …" : ids.joined(separator: ", ")
            table.rows.append([category.title, String(ids.count), shown])
        }
        out += table.render(style: style)
        let providers = model.providers.indices.filter { analysis.providerRoles[$0] != .notESP }.map {
            "\(model.providers[$0].id) (\(analysis.providerRoles[$0].rawValue))"
        }
        if !providers.isEmpty { out += "providers: " + providers.joined(separator: ", ") + "\n" }
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        out += count(summary.errors, "error") + ", " + count(summary.warnings, "warning") + ", "
            + count(summary.infos, "info") + "; SPRS exposure \(summary.sprsExposure) points\n"
        return out
    }
}

/// `cuiscope check --format json`.
public struct CheckJSONReporter: Sendable {
    public init() {}
    public func render(_ analysis: Analysis, path: String) -> String { JSON.encode(CheckJSON(analysis, path: path)) }
}

/// `cuiscope scope --format json`.
public struct ScopeJSONReporter: Sendable {
    public init() {}
    public func render(_ analysis: Analysis, path: String) -> String { JSON.encode(ScopeJSON(analysis, path: path)) }
}
