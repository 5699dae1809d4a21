extension Rule {
    static let subcontractorMissing7012 = Rule(
        id: "subcontractor-missing-7012", severity: .error,
        summary: "CUI flows to a subcontractor whose subcontract does not carry DFARS 252.204-7012",
        requirements: [],
        basis: "DFARS 252.204-7012(m)(1)",
        remedy: "include DFARS 252.204-7012 in the subcontract (then record `dfars-7012 yes`), or stop sending it CUI",
        levels: [2, 3],
        examples: [
            RuleExample("""
            data d { class cui }
            provider sub { type subcontractor; cmmc l2-c3pao }
            asset ws { type workstation; stores d }
            flow ws -> sub carries d
            """, fires: ["sub"]),
            RuleExample("""
            data d { class cui }
            provider sub { type subcontractor; cmmc l2-c3pao; dfars-7012 yes }
            asset ws { type workstation; stores d }
            flow ws -> sub carries d
            """),
        ],
        check: { rule, context in
            context.model.providers.enumerated().compactMap { p, provider in
                guard provider.type == .subcontractor, !provider.dfars7012, context.holdsCUI(.provider(p)) else { return nil }
                return rule.finding(.element(.provider(p)), at: provider.span,
                                    "subcontractor `\(provider.id)` receives CUI without DFARS 252.204-7012 in its subcontract",
                                    evidence: context.cuiEvidence(.provider(p)))
            }
        })
}
