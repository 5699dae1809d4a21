extension Rule {
    static let cspForeignSupport = Rule(
        id: "csp-foreign-support", severity: .warning,
        summary: "a cloud service provider holding export-controlled data does not limit access to U.S. persons",
        requirements: [],
        basis: "ITAR 22 CFR 120.56",
        remedy: "use a U.S.-persons-only offering (a government cloud region or tenant), and record `us-persons yes`",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data tech { class cui; category EXPT }
            provider cloud { type csp; fedramp moderate; country US }
            asset ws { type workstation; stores tech }
            flow ws -> cloud carries tech
            """, fires: ["cloud"]),
            RuleExample("""
            data tech { class cui; category EXPT }
            provider cloud { type csp; fedramp high; country US; us-persons yes }
            asset ws { type workstation; stores tech }
            flow ws -> cloud carries tech
            """),
        ],
        check: { rule, context in
            context.model.providers.enumerated().compactMap { p, provider in
                guard provider.type == .csp, provider.usPersons != .yes, context.holdsRestricted(.provider(p)) else { return nil }
                return rule.finding(.element(.provider(p)), at: provider.span,
                                    "`\(provider.id)` holds export-controlled data and does not limit its staff to U.S. persons (us-persons: \(provider.usPersons.rawValue))",
                                    evidence: context.cuiEvidence(.provider(p), mask: context.graph.restrictedMask))
            }
        })
}
