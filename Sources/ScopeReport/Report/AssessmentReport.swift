import ScopeAnalysis
import ScopeModel

/// What `cuiscope report` reads: the model's analysis and its diagrams, already rendered to SVG.
public struct AssessmentReport: Sendable {
    public let model: ModelReport
    public let diagrams: [Figure]

    /// One diagram of the report: its view's name and title, and the SVG Graphviz drew.
    public struct Figure: Sendable {
        public let view: String
        public let title: String
        public let svg: String

        public init(view: String, title: String, svg: String) {
            self.view = view
            self.title = title
            self.svg = svg
        }
    }

    public init(_ model: ModelReport, diagrams: [Figure] = []) {
        self.model = model
        self.diagrams = diagrams
    }
}

/// The report's content as the templates read it: plain values, never escaped here. The template's
/// content type escapes each one for HTML or Markdown, so no model string can reach the page as markup.
/// The long lists are rows made one at a time, as the page is written (`StreamedTemplate`).
enum ReportContent {
    /// The page's own values, and its long lists by name.
    static func page(_ report: AssessmentReport) -> StreamedTemplate.Page {
        let analysis = report.model.analysis, model = analysis.model
        let explainer = Explainer(model: model)
        let summary = analysis.summary
        let atRisk = analysis.requirementsAtRisk
        let categories = summary.populatedCategories
        let open = analysis.findings.indices.filter { !analysis.findings[$0].isSuppressed }
        let suppressed = analysis.findings.indices.filter { analysis.findings[$0].isSuppressed }
        var context: [String: Any] = [
            "model": report.model.path,
            "level": analysis.level,
            "assessment": model.organization.assessment(at: analysis.level).rawValue,
            "version": CuiscopeVersion.current,
            "open": [count(summary.errors, "error"), count(summary.warnings, "warning"), count(summary.infos, "info")].joined(separator: ", "),
            "exposure": summary.sprsExposure, "score": summary.sprsScore,
            "conditionalMinimum": NIST800171.conditionalMinimum,
            "belowConditional": summary.sprsScore < NIST800171.conditionalMinimum,
            "categories": categories.map(heading),
            "diagrams": report.diagrams.map { ["view": $0.view, "title": $0.title, "svg": inlineSVG($0.svg)] },
            "hasDiagrams": !report.diagrams.isEmpty,
            "hasProviders": !model.providers.isEmpty,
            "hasFindings": !open.isEmpty,
            "hasSuppressions": !suppressed.isEmpty,
            "hasAtRisk": !atRisk.isEmpty,
            "catalog": NIST800171.all.map { entry -> [String: Any] in
                ["practice": entry.practice, "title": entry.title, "points": entry.points.map(String.init) ?? "-",
                 "poam": entry.poam ? "yes" : "no", "atRisk": atRisk.contains { $0.requirement.nist == entry.id }]
            },
        ]
        // A missing key, not an empty string, is what a Mustache section takes as false.
        if let name = model.organization.name { context["organization"] = name }
        if let overlap = ISOOverlap(analysis) {
            context["iso"] = ["inScopeNotCertified": overlap.inScopeNotCertified.map { ["id": model.assets[$0].id] },
                              "certifiedOutOfScope": overlap.certifiedOutOfScope.map { ["id": model.assets[$0].id] }]
        }
        return StreamedTemplate.Page(context: context, rows: [
            "inventory": inventory(analysis, categories: categories, explainer: explainer),
            "providers": .init(count: model.providers.count) { provider(row: $0, in: analysis, explainer: explainer) },
            "findings": .init(count: open.count) { finding(row: analysis.findings[open[$0]], in: analysis, explainer: explainer) },
            "suppressions": .init(count: suppressed.count) { finding(row: analysis.findings[suppressed[$0]], in: analysis, explainer: explainer) },
            "requirementsAtRisk": .init(count: atRisk.count) { requirement(row: atRisk[$0], in: analysis) },
        ])
    }

