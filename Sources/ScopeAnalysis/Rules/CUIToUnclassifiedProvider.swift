extension Rule {
    static let cuiToUnclassifiedProvider = Rule(
        id: "cui-to-unclassified-provider", severity: .error,
        summary: "a `vendor` provider holds CUI: it must be classified as a CSP, an ESP or a subcontractor",
        requirements: [Requirements.externalConnections],
        basis: "32 CFR 170.19(c)(2); NIST SP 800-171 3.1.20",
        remedy: "classify the provider (`type csp`, `msp`, `mssp` or `subcontractor`) and meet that type's requirements, or stop sending it CUI",
        levels: [1, 2, 3],
        examples: [
            RuleExample("""
            data d { class cui }
            provider shop { type vendor }
            asset ws { type workstation; stores d }
            flow ws -> shop carries d
            """, fires: ["shop"]),
            RuleExample("""
            data d { class cui }
            data m { class public }
            provider shop { type vendor }
            asset ws { type workstation; stores d, m }
            flow ws -> shop carries m
            """),
        ],
        check: { rule, context in
            context.model.providers.enumerated().compactMap { p, provider in
                guard provider.type == .vendor, context.holdsCUI(.provider(p)) else { return nil }
                return rule.finding(.element(.provider(p)), at: provider.span, "vendor `\(provider.id)` holds CUI but is not classified",
                                    evidence: context.cuiEvidence(.provider(p)))
            }
        })
}
