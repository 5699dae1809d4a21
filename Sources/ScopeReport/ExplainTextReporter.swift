import ScopeAnalysis
import ScopeModel

/// `cuiscope explain`: the full witness for one element.
public struct ExplainTextReporter: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func render(_ analysis: Analysis, element: ElementRef) -> String {
        let model = analysis.model
        let explainer = Explainer(model: model)
        var out: String
        let reasons: [Reason]
        switch element {
        case .asset(let a):
            let asset = model.assets[a]
            out = style.bold(asset.id) + (asset.label.map { " \"\($0)\"" } ?? "") + ": " + style.category(analysis.assetCategories[a])
                + " (\(analysis.assetCategories[a].title))\n"
            out += "  type \(asset.type.rawValue), zone \(asset.zone.map { model.zones[$0].id } ?? "(organization)")"
                + ", declared at \(asset.span.location)\n"
            if !analysis.assetRoles[a].isEmpty { out += "  roles: " + analysis.assetRoles[a].map(\.rawValue).joined(separator: ", ") + "\n" }
            reasons = analysis.reasons(forAsset: a)
        case .provider(let p):
            let provider = model.providers[p]
            out = style.bold(provider.id) + (provider.label.map { " \"\($0)\"" } ?? "") + ": role \(analysis.providerRoles[p].rawValue)"
                + (analysis.providerRoles[p].inScope ? ", in scope" : ", not in scope") + "\n"
            out += "  type \(provider.type.rawValue), declared at \(provider.span.location)\n"
            reasons = analysis.reasons(forProvider: p)
        case .zone(let z):
            let zone = model.zones[z]
            let members = model.assets.indices.filter { model.assets[$0].zone == z }
            out = style.bold(zone.id) + ": zone, separation \(zone.separation.rawValue), declared at \(zone.span.location)\n"
            out += "  assets: " + members.map { "\(model.assets[$0].id) (\(analysis.assetCategories[$0].rawValue))" }.joined(separator: ", ") + "\n"
            reasons = []
        case .data(let d):
            let item = model.data[d]
            out = style.bold(item.id) + ": data, class \(item.dataClass.rawValue), declared at \(item.span.location)\n"
            let holders = model.assets.indices.filter { analysis.holdings(ofAsset: $0).contains(d) }.map { model.assets[$0].id }
                + model.providers.indices.filter { analysis.holdings(ofProvider: $0).contains(d) }.map { model.providers[$0].id }
            out += "  held by: " + (holders.isEmpty ? "nothing" : holders.joined(separator: ", ")) + "\n"
            reasons = []
        }
        if !reasons.isEmpty {
            out += "  why:\n"
            for reason in reasons {
                out += "    - \(reason.headline)\n"
                for step in reason.steps { out += "        \(explainer.text(step))\n" }
            }
        }
        let id = model.id(of: element)
        let findings = analysis.findings.filter { $0.subject == id || $0.subject.hasPrefix("\(id) ") || $0.subject.hasSuffix(" \(id)") }
        if !findings.isEmpty {
            out += "  findings:\n"
            for finding in findings {
                out += "    - " + style.severity(finding.severity) + " \(finding.message) [\(finding.rule)]"
                    + (finding.suppression.map { " (suppressed: \($0.reason))" } ?? "") + "\n"
            }
        }
        return out
    }
}

/// `cuiscope rules`: the catalogue.
public struct RulesTextReporter: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func render() -> String {
        var out = ""
        for rule in Rule.catalogue {
            out += style.bold(rule.id) + " " + style.severity(rule.severity) + " " + style.dim("(level \(rule.levels.sorted().map(String.init).joined(separator: ", ")))") + "\n"
            out += "  fires when \(rule.summary)\n"
            let cites = rule.requirements.map(\.citation) + [rule.basis]
            out += "  cites: " + cites.joined(separator: "; ") + "\n"
            out += "  remedy: \(rule.remedy)\n\n"
        }
        return out
    }
}
