import ScopeAnalysis
import ScopeModel

/// `cuiscope scope`: every asset and provider with its category, roles and first reason.
public struct InventoryTextReporter: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func render(_ analysis: Analysis, path: String) -> String {
        let model = analysis.model
        let explainer = Explainer(model: model)
        var assets = Table(header: ["asset", "category", "roles", "zone", "holds", "why"])
        for a in model.assets.indices {
            let reasons = analysis.reasons(forAsset: a)
            assets.rows.append([
                model.assets[a].id, analysis.assetCategories[a].rawValue,
                analysis.assetRoles[a].map(\.rawValue).joined(separator: ","),
                model.assets[a].zone.map { model.zones[$0].id } ?? "-",
                analysis.holdings(ofAsset: a).map { model.data[$0].id }.joined(separator: ","),
                reasons.first.map(explainer.text) ?? "",
            ])
        }
        var out = style.bold("Assets of \(path)") + " (CMMC level \(analysis.level))\n"
        out += assets.render(style: style) { column, cell in
            guard column == 1, let category = AssetCategory(rawValue: cell.trimmingTrailingSpaces()) else { return cell }
            return style.category(category) + String(repeating: " ", count: cell.count - category.rawValue.count)
        }
        if !model.providers.isEmpty {
            var providers = Table(header: ["provider", "type", "role", "in scope", "holds", "why"])
            for p in model.providers.indices {
                providers.rows.append([
                    model.providers[p].id, model.providers[p].type.rawValue, analysis.providerRoles[p].rawValue,
                    analysis.providerRoles[p].inScope ? "yes" : "no",
                    analysis.holdings(ofProvider: p).map { model.data[$0].id }.joined(separator: ","),
                    analysis.reasons(forProvider: p).first.map(explainer.text) ?? "",
                ])
            }
            out += "\n" + style.bold("Providers") + "\n" + providers.render(style: style)
        }
        if let overlap = ISOOverlap(analysis) {
            out += "\n" + style.bold("ISO/IEC 27001 overlap") + "\n"
            out += "in CMMC scope, outside the certificate (evidence to build): "
                + (overlap.inScopeNotCertified.isEmpty ? "none" : overlap.inScopeNotCertified.joined(separator: ", ")) + "\n"
            out += "in the certificate, outside CMMC scope: "
                + (overlap.certifiedOutOfScope.isEmpty ? "none" : overlap.certifiedOutOfScope.joined(separator: ", ")) + "\n"
        }
        return out
    }
}

