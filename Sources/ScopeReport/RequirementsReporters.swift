import ScopeAnalysis
import ScopeModel

/// What `cuiscope requirements` reads: an analysis, the model's path, and the asset to report on, if one.
public struct RequirementsReport: Sendable {
    public let analysis: Analysis
    public let path: String
    public let asset: Int?

    public init(_ analysis: Analysis, path: String, asset: Int? = nil) {
        self.analysis = analysis
        self.path = path
        self.asset = asset
    }

    /// The requirements at risk, only those touching `asset` when one is given.
    var atRisk: [RequirementAtRisk] {
        let all = analysis.requirementsAtRisk
        guard let asset else { return all }
        return all.filter { $0.assets.contains(asset) }
    }

}

extension Summary {
    /// The categories that hold an asset, in the order of the Scoping Guide, with assets and units.
    typealias CategoryRow = (category: AssetCategory, assets: Int, units: Int)

    var populatedCategories: [CategoryRow] {
        Summary.scopingGuideOrder.compactMap { category in categories[category].map { (category, $0, units[category] ?? 0) } }
    }

    private static let scopingGuideOrder: [AssetCategory] = [.cui, .spa, .crma, .specialized, .fci, .out, .outsideCMMC]
}

/// `cuiscope requirements`: what each category owes, the requirements the findings put at risk (with SPRS
/// exposure), and the 110 requirements with their points; for one asset, its category's obligation and the
/// requirements its findings touch.
public struct RequirementsTextReporter: Reporter {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func write(_ report: RequirementsReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis, model = analysis.model, summary = analysis.summary
        if let a = report.asset {
            let category = analysis.assetCategories[a]
            output.write(style.bold("\(model.assets[a].id)") + ": " + style.category(category) + " (\(category.title))\n")
            output.write("owes: \(category.obligation)\n")
        } else {
            output.write(style.bold("Requirements of \(report.path)") + " (CMMC level \(analysis.level))\n\n")
            var categories = Table(header: ["category", "assets", "units", "owes"])
            for row in summary.populatedCategories {
                categories.rows.append([row.category.title, String(row.assets), String(row.units), row.category.obligation])
            }
            output.write(categories.render(style: style))
        }
        let atRisk = report.atRisk
        output.write("\n" + style.bold("Requirements the open findings put at risk") + ": \(atRisk.count)"
                     + (report.asset == nil ? "; SPRS exposure \(summary.sprsExposure), score \(summary.sprsScore)" : "") + "\n")
        if !atRisk.isEmpty {
            var table = Table(header: ["practice", "title", "points", "poa&m", "findings", "assets"])
            for entry in atRisk {
                table.rows.append([entry.requirement.practice, NIST800171.entry(entry.requirement.nist)?.title ?? "(NIST SP 800-172)",
                                   entry.requirement.points.map(String.init) ?? "-", entry.requirement.poam ? "yes" : "no",
                                   Set(entry.findings.map { analysis.findings[$0].rule }).sorted().joined(separator: ","),
                                   entry.assets.map { model.assets[$0].id }.joined(separator: ",")])
            }
            output.write(table.render(style: style))
        }
        guard report.asset == nil else { return }
        let cited = Set(atRisk.map(\.requirement.nist))
        output.write("\n" + style.bold("NIST SP 800-171 r2") + ": \(NIST800171.all.count) requirements, DoD Assessment Methodology points"
                     + " (SPRS score = \(NIST800171.perfectScore) minus the points of each requirement not met)\n")
        var catalog = Table(header: ["practice", "title", "points", "poa&m", "at risk"])
        for entry in NIST800171.all {
            catalog.rows.append([entry.practice, entry.title, entry.points.map(String.init) ?? "-", entry.poam ? "yes" : "no",
                                 cited.contains(entry.id) ? "yes" : ""])
        }
        output.write(catalog.render(style: style))
    }
}

/// `cuiscope requirements --format json` (docs/output.md).
public struct RequirementsJSONReporter: Reporter {
    public init() {}

    public func write(_ report: RequirementsReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis, model = analysis.model
        let atRisk = report.atRisk
        var document: [String: JSONNode] = [
            "model": .value(report.path),
            "level": .value(analysis.level),
            "at-risk": .elements(atRisk) { entry in
                AtRiskJSON(requirement: RequirementJSON(requirement: entry.requirement),
                           title: NIST800171.entry(entry.requirement.nist)?.title,
                           findings: entry.findings.map { FindingRefJSON(rule: analysis.findings[$0].rule,
                                                                          location: LocationJSON(analysis.findings[$0].location)) },
                           assets: entry.assets.map { model.assets[$0].id })
            },
        ]
        if let a = report.asset {
            let category = analysis.assetCategories[a]
            document["asset"] = .value(AssetObligationJSON(id: model.assets[a].id, category: category.rawValue,
                                                           obligation: category.obligation,
                                                           assessed: category.assessedAgainstRequirements))
        } else {
            let summary = analysis.summary
            document["sprs"] = .value(["exposure": summary.sprsExposure, "score": summary.sprsScore,
                                       "conditional-minimum": NIST800171.conditionalMinimum])
            document["categories"] = .elements(summary.populatedCategories) { row in
                CategoryJSON(category: row.category.rawValue, assets: row.assets, units: row.units,
                             obligation: row.category.obligation, assessed: row.category.assessedAgainstRequirements)
            }
            document["catalog"] = .elements(NIST800171.all) { entry in
                CatalogJSON(requirement: RequirementJSON(requirement: entry.requirement), family: entry.family, title: entry.title)
            }
        }
        JSON.write(.object(document), to: &output)
    }

    struct AtRiskJSON: Encodable {
        let requirement: RequirementJSON
        let title: String?
        let findings: [FindingRefJSON]
        let assets: [String]
    }

    struct FindingRefJSON: Encodable {
        let rule: String
        let location: LocationJSON
    }

    struct AssetObligationJSON: Encodable {
        let id: String
        let category: String
        let obligation: String
        let assessed: Bool
    }

    struct CategoryJSON: Encodable {
        let category: String
        let assets: Int
        let units: Int
        let obligation: String
        let assessed: Bool
    }

    struct CatalogJSON: Encodable {
        let requirement: RequirementJSON
        let family: String
        let title: String
    }
}
