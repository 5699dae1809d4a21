import ScopeModel

extension Rule {
    static let offshoreRestrictedStorage = Rule(
        id: "offshore-restricted-storage", severity: .error,
        summary: "export-controlled data is held by a provider outside the US without FIPS-validated encryption whose keys stay with U.S. persons",
        requirements: [],
        basis: "ITAR 22 CFR 120.54(a)(5)",
        remedy: "keep it in the US, or encrypt it end to end with FIPS-validated modules and keep the keys with U.S. persons",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data tech { class cui; category EXPT }
            provider cloud { type csp; fedramp high; country DE }
            asset ws { type workstation; stores tech }
            flow ws -> cloud carries tech
            """, fires: ["cloud"]),
            RuleExample("""
            data tech { class cui; category EXPT }
            provider cloud { type csp; fedramp high; country DE }
            asset vault { type storage; hosted-on cloud; stores tech; encryption fips }
            asset admin { type person; country US; us-persons yes }
            access admin -> vault { keys yes; mfa yes }
            """),
            RuleExample("""
            data tech { class cui; category EXPT }
            provider cloud { type csp; fedramp high; country DE }
            asset vault { type storage; hosted-on cloud; stores tech; encryption fips }
            access cloud -> vault { keys yes; mfa yes }
            """, fires: ["cloud"]),
            RuleExample("""
            data tech { class cui; category EXPT }
            provider cloud { type csp; fedramp high; country US }
            asset ws { type workstation; stores tech }
            flow ws -> cloud carries tech
            """),
        ],
        check: { rule, context in
            let model = context.model
            // Restricted data is covered where it sits on a FIPS-encrypted asset hosted there whose keys no
            // foreign or unknown party holds.
            var covered = [Set<Int>](repeating: [], count: model.providers.count)
            var foreignKeys = Set<Int>()
            for access in model.accesses where access.keys {
                if case .asset(let target) = access.to, context.usPersonStatus(access.from) != .yes { foreignKeys.insert(target) }
            }
            for (a, asset) in model.assets.enumerated() {
                guard case .provider(let p)? = asset.hostedOn, asset.encryption == .fips, !foreignKeys.contains(a) else { continue }
                covered[p].formUnion(context.holdings.items(context.graph.node(asset: a)))
            }
            return model.providers.enumerated().compactMap { p, provider in
                guard let country = provider.country, country != "US" else { return nil }
                let restricted = context.holdings.items(context.graph.node(provider: p)).filter {
                    model.data[$0].dataClass == .cui && model.data[$0].isForeignPersonRestricted && !covered[p].contains($0)
                }
                guard !restricted.isEmpty else { return nil }
                let names = restricted.map { "`\(model.data[$0].id)`" }.joined(separator: ", ")
                return rule.finding(.element(.provider(p)), at: provider.span, "`\(provider.id)` (\(country)) holds export-controlled \(names)",
                                    evidence: context.cuiEvidence(.provider(p), mask: context.graph.restrictedMask))
            }
        })
}
