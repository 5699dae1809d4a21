import ScopeModel

extension RuleContext {
    /// The purpose-specific networks (SI.L3-3.14.3e): zones that themselves declare separation and hold only
    /// specialized assets and boundary devices.
    func purposeSpecificZones() -> [Bool] {
        let boundaryDevices: Set<AssetType> = [.firewall, .router, .switch, .vpn]
        var general = [Bool](repeating: false, count: model.zones.count)
        for (a, asset) in model.assets.enumerated() where !asset.type.isSpecialized && !boundaryDevices.contains(asset.type) {
            if let zone = graph.zone[a] { general[zone] = true }
        }
        return model.zones.indices.map { model.zones[$0].separation.separates && !general[$0] }
    }
}

extension Rule {
    static let specializedNotIsolated = Rule(
        id: "specialized-not-isolated", severity: .error,
        summary: "level 3: an in-scope specialized asset is not in a purpose-specific network (a separated zone of specialized assets and boundary devices)",
        requirements: [Requirements.specializedIsolation],
        basis: "NIST SP 800-172 3.14.3e; 32 CFR 170.19(d)",
        remedy: "put it in a zone of its own with `separation physical` or `logical`, holding only specialized assets and boundary devices, or assess it against the requirements",
        levels: [3],
        examples: [
            RuleExample("""
            organization "A" { level 3; assessment dibcac }
            data d { class cui }
            asset cnc { type ot; stores d }
            zone ot { separation logical; asset plc { type iiot; stores d }; asset fw { type firewall } }
            zone enclave { separation logical; asset srv { type server; stores d }; asset probe { type test-equipment; stores d } }
            zone shop { separation logical; zone cell { asset robot { type iot; stores d } } }
            """, fires: ["cnc", "probe", "robot"]),
            RuleExample("""
            organization "A" { level 2 }
            data d { class cui }
            asset cnc { type ot; stores d }
            """),
        ],
        check: { rule, context in
            let purposeSpecific = context.purposeSpecificZones()
            return context.model.assets.enumerated().compactMap { a, asset in
                guard context.category(a) == .specialized else { return nil }
                if let zone = context.graph.zone[a], purposeSpecific[zone] { return nil }
                return rule.finding(.element(.asset(a)), at: asset.span,
                                    "specialized `\(asset.id)` is not in a purpose-specific network",
                                    evidence: context.cuiEvidence(.asset(a)) + context.reachEvidence(a))
            }
        })
}