    /// The assets by category, in the Scoping Guide's order: a category's first row opens its table under
    /// its heading, its last row closes it.
    private static func inventory(_ analysis: Analysis, categories: [Summary.CategoryRow], explainer: Explainer) -> StreamedTemplate.Rows {
        let order = categories.flatMap { row in analysis.model.assets.indices.filter { analysis.assetCategories[$0] == row.category } }
        return .init(count: order.count) { index in
            let member = order[index], category = analysis.assetCategories[member]
            var row = asset(row: AssetJSON(member, in: analysis, explainer: explainer))
            if index == 0 || analysis.assetCategories[order[index - 1]] != category {
                row["opens"] = heading(categories.first { $0.category == category }!)
            }
            if index == order.count - 1 || analysis.assetCategories[order[index + 1]] != category { row["closes"] = true }
            return row
        }
    }

    /// A category's line in the summary, and the heading of its table in the inventory.
    private static func heading(_ row: Summary.CategoryRow) -> [String: Any] {
        ["id": row.category.rawValue, "title": row.category.title, "assets": row.assets, "units": row.units,
         "unitCount": count(row.units, "unit"), "obligation": row.category.obligation]
    }

    private static func asset(row asset: AssetJSON) -> [String: Any] {
        ["id": asset.id, "name": asset.label ?? "", "type": asset.type, "count": asset.count, "zone": asset.zone ?? "",
         "roles": asset.roles.joined(separator: ", "), "claimed": asset.claimed ?? "", "holds": asset.holds.joined(separator: ", "),
         "owner": asset.owner ?? "", "description": asset.description ?? "", "why": asset.why.first ?? "",
         "location": "\(asset.location.file):\(asset.location.line)"]
    }

    private static func provider(row p: Int, in analysis: Analysis, explainer: Explainer) -> [String: Any] {
        let provider = ProviderJSON(p, in: analysis, explainer: explainer), item = analysis.model.providers[p]
        return ["id": provider.id, "name": item.label ?? "", "type": provider.type, "role": provider.role,
                "inScope": provider.inScope ? "yes" : "no", "fedramp": item.fedramp.rawValue, "crm": item.crm ? "yes" : "no",
                "cmmc": item.cmmc?.rawValue ?? "", "country": item.country ?? "", "usPersons": item.usPersons.rawValue,
                "holds": provider.holds.joined(separator: ", "), "why": provider.why.first ?? ""]
    }

    private static func requirement(row entry: RequirementAtRisk, in analysis: Analysis) -> [String: Any] {
        ["practice": entry.requirement.practice, "title": NIST800171.entry(entry.requirement.nist)?.title ?? "NIST SP 800-172",
         "points": entry.requirement.points.map(String.init) ?? "-", "poam": entry.requirement.poam ? "yes" : "no",
         "rules": Set(entry.findings.map { analysis.findings[$0].rule }).sorted().joined(separator: ", "),
         "assets": entry.assets.map { ["id": analysis.model.assets[$0].id] }]
    }

    private static func finding(row finding: Finding, in analysis: Analysis, explainer: Explainer) -> [String: Any] {
        let model = analysis.model
        return ["severity": finding.severity.rawValue, "rule": finding.rule, "subject": explainer.text(finding.subject),
                "message": finding.message, "remedy": finding.remedy, "basis": finding.basis,
                "messageParts": parts(finding.message), "remedyParts": parts(finding.remedy),
                "location": finding.location.fileAndLine,
                "assets": finding.assets(in: model).map { ["id": model.assets[$0].id] },
                "evidence": finding.evidence.map { ["text": explainer.text($0)] },
                "requirements": finding.requirements.map { requirement -> [String: Any] in
                    ["practice": requirement.practice, "points": requirement.points.map { count($0, "point") } ?? "no SPRS points",
                     "poam": requirement.poam ? "POA&M-eligible" : "not POA&M-eligible: blocks conditional status"]
                },
                "justification": finding.suppression?.reason ?? ""]
    }

    /// Our messages name ids in backticks: the text split there, so that the HTML template can set the ids
    /// as code (`{"text", "code"}`, alternating).
    static func parts(_ text: String) -> [[String: Any]] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().compactMap { index, part in
            part.isEmpty ? nil : ["text": String(part), "code": index % 2 == 1]
        }
    }

    /// Graphviz's SVG from its `<svg>` element on: the XML declaration, the doctype and the generator comment
    /// have no place inside HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }
}
