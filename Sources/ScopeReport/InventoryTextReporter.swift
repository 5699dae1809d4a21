import ScopeAnalysis
import ScopeModel

/// `cuiscope scope`: every asset and provider with its category, roles and first reason, then the ISO 27001
/// overlap when the model declares a certificate scope.
public struct InventoryTextReporter: Reporter {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func write(_ report: ModelReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis
        let model = analysis.model
        let explainer = Explainer(model: model)
        var assets = Table(header: ["asset", "count", "category", "claimed", "roles", "zone", "holds", "owner", "description", "why"])
        for (a, asset) in model.assets.enumerated() {
            assets.rows.append([
                asset.id, String(asset.count), analysis.assetCategories[a].rawValue, asset.claimedCategory?.rawValue ?? "-",
                analysis.assetRoles[a].map(\.rawValue).joined(separator: ","),
                model.zone(placing: a).map { model.zones[$0].id } ?? "-",
                analysis.holdings(ofAsset: a).map { model.data[$0].id }.joined(separator: ","),
                asset.owner.map(style.literal) ?? "-", asset.description.map(style.literal) ?? "-",
                analysis.reasons(forAsset: a).first.map { style.literal(explainer.text($0)) } ?? "",
            ])
        }
        output.write(style.bold("Assets of \(report.path)") + " (CMMC level \(analysis.level))\n")
        output.write(assets.render(style: style) { column, cell in
            guard column == 2, let category = AssetCategory(rawValue: cell.trimmingTrailingSpaces()) else { return cell }
            return style.category(category) + String(repeating: " ", count: cell.count - category.rawValue.count)
        })
        if !model.providers.isEmpty {
            var providers = Table(header: ["provider", "type", "role", "in scope", "holds", "why"])
            for p in model.providers.indices {
                providers.rows.append([
                    model.providers[p].id, model.providers[p].type.rawValue, analysis.providerRoles[p].rawValue,
                    analysis.providerRoles[p].inScope ? "yes" : "no",
                    analysis.holdings(ofProvider: p).map { model.data[$0].id }.joined(separator: ","),
                    analysis.reasons(forProvider: p).first.map { style.literal(explainer.text($0)) } ?? "",
                ])
            }
            output.write("\n" + style.bold("Providers") + "\n" + providers.render(style: style))
        }
        if let overlap = ISOOverlap(analysis) {
            func ids(_ assets: [Int]) -> String { assets.isEmpty ? "none" : assets.map { model.assets[$0].id }.joined(separator: ", ") }
            output.write("\n" + style.bold("ISO/IEC 27001 overlap") + "\n")
            output.write("in CMMC scope, outside the certificate (evidence to build): " + ids(overlap.inScopeNotCertified) + "\n")
            output.write("in the certificate, outside CMMC scope: " + ids(overlap.certifiedOutOfScope) + "\n")
        }
    }
}
