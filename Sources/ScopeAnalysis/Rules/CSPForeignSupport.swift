import ScopeModel

extension Rule {
    static let cspForeignSupport = Rule(
        id: "csp-foreign-support", severity: .warning,
        summary: "a cloud service provider that can reach export-controlled data does not limit its staff to U.S. persons (an error when it says so)",
        requirements: [],
        basis: "ITAR 22 CFR 120.56",
        remedy: "use a U.S.-persons-only offering (a government cloud region or tenant), and record `us-persons yes`",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data tech { class cui; category EXPT }
            provider cloud { type csp; fedramp moderate; country US }
            provider intl { type csp; fedramp moderate; country US; us-persons no }
            asset ws { type workstation; stores tech }
            flow ws -> cloud carries tech
            access intl -> ws { admin yes; mfa yes }
            """, fires: ["cloud", "intl"]),
            RuleExample("""
            data tech { class cui; category EXPT }
            provider cloud { type csp; fedramp high; country US; us-persons yes }
            provider other { type csp; us-persons no }
            asset ws { type workstation; stores tech }
            flow ws -> cloud carries tech
            """),
        ],
        check: { rule, context in
            var reaching: [Int: ExportReach.Path] = [:]
            for path in context.exportReach.paths {
                if case .provider(let p) = path.principal, reaching[p] == nil { reaching[p] = path }
            }
            return context.model.providers.enumerated().compactMap { p, provider in
                guard provider.type == .csp, provider.usPersons != .yes, let path = reaching[p] else { return nil }
                return rule.finding(.element(.provider(p)), at: provider.span,
                                    "`\(provider.id)` can reach export-controlled data on `\(context.name(path.holder))` and does not limit its staff to U.S. persons (us-persons: \(provider.usPersons.rawValue))",
                                    evidence: (path.steps.isEmpty ? [] : [context.written(path.steps)])
                                        + context.cuiEvidence(path.holder, mask: context.graph.restrictedMask),
                                    severity: provider.usPersons == .no ? .error : .warning)
            }
        })
}
