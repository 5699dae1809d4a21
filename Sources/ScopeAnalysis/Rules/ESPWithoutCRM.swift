extension Rule {
    static let espWithoutCRM = Rule(
        id: "esp-without-crm", severity: .error,
        summary: "a cloud or external service provider in the assessment scope has no customer responsibility matrix (an error where it holds CUI)",
        requirements: [],
        basis: "32 CFR 170.19(c)(2)(ii)",
        remedy: "obtain the provider's customer responsibility matrix, reference it in the SSP, and record `crm yes`",
        examples: [
            // docs/scoping.md §9: a SIEM run by an MSSP holds security data of in-scope workstations.
            RuleExample("""
            data d { class cui }
            data logs { class spd }
            provider soc { type mssp; country US; us-persons yes }
            asset ws { type workstation; stores d, logs }
            asset siem { type siem; hosted-on soc }
            flow ws -> siem carries logs
            """, fires: ["soc"]),
            RuleExample("""
            data d { class cui }
            provider gov { type csp; fedramp high; crm yes }
            provider other { type csp }
            asset ws { type workstation; stores d }
            flow ws -> gov carries d
            """),
        ],
        check: { rule, context in
            context.model.providers.enumerated().compactMap { p, provider in
                let role = context.categorization.providerRoles[p]
                guard role.inScope, !provider.crm else { return nil }
                return rule.finding(.element(.provider(p)), at: provider.span,
                                    "`\(provider.id)` (\(role.rawValue)) has no customer responsibility matrix",
                                    evidence: context.cuiEvidence(.provider(p))
                                        + (context.categorization.providerReasons[p].map { [$0] } ?? []),
                                    severity: role == .espSPA ? .warning : .error)
            }
        })
}
