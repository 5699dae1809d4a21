import ScopeModel

extension RuleContext {
    /// Public assets (docs/scoping.md §7) that share a network with another holder of the data that sets the
    /// scope (CUI; FCI at level 1), or have a channel to one that passes no `via` device and stays in its
    /// segment; each with the path. Hypervisor isolation: a host's CUI that comes only from its guests does
    /// not count for another guest.
    func unseparatedPublicAssets() -> [(asset: Int, evidence: [Reason])] {
        let isPublic = model.assets.map { $0.isPublic }
        guard isPublic.contains(true) else { return [] }
        let mask = level == 1 ? graph.cuiOrFCIMask : graph.cuiMask
        func holds(_ a: Int) -> Bool {
            holdings.holdsAny(a, of: mask) && !graph.outsideCMMC[a] && graph.isNetworkNode[a]
        }
        let fabric = reachability.fabric
        let sources = model.assets.indices.filter(holds)
        let forest = fabric.forest(from: sources)
        // The first holder of each fabric component, and the second: another holder than the public asset itself.
        var holders: [Int32: (first: Int, second: Int?)] = [:]
        for a in sources {
            guard let component = fabric.component[a] else { continue }
            if let entry = holders[component] {
                if entry.second == nil { holders[component] = (entry.first, a) }
            } else {
                holders[component] = (a, nil)
            }
        }
        // Channels of public assets with no `via` device, within one segment.
        var channels: [Int: [(other: Int, step: Step, hosted: Bool)]] = [:]
        func channel(_ a: Int, _ b: Int, _ step: Step, hosted: Bool = false) {
            guard a != b, isPublic[a] || isPublic[b], graph.segment(of: .asset(a)) == graph.segment(of: .asset(b)) else { return }
            channels[a, default: []].append((b, step, hosted))
            channels[b, default: []].append((a, step, false))
        }
        for (f, flow) in model.flows.enumerated() where flow.via.isEmpty {
            if case .asset(let a) = flow.from, case .asset(let b) = flow.to { channel(a, b, .flow(f)) }
        }
        for (i, access) in model.accesses.enumerated() {
            guard let device = graph.networkDevice(of: access), graph.isNetworkNode[device], case .asset(let target) = access.to else { continue }
            channel(device, target, .access(i))
        }
        for (a, asset) in model.assets.enumerated() {
            if case .asset(let host)? = asset.hostedOn { channel(a, host, .hosting(asset: a), hosted: true) }
        }
        return model.assets.indices.compactMap { a -> (asset: Int, evidence: [Reason])? in
            guard model.assets[a].isPublic, !graph.outsideCMMC[a] else { return nil }
            if let component = fabric.component[a], let entry = holders[component],
               let other = entry.first == a ? entry.second : entry.first {
                // A holder is its own nearest source: then the evidence is where each of the two sits.
                let (holder, path) = forest.path(from: a).flatMap { $0.source == a ? nil : ($0.source, $0.steps) }
                    ?? (other, [.membership(asset: a), .membership(asset: other)])
                return (a, [Reason(.sharesNetwork(holder: holder), path)])
            }
            let counted = channels[a, default: []].first { holds($0.other) && (!$0.hosted || holdings.holdsOwnCUI[$0.other]) }
            return counted.map { (a, [Reason(.sharesNetwork(holder: $0.other), [$0.step])]) }
        }
    }
}

extension Rule {
    static let publicAssetNotSeparated = Rule(
        id: "public-asset-not-separated", severity: .error,
        summary: "a public (`public yes`) asset shares a network with another asset holding CUI (FCI at level 1), or has a direct channel to one",
        requirements: [Requirements.publicSeparation],
        basis: "NIST SP 800-171 3.13.5; FAR 52.204-21(b)(1)(xi)",
        remedy: "put it in a separated zone (a DMZ with `separation logical`), with no direct channel to the assets holding CUI",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data d { class cui }
            asset files { type server; stores d }
            asset web { type server; public yes }
            asset portal { type server; public yes; stores d }
            zone dmz { separation logical; asset web2 { type server; public yes } }
            """, fires: ["web", "portal"]),
            RuleExample("""
            data d { class cui }
            zone enclave { separation logical; asset files { type server; stores d }; asset fw { type firewall } }
            zone dmz { separation logical; asset web { type server; public yes }; asset shop { type server; public yes } }
            asset portal { type server; public yes; stores d }
            flow web -> files carries none via fw
            zone hv-net { separation logical; asset hv { type server }; asset vm1 { type vm; hosted-on hv; stores d } }
            zone web-dmz { separation logical }
            asset site { type vm; public yes; hosted-on hv; zone web-dmz }
            """),
            RuleExample("""
            organization "Shop" { level 1 }
            data po { class fci }
            asset pc { type workstation; stores po }
            asset web { type server; public yes }
            """, fires: ["web"]),
        ],
        check: { rule, context in
            context.unseparatedPublicAssets().map { a, evidence in
                rule.finding(.element(.asset(a)), at: context.model.assets[a].span,
                             "public `\(context.model.assets[a].id)` is not separated from the \(context.level == 1 ? "FCI" : "CUI") on other assets",
                             evidence: evidence)
            }
        })

    static let cuiOnPublicAsset = Rule(
        id: "cui-on-public-asset", severity: .error,
        summary: "a public (`public yes`) asset holds CUI",
        requirements: [Requirements.publicInformation],
        basis: "NIST SP 800-171 3.1.22",
        remedy: "remove the CUI from the public system and review what is posted there",
        examples: [
            RuleExample("""
            data d { class cui }
            data m { class public }
            asset web { type server; public yes; stores d }
            asset site { type server; public yes; stores m }
            """, fires: ["web"]),
            RuleExample("""
            data d { class cui }
            data m { class public }
            asset web { type server; public yes; stores m }
            asset files { type server; stores d }
            flow files -> web carries m
            """),
        ],
        check: { rule, context in
            context.model.assets.enumerated().compactMap { a, asset in
                guard asset.isPublic, context.holdsCUI(.asset(a)) else { return nil }
                return rule.finding(.element(.asset(a)), at: asset.span, "public `\(asset.id)` holds CUI", evidence: context.cuiEvidence(.asset(a)))
            }
        })
}
