import ScopeAnalysis
import ScopeModel

/// `cuiscope explain`: the full witness for one element, who administers, protects and hosts it, and the
/// findings about it.
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
        for (title, relations) in relationsAround(report.element, in: model) where !relations.isEmpty {
            output.write("  \(title): " + relations.map { style.literal(explainer.text($0)) }.joined(separator: "; ") + "\n")
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

    /// Who administers and protects an asset or zone (directly, or through a zone around it), and what it
    /// runs on or hosts: each as the step that says so.
    private func relationsAround(_ element: ElementRef, in model: Model) -> [(String, [Step])] {
        let targets: Set<Endpoint>
        switch element {
        case .asset(let a): targets = Set([.asset(a)] + model.zoneChain(from: model.zone(placing: a)).map(Endpoint.zone))
        case .zone(let z): targets = Set(model.zoneChain(from: z).map(Endpoint.zone))
        case .provider, .data: return []
        }
        let administers = model.accesses.indices.filter { model.accesses[$0].admin && targets.contains(model.accesses[$0].to) }.map(Step.access)
        let protects = model.protections.indices.filter { targets.contains(model.protections[$0].to) }.map(Step.protects)
        guard case .asset(let a) = element else { return [("administered by", administers), ("protected by", protects)] }
        let hostedOn = model.assets[a].hostedOn == nil ? [] : [Step.hosting(asset: a)]
        let guests = model.assets.indices.filter { model.assets[$0].hostedOn == .asset(a) }.map { Step.hosting(asset: $0) }
        return [("administered by", administers), ("protected by", protects), ("runs on", hostedOn), ("hosts", guests)]
    }
}
