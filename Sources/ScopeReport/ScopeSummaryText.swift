import ScopeAnalysis

/// The summary that closes `check`: assets per category, providers in scope, finding counts, SPRS exposure.
struct ScopeSummaryText {
    let style: TextStyle

    func write(_ report: ModelReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis
        let model = analysis.model
        let summary = analysis.summary
        output.write(style.bold("Scope of \(report.path)") + " (CMMC level \(analysis.level)"
            + (analysis.level == 1 ? ")" : ", \(model.organization.assessment(at: analysis.level).rawValue) assessment)") + "\n")
        var table = Table(header: ["category", "assets", "units", "ids"])
        for category in AssetCategory.allCases where (summary.categories[category] ?? 0) > 0 {
            let ids = model.assets.indices.filter { analysis.assetCategories[$0] == category }.map { model.assets[$0].id }
            let shown = ids.count > 8 ? ids.prefix(8).joined(separator: ", ") + ", …" : ids.joined(separator: ", ")
            table.rows.append([category.title, String(ids.count), String(summary.units[category] ?? 0), shown])
        }
        output.write(table.render(style: style))
        let providers = model.providers.indices.filter { analysis.providerRoles[$0] != .notESP }.map {
            "\(model.providers[$0].id) (\(analysis.providerRoles[$0].rawValue))"
        }
        if !providers.isEmpty { output.write("providers: " + providers.joined(separator: ", ") + "\n") }
        output.write(count(summary.errors, "error") + ", " + count(summary.warnings, "warning") + ", "
            + count(summary.infos, "info") + "; SPRS exposure " + count(summary.sprsExposure, "point") + "\n")
    }
}

/// `1 error`, `2 errors`.
func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
