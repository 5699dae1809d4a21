import ScopeAnalysis
import ScopeModel

/// `cuiscope explain`: the full witness for one element, and the findings about it.
public struct ExplainTextReporter: Reporter {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func write(_ report: ElementReport, to output: inout some TextOutputStream) {
        let analysis = report.analysis
        let model = analysis.model
        let explainer = Explainer(model: model)
        let reasons: [Reason]
        switch report.element {
        case .asset(let a):
            let asset = model.assets[a]
            output.write(style.bold(asset.id) + (asset.label.map { " \"\(style.literal($0))\"" } ?? "") + ": "
                + style.category(analysis.assetCategories[a]) + " (\(analysis.assetCategories[a].title))\n")
            output.write("  type \(asset.type.rawValue), zone \(model.zone(placing: a).map { model.zones[$0].id } ?? "(organization)")"
                + ", declared at \(asset.span.location)\n")
            if !analysis.assetRoles[a].isEmpty { output.write("  roles: " + analysis.assetRoles[a].map(\.rawValue).joined(separator: ", ") + "\n") }
            reasons = analysis.reasons(forAsset: a)
        case .provider(let p):
            let provider = model.providers[p]
            output.write(style.bold(provider.id) + (provider.label.map { " \"\(style.literal($0))\"" } ?? "") + ": role \(analysis.providerRoles[p].rawValue)"
                + (analysis.providerRoles[p].inScope ? ", in scope" : ", not in scope") + "\n")
            output.write("  type \(provider.type.rawValue), declared at \(provider.span.location)\n")
            reasons = analysis.reasons(forProvider: p)
        case .zone(let z):
            let zone = model.zones[z]
            let members = model.assets.indices.filter { model.zone(placing: $0) == z }
            output.write(style.bold(zone.id) + ": zone, separation \(zone.separation.rawValue), declared at \(zone.span.location)\n")
            output.write("  assets: " + members.map { "\(model.assets[$0].id) (\(analysis.assetCategories[$0].rawValue))" }
                .joined(separator: ", ") + "\n")
            reasons = []
        case .data(let d):
            let item = model.data[d]
            output.write(style.bold(item.id) + ": data, class \(item.dataClass.rawValue), declared at \(item.span.location)\n")
            let holders = model.assets.indices.filter { analysis.holdings(ofAsset: $0).contains(d) }.map { model.assets[$0].id }
                + model.providers.indices.filter { analysis.holdings(ofProvider: $0).contains(d) }.map { model.providers[$0].id }
            output.write("  held by: " + (holders.isEmpty ? "nothing" : holders.joined(separator: ", ")) + "\n")
            reasons = []
        }
        if !reasons.isEmpty {
            output.write("  why:\n")
            for reason in reasons {
                output.write("    - \(style.literal(explainer.headline(reason.kind)))\n")
                for step in reason.steps { output.write("        \(style.literal(explainer.text(step)))\n") }
            }
        }
        let findings = analysis.findings.filter { $0.involves(report.element, in: model) }
        if !findings.isEmpty {
            output.write("  findings:\n")
            for finding in findings {
                output.write("    - " + style.severity(finding.severity) + " \(finding.message) [\(finding.rule)]"
                    + (finding.suppression.map { " (suppressed: \(style.literal($0.reason)))" } ?? "") + "\n")
            }
        }
    }
}
