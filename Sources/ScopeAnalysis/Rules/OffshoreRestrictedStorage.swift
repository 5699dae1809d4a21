import ScopeModel

extension Rule {
    static let offshoreRestrictedStorage = Rule(
        id: "offshore-restricted-storage", severity: .error,
        summary: "export-controlled data held by a provider outside the US (or where unknown: a warning) is not carved out by encryption with U.S.-person key holders",
        requirements: [],
        basis: "ITAR 22 CFR 120.54(a)(5); EAR 15 CFR 734.18(a)(5)",
        remedy: "keep it in the US, or encrypt every copy end to end and keep the keys with U.S. persons in the US (`access PERSON -> ASSET { keys yes }`)",
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
            provider cloud { type csp; fedramp high; country DE; us-persons yes }
            provider china { type csp; fedramp high; country CN; us-persons yes }
            asset vault { type storage; hosted-on cloud; stores tech; encryption non-fips }
            asset admin { type person; country US; us-persons yes }
            provider army { type government }
            access admin -> vault { keys yes; mfa yes }
            flow vault -> army carries tech
            """),
            // Each copy is judged alone: an encrypted copy never covers an unencrypted one.
            RuleExample("""
            data tech { class cui; category EXPT }
            provider cloud { type csp; fedramp high; country DE; us-persons yes }
            provider somewhere { type csp; fedramp high; us-persons yes }
            provider china { type csp; fedramp high; country CN; us-persons yes }
            asset vault { type storage; hosted-on cloud; stores tech; encryption fips }
            asset copy { type storage; hosted-on cloud; stores tech; encryption none }
            asset keyless { type storage; hosted-on somewhere; stores tech; encryption fips }
            asset cn { type storage; hosted-on china; stores tech; encryption fips }
            asset admin { type person; country US; us-persons yes }
            access admin -> vault { keys yes; mfa yes }
            access admin -> cn { keys yes; mfa yes }
            """, fires: ["cloud", "somewhere", "china"]),
        ],
        check: { rule, context in
            let model = context.model
            let reach = context.exportReach
            var copies = [[Int]](repeating: [], count: model.providers.count)
            for a in model.assets.indices where !reach.carvedOut[a] && context.holdsRestricted(.asset(a)) {
                if let p = model.hostingProvider(of: a) { copies[p].append(a) }
            }
            return model.providers.enumerated().compactMap { p, provider in
                // The U.S. Government is no export; a government provider with no country is taken as U.S.
                if provider.country == "US" || (provider.type == .government && provider.country == nil) { return nil }
                guard !reach.sentToProvider[p].isEmpty || !copies[p].isEmpty else { return nil }
                let names = Set(reach.sentToProvider[p] + copies[p].flatMap { context.holdings.items($0) })
                    .filter { model.data[$0].dataClass == .cui && model.data[$0].isForeignPersonRestricted }.sorted()
                    .map { "`\(model.data[$0].id)`" }.joined(separator: ", ")
                let place = provider.country.map { "(\($0))" } ?? "(country unknown)"
                let evidence = (reach.sentToProvider[p].isEmpty ? [] : context.cuiEvidence(.provider(p), mask: context.graph.restrictedMask))
                    + copies[p].flatMap { context.cuiEvidence(.asset($0), mask: context.graph.restrictedMask) }
                return rule.finding(.element(.provider(p)), at: provider.span,
                                    "`\(provider.id)` \(place) holds export-controlled \(names) that no encryption carve-out covers",
                                    evidence: evidence, severity: provider.country == nil ? .warning : .error)
            }
        })
}
